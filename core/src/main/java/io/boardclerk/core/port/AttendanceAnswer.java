package io.boardclerk.core.port;

import io.boardclerk.core.model.AttendanceReport;

import java.time.Duration;

/** What asking for a meeting's attendance report came to. Every problem is in words for the chair, never a secret. */
public sealed interface AttendanceAnswer {

    record Obtained(AttendanceReport report) implements AttendanceAnswer {
    }

    /** The meeting is known but Teams has not published its report yet: ask again later. */
    record NotYet() implements AttendanceAnswer {
    }

    /**
     * The meeting cannot be found.
     *
     * @param mayYetAppear true when Graph may simply not know the meeting yet (it answered 404, or no meeting has
     *                     the join link): worth a few more tries just after the meeting; false when nothing would
     *                     change by asking again (no organiser, no tenant, no id nor link)
     */
    record NotFound(String problem, boolean mayYetAppear) implements AttendanceAnswer {

        public NotFound(String problem) {
            this(problem, false);
        }
    }

    /** Refused (401/403): {@code problem} names the permission, consent or policy that is missing. */
    record Refused(String problem) implements AttendanceAnswer {
    }

    /** Throttled or unavailable even after retrying; {@code retryAfter} is how long the service asked us to wait. */
    record Busy(String problem, Duration retryAfter) implements AttendanceAnswer {
    }

    /** No answer in time, or one that could not be read: worth trying again later. */
    record Failed(String problem) implements AttendanceAnswer {
    }
}
