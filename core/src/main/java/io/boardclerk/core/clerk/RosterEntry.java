package io.boardclerk.core.clerk;

/**
 * One member of a conversation as Teams lists them.
 *
 * @param address their e-mail address or sign-in name (UPN) as Teams gives it, null when it gives none: matches them
 *                in a meeting's attendance report when the object id does not
 */
public record RosterEntry(String teamsId, String aadObjectId, String name, String address) {

    public RosterEntry(String teamsId, String aadObjectId, String name) {
        this(teamsId, aadObjectId, name, null);
    }
}
