package io.boardclerk.core.model;

/**
 * Someone BoardClerk knows on a board: from the Teams roster, or named in the minutes without a Teams identity.
 *
 * @param teamsId     the Teams user id (29:...), null for people known only from the minutes
 * @param aadObjectId the Entra object id, null where unknown
 * @param title       the role title the minutes use ("Chief Constable, Fenshire Constabulary"), may be null
 * @param alias       a short name the minutes gave ("Commissioner" from '(the "Commissioner")'), may be null
 * @param onRoster    true while Teams lists the person as a member of the conversation
 */
public record Person(long id, long boardId, String teamsId, String aadObjectId, String name, String title,
                     String alias, boolean onRoster) {

    public Person withTitle(String newTitle) {
        return new Person(id, boardId, teamsId, aadObjectId, name, newTitle, alias, onRoster);
    }

    /** The name followed by the title, as the minutes write it: "Jon Leigh, Chief Finance Officer". */
    public String described() {
        return title == null || title.isBlank() ? name : name + ", " + title;
    }
}
