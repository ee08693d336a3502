package io.boardclerk.core.port;

import io.boardclerk.core.model.Meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

public interface MeetingRepository {

    /** All meetings of the board, by date then id; not those cancelled in its calendar (V8). */
    List<Meeting> meetings(long boardId);

    Optional<Meeting> meeting(long meetingId);

    Optional<Meeting> openMeeting(long boardId);

    Optional<Meeting> meetingByTeamsId(long boardId, String teamsMeetingId);

    Meeting scheduleMeeting(long boardId, LocalDate date, LocalTime time, String location, String title);

    void rescheduleMeeting(long meetingId, LocalDate date, LocalTime time, String location);

    /** Marks a meeting open (held now), setting its date, title and Teams id. */
    void openMeeting(long meetingId, LocalDate date, LocalTime time, String title, String teamsMeetingId, Instant at);

    Meeting createOpenMeeting(long boardId, LocalDate date, LocalTime time, String title, String teamsMeetingId,
                              Instant at);

    void closeMeeting(long meetingId, Instant at);

    /** The agenda item now under discussion ("5.7"), null when none was set. */
    Optional<String> currentItem(long meetingId);

    void setCurrentItem(long meetingId, String item);
}
