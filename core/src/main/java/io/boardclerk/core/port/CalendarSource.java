package io.boardclerk.core.port;

import java.time.Instant;
import java.util.List;

/**
 * The organiser's calendar, read as BoardClerk's app: every event occurrence between two instants. Implemented
 * through Microsoft Graph; never called inside a database transaction, since it may take seconds.
 */
public interface CalendarSource {

    /**
     * @param tenantId  the board's organisation; the configured single tenant wins when there is one
     * @param organiser the organiser's e-mail address, user principal name or object id
     */
    Answer read(String tenantId, String organiser, Instant from, Instant to);

    /**
     * One event occurrence as the calendar gives it.
     *
     * @param eventId        the occurrence's own id: the key a re-sync updates by
     * @param seriesMasterId the series it belongs to, null for a single event
     * @param start          when it starts (the calendar's time zone already applied)
     * @param location       the location's display name, null when none
     * @param joinUrl        the Teams meeting's join link, null when it is not online
     */
    record Occurrence(String eventId, String seriesMasterId, String subject, Instant start, String location,
                      String joinUrl, boolean cancelled) {
    }

    /** What reading the calendar came to. Every problem is in words for the chair, never a secret. */
    sealed interface Answer {

        record Obtained(List<Occurrence> occurrences) implements Answer {
            public Obtained {
                occurrences = List.copyOf(occurrences);
            }
        }

        /** The organiser is not a user of the organisation, or has no calendar. */
        record NotFound(String problem) implements Answer {
        }

        /** Refused (401/403): {@code problem} names the permission or policy that is missing. */
        record Refused(String problem) implements Answer {
        }

        /** Busy after retrying, no answer in time, or an answer that could not be read: try again later. */
        record Failed(String problem) implements Answer {
        }
    }
}
