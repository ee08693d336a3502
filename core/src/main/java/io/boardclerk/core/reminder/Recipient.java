package io.boardclerk.core.reminder;

/**
 * Who a delivery goes to, with what Teams needs to reach them.
 *
 * @param teamsId     the Teams user id (29:...), null when unknown
 * @param aadObjectId the Entra object id, null when unknown; a personal conversation can be created from it alone
 */
public record Recipient(long personId, String name, String teamsId, String aadObjectId) {

    /** The key personal conversations are kept under: the Teams id when known, else the Entra object id. */
    public String userKey() {
        return teamsId != null ? teamsId : aadObjectId;
    }
}
