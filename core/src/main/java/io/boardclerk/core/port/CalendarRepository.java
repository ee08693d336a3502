package io.boardclerk.core.port;

import io.boardclerk.core.model.CalendarFollow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The calendar a board follows, the events its meetings came from, and meetings cancelled in the calendar (V8). */
public interface CalendarRepository {

    Optional<CalendarFollow> calendarFollow(long boardId);

    /**
     * Starts (or replaces) following; the first read is due at {@code nextSyncAt}. The meetings already scheduled stay
     * but lose their ties to calendar events, so the calendar now followed takes over those on its days.
     */
    void followCalendar(long boardId, String organiser, String series, String setBy, Instant at, Instant nextSyncAt);

    /** Stops following; the meetings already synced stay. False when the board followed none. */
    boolean unfollowCalendar(long boardId);

    /**
     * Claims the follows whose next read has come by {@code now}, each held until {@code leaseUntil} (its next read
     * put off to then) so that no other run, here or on another instance, reads the same calendar meanwhile.
     */
    List<CalendarFollow> claimDueCalendarFollows(Instant now, Instant leaseUntil);

    /** Notes a read: when the next is due, and the problem ({@code null} when it succeeded, setting the last read). */
    void calendarSynced(long boardId, Instant nextSyncAt, Instant at, String problem);

    /** The board's meetings that came from calendar events: event id to meeting id. */
    Map<String, Long> calendarMeetings(long boardId);

    void linkCalendarEvent(long boardId, String eventId, long meetingId);

    /**
     * A scheduled meeting cancelled in the calendar: removed when nothing was recorded at it (apologies,
     * declarations, actions, reviews, approved minutes), otherwise kept but marked cancelled, so it leaves the
     * board's schedule ({@link MeetingRepository#meetings}) without losing what was recorded. True when removed.
     */
    boolean cancelMeeting(long meetingId, Instant at);
}
