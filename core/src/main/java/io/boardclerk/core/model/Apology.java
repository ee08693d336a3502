package io.boardclerk.core.model;

/**
 * Apologies for absence from one person at one meeting.
 *
 * @param personId null when the name matched nobody BoardClerk knows; the name is then kept as written
 * @param role     the role given with the name in the minutes, may be null
 * @param note     the member's reason in their own words ("on leave"), may be null
 */
public record Apology(long id, long meetingId, Long personId, String name, String role, long recordingId,
                      String note) {

    public Apology(long id, long meetingId, Long personId, String name, String role, long recordingId) {
        this(id, meetingId, personId, name, role, recordingId, null);
    }

    public boolean resolved() {
        return personId != null;
    }
}
