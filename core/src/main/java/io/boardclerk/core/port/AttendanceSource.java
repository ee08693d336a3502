package io.boardclerk.core.port;

import java.time.Instant;

/**
 * Where attendance reports of Teams meetings come from (Microsoft Graph). Implementations answer every failure with
 * an {@link AttendanceAnswer} rather than throwing.
 */
public interface AttendanceSource {

    /**
     * Asks for the report of one online meeting.
     *
     * @param tenantId the organisation whose meeting it is
     * @param meeting  which meeting, and about when it started (the report closest to that start is the one wanted)
     */
    AttendanceAnswer fetch(String tenantId, OnlineMeeting meeting);

    /**
     * An online meeting as Teams' meeting details identify it.
     *
     * @param organizerId    the organiser's Entra object id: Graph reads meetings through their organiser
     * @param graphMeetingId Graph's id of the online meeting, or null
     * @param joinUrl        the join link, used to find the meeting when Graph's id is null
     * @param startedAround  when BoardClerk saw the meeting start, or null
     */
    record OnlineMeeting(String organizerId, String graphMeetingId, String joinUrl, Instant startedAround) {
    }
}
