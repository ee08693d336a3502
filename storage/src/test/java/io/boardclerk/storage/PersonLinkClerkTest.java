package io.boardclerk.storage;

import io.boardclerk.core.clerk.Sender;
import io.boardclerk.core.reminder.Outgoing;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code link <name> = @person} through the real clerk on a real database: only an officer links, a name nobody is
 * recorded by and a standing that disagrees are refused with nothing changed, and once linked the Teams person owns
 * the name-only person's action, may report on it, and gets its reminders in Teams.
 */
class PersonLinkClerkTest extends ReminderTestSupport {

    static final Sender SAM = new Sender("29:sam", "aad-sam", "Sam Reed", Sender.Standing.MEMBER);

    private long nameOnlySamReeds() {
        return queryLong("SELECT count(*) FROM people WHERE name = 'Sam Reed' AND teams_id IS NULL");
    }

    @Test
    void anOfficerLinksTheMinutesNameToTheTeamsPersonWhoThenOwnsTheActionAndGetsItsReminders() {
        assertTrue(say(CLAIRE, "Members: Sam Reed, Treasurer", MONDAY).contains("remembered by name"));
        say(CLAIRE, "action Check the accounts owner: Sam Reed due: 10/12/2026", MONDAY.plusSeconds(10));
        say(SAM, "help", MONDAY.plusSeconds(20));
        assertTrue(say(SAM, "done 1", MONDAY.plusSeconds(30)).contains("Only the owner of action"),
                "the namesake inherits nothing yet");

        String member = say(JON, "link Sam Reed = Sam Reed", MONDAY.plusSeconds(40));
        assertTrue(member.contains("Only the chair or secretary can"), member);
        String unknown = say(CLAIRE, "link Sam Reid = Sam Reed", MONDAY.plusSeconds(50));
        assertTrue(unknown.contains("Nobody is recorded here by the name \"Sam Reid\""), unknown);
        String notInChat = say(CLAIRE, "link Sam Reed = Samuel Reed", MONDAY.plusSeconds(55));
        assertTrue(notInChat.contains("Nobody in this chat is called \"Samuel Reed\""), notInChat);
        assertEquals(1, nameOnlySamReeds(), "refusals change nothing");

        String linked = say(CLAIRE, "link Sam Reed = Sam Reed", MONDAY.plusSeconds(60));
        assertTrue(linked.contains("**Sam Reed**, named in the minutes, is now Sam Reed in this chat. Now theirs:"
                + " 1 action."), linked);
        assertEquals(0, nameOnlySamReeds());
        assertEquals("Treasurer", queryString("SELECT title FROM people WHERE teams_id = '29:sam'"));
        assertTrue(queryJoined("SELECT what FROM action_events", ",").contains("owner linked"), "in its history");
        String again = say(CLAIRE, "link Sam Reed = Sam Reed", MONDAY.plusSeconds(70));
        assertTrue(again.contains("already known here by their Teams identity"), again);

        List<Outgoing> due = sweep("2026-12-03T08:00:00Z");
        assertEquals(List.of("29:sam"), due.stream().map(o -> o.recipient().teamsId()).toList());
        assertFalse(say(SAM, "done 1", MONDAY.plusSeconds(80)).contains("Only the owner"), "now their action");
    }

    @Test
    void standingsThatDisagreeAreRefusedUntilTheSecretarySaysWhichIsRight() {
        say(CLAIRE, "Members: Sam Reed, Treasurer", MONDAY);
        say(SAM, "help", MONDAY.plusSeconds(10));
        // "Sam Reed" now means the person in the chat (the roster beats a namesake from the minutes).
        say(CLAIRE, "Members: Jon Leigh, Chief Finance Officer In attendance: Sam Reed, Treasurer",
                MONDAY.plusSeconds(20));

        String refused = say(CLAIRE, "link Sam Reed = Sam Reed", MONDAY.plusSeconds(30));
        assertTrue(refused.contains("The minutes record Sam Reed as a member, but Sam Reed in this chat as in"
                + " attendance. Nothing was changed."), refused);
        assertEquals(1, nameOnlySamReeds());

        say(CLAIRE, "Members: Sam Reed, Treasurer", MONDAY.plusSeconds(40));
        assertTrue(say(CLAIRE, "link Sam Reed = Sam Reed", MONDAY.plusSeconds(50)).contains("is now Sam Reed"));
        assertEquals(0, nameOnlySamReeds());
    }
}
