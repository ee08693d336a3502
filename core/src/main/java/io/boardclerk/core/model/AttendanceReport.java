package io.boardclerk.core.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A Teams meeting's attendance report as Microsoft Graph gives it: when the meeting ran, and each attendee with every
 * session they spent in it (someone who dropped out and came back has several).
 *
 * @param meetingStart when the meeting began, as Teams measured it
 * @param meetingEnd   when it ended
 */
public record AttendanceReport(Instant meetingStart, Instant meetingEnd, List<Attendee> attendees) {

    public AttendanceReport {
        attendees = List.copyOf(attendees);
    }

    /**
     * One attendee.
     *
     * @param name     the display name Teams showed; may be null for an anonymous guest
     * @param email    their e-mail address or sign-in name, null when Teams gave none
     * @param objectId their Entra object id, null for guests from outside the organisation
     * @param role     "Organizer", "Presenter", "Attendee" ..., may be null
     */
    public record Attendee(String name, String email, String objectId, String role, List<Session> sessions) {

        public Attendee {
            sessions = List.copyOf(sessions);
        }

        /** When they first joined; null when the report lists no session. */
        public Instant firstJoined() {
            return sessions.stream().map(Session::joined).filter(java.util.Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null);
        }

        /** When they last left; null when the report lists no session. */
        public Instant lastLeft() {
            return sessions.stream().map(Session::left).filter(java.util.Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
        }

        /** The time spent in the meeting over all sessions. */
        public Duration attended() {
            return sessions.stream().filter(s -> s.joined() != null && s.left() != null)
                    .map(s -> Duration.between(s.joined(), s.left())).reduce(Duration.ZERO, Duration::plus);
        }
    }

    /** One stay in the meeting, from joining to leaving. */
    public record Session(Instant joined, Instant left) {
    }
}
