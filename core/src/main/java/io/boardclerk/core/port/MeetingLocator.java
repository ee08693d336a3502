package io.boardclerk.core.port;

/**
 * Finds a Teams meeting's online meeting from its Teams meeting id: the Bot Connector's meeting details give its
 * organiser, Graph's id for it and its join link.
 */
public interface MeetingLocator {

    Located locate(String serviceUrl, String teamsMeetingId);

    /** What the lookup came to. */
    sealed interface Located {
    }

    record Found(String organizerId, String graphMeetingId, String joinUrl) implements Located {
    }

    /** Teams does not know the meeting (or gave no way to find it in Graph): trying again will not help. */
    record Unknown(String problem) implements Located {
    }

    /** The lookup failed this time (no answer, an error status): try again later. */
    record Failed(String problem) implements Located {
    }
}
