package io.boardclerk.core.model;

import java.time.Instant;

/**
 * Where getting a meeting's attendance report from Teams stands. Reports appear only some minutes after a meeting
 * ends, so the fetch is kept in the database and tried again later, a bounded number of times; a restart loses
 * nothing.
 *
 * @param teamsMeetingId the Teams meeting id from the meeting's start and end events
 * @param organizerId    the organiser's Entra object id, once the Teams meeting details are known
 * @param graphMeetingId the Graph online meeting id (the details' {@code msGraphResourceId}), once known
 * @param joinUrl        the meeting's join link, once known: finds the meeting when Graph's id is not given
 * @param tries          how many times Graph (or the meeting details) has been asked
 * @param nextTryAt      when to ask next; null once nothing more will be tried by itself
 * @param problem        why the last try did not give the report, in words for the chair; null when none
 * @param posted         whether the reconciliation has been posted into the board's chat
 */
public record AttendanceFetch(long meetingId, long boardId, String teamsMeetingId, String organizerId,
                              String graphMeetingId, String joinUrl, State state, int tries, Instant nextTryAt,
                              String problem, boolean posted) {

    /** The stages of a fetch. */
    public enum State {
        /** Waiting to be tried (again). */
        PENDING,
        /** The report is stored. */
        OBTAINED,
        /** Teams or Graph does not know the meeting. */
        NOT_FOUND,
        /** Graph refused: a permission or policy is missing. */
        REFUSED,
        /** Every try was used without getting the report. */
        GAVE_UP
    }

    /** A fetch that waits for its first try. */
    public static AttendanceFetch pending(long meetingId, long boardId, String teamsMeetingId, Instant firstTry) {
        return new AttendanceFetch(meetingId, boardId, teamsMeetingId, null, null, null, State.PENDING, 0, firstTry,
                null, false);
    }

    public boolean located() {
        return organizerId != null && (graphMeetingId != null || joinUrl != null);
    }

    public AttendanceFetch located(String organizer, String graphId, String join) {
        return new AttendanceFetch(meetingId, boardId, teamsMeetingId, organizer, graphId, join, state, tries,
                nextTryAt, problem, posted);
    }

    public AttendanceFetch next(State newState, int newTries, Instant at, String why) {
        return new AttendanceFetch(meetingId, boardId, teamsMeetingId, organizerId, graphMeetingId, joinUrl, newState,
                newTries, at, why, posted);
    }

    public AttendanceFetch markPosted() {
        return new AttendanceFetch(meetingId, boardId, teamsMeetingId, organizerId, graphMeetingId, joinUrl, state,
                tries, nextTryAt, problem, true);
    }
}
