package io.boardclerk.core.clerk;

/**
 * Who sent a message, as Teams identifies them.
 *
 * @param standing what Teams (or the deployment) vouches for about them in this conversation
 * @param unvouchedBecause why their standing could not be established (Graph is off or failed, so the team's owner
 *                         cannot be recognised): a sentence for the chat; null when there is nothing to say
 */
public record Sender(String teamsId, String aadObjectId, String name, Standing standing, String unvouchedBecause) {

    /** Who may appoint a board's officers, beyond its chair and secretary. */
    public enum Standing {
        /** Listed in BOARDCLERK_ADMINS: may appoint the first officers and replace the chair on any board. */
        ADMIN,
        /**
         * Teams vouches for them in this conversation (they added BoardClerk to it, own its team or organised its
         * meeting): may appoint the first officers.
         */
        VOUCHED,
        /** Anyone else. */
        MEMBER
    }

    public Sender(String teamsId, String aadObjectId, String name, Standing standing) {
        this(teamsId, aadObjectId, name, standing, null);
    }

    /** An ordinary member, vouched for by nobody. */
    public Sender(String teamsId, String aadObjectId, String name) {
        this(teamsId, aadObjectId, name, Standing.MEMBER);
    }

    public Sender {
        standing = standing == null ? Standing.MEMBER : standing;
    }

    public boolean admin() {
        return standing == Standing.ADMIN;
    }

    /** True when this person may appoint a board's first chair or secretary. */
    public boolean vouched() {
        return standing == Standing.ADMIN || standing == Standing.VOUCHED;
    }
}
