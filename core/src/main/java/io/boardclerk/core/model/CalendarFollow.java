package io.boardclerk.core.model;

import java.time.Instant;

/**
 * A board following a meeting series in an organiser's Outlook calendar ({@code calendar <organiser>}).
 *
 * @param series     the series' subject as the secretary gave it, null to match the board's name
 * @param nextSyncAt when the calendar is next read by itself
 * @param lastSyncAt when it was last read successfully, null before the first time
 * @param problem    why the last read failed, null when it did not
 */
public record CalendarFollow(long boardId, String organiser, String series, String setBy, Instant setAt,
                             Instant nextSyncAt, Instant lastSyncAt, String problem) {
}
