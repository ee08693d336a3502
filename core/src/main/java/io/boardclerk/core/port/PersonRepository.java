package io.boardclerk.core.port;

import io.boardclerk.core.model.Person;
import io.boardclerk.core.model.PersonLink;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface PersonRepository {

    /** Everyone known on the board, on the roster or not. */
    List<Person> people(long boardId);

    Optional<Person> person(long personId);

    Optional<Person> personByTeamsId(long boardId, String teamsId);

    /**
     * Adds or refreshes a roster member, matched by Teams id, then by Entra object id among people without a Teams id
     * (someone found in the directory). Never by name: a newcomer who shares a name with someone known only by name
     * does not take over that person's record.
     */
    Person upsertRosterMember(long boardId, String teamsId, String aadObjectId, String name);

    /**
     * Records whether Teams lists the person as an outsider: a guest, or someone of another organisation. Outsiders
     * (and anyone without an Entra object id) never hold office.
     */
    void setOutsider(long personId, boolean outsider);

    /** Whether the person was last listed as an outsider. */
    boolean outsider(long personId);

    /** Marks everyone not in {@code presentTeamsIds} as off the roster. */
    void retainRoster(long boardId, Collection<String> presentTeamsIds);

    /** Someone named in the minutes who has no Teams identity here. */
    Person addKnownPerson(long boardId, String name, String title);

    /**
     * Someone found in the organisation's directory: kept with their Entra object id, off the roster until Teams
     * lists them. An existing person on the board with that object id is returned as is.
     */
    Person addDirectoryPerson(long boardId, String name, String aadObjectId);

    void setTitle(long personId, String title);

    void setAlias(long personId, String alias);

    /** Records whether a person sits as a member ({@code true}) or attends ({@code false}), as the minutes say. */
    void setMember(long personId, boolean member);

    /**
     * Makes a person known only by name (no Teams id, no Entra object id) one with a person Teams knows on the same
     * board, as an officer said they are: every apology, awaited apology, declaration, action (as owner), body and
     * reminder delivery of the name-only person becomes the Teams person's; the Teams person takes the name-only
     * person's title, short name and standing where they have none; and the name-only person is removed. Where both
     * already own the same action, answer for the same body, sent apologies for the same meeting or have a delivery
     * of the same reminder, the Teams person's row is kept. Standings that disagree are the caller's to refuse. Runs
     * in the caller's transaction, so it is all or nothing.
     *
     * @throws IllegalArgumentException when the two are not on the same board, the first has a Teams or Entra
     *                                  identity, or the second has no Teams identity
     */
    PersonLink linkNameOnly(long nameOnlyId, long teamsPersonId);

    /** The board's people whose standing is known: person id to true for members, false for those in attendance. */
    java.util.Map<Long, Boolean> standings(long boardId);
}
