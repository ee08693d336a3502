package io.boardclerk.core.clerk;

/**
 * One member of a conversation as Teams lists them.
 *
 * @param address  their e-mail address or sign-in name (UPN) as Teams gives it, null when it gives none: matches them
 *                 in a meeting's attendance report when the object id does not
 * @param outsider true for a guest or someone of another organisation (Teams' userRole and tenant say so): never
 *                 chair or secretary
 */
public record RosterEntry(String teamsId, String aadObjectId, String name, String address, boolean outsider) {

    public RosterEntry(String teamsId, String aadObjectId, String name, String address) {
        this(teamsId, aadObjectId, name, address, false);
    }

    public RosterEntry(String teamsId, String aadObjectId, String name) {
        this(teamsId, aadObjectId, name, null, false);
    }
}
