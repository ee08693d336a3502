package io.boardclerk.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A meeting of a board: scheduled ahead, then open while it runs, then closed.
 *
 * @param time     the scheduled or actual start time, may be null
 * @param location where it is held ("Police Headquarters", "Via Microsoft Teams"), may be null
 */
public record Meeting(long id, long boardId, LocalDate date, LocalTime time, String title, String location,
                      MeetingStatus status, String teamsMeetingId, Instant startedAt, Instant endedAt) {
}
