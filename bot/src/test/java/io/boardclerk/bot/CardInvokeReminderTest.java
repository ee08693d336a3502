package io.boardclerk.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import io.boardclerk.bot.support.People;
import io.boardclerk.bot.support.TeamsChat;
import io.boardclerk.core.clerk.Card;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Presses on a reminder card, as Teams sends them from a personal chat: checked before the clerk sees them. */
class CardInvokeReminderTest {

    final TeamsChat personal = TeamsChat.personal("http://127.0.0.1:9/", "a:personal-29-jon", "tenant-fenshire");

    CardInvoke.Parsed press(String verb, ObjectNode data) throws Exception {
        Activity activity = Serialization.treeToValue(personal.cardAction(People.JON, verb, data), Activity.class);
        return CardInvoke.parse(activity, Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Test
    void numberedInputsAreReadAsTheVerbsFields() throws Exception {
        CardInvoke.Parsed update = press(Card.Verbs.UPDATE, TeamsChat.data().put("board", 1).put("number", 12)
                .put("version", 3).put("text-12", "Draft circulated").put("text-13", "not this one"));
        assertNull(update.problem());
        assertEquals("Draft circulated", update.turn().data().get(Card.Verbs.TEXT));
        assertEquals(null, update.turn().data().get("text-13"), "another action's input is dropped");
        assertTrue(update.turn().conversation().personal());

        CardInvoke.Parsed moreTime = press(Card.Verbs.MORE_TIME, TeamsChat.data().put("board", 1).put("number", 12)
                .put("version", 3).put("target-12", "the next Board"));
        assertNull(moreTime.problem());
        assertEquals("the next Board", moreTime.turn().data().get(Card.Verbs.TARGET));

        CardInvoke.Parsed snooze = press(Card.Verbs.SNOOZE, TeamsChat.data().put("board", 1).put("number", 12)
                .put("days-12", "5"));
        assertNull(snooze.problem());
        assertEquals(Map.of("board", "1", "number", "12", "days", "5"), snooze.turn().data());
    }

    @Test
    void badPressesAreRefusedInWords() throws Exception {
        assertEquals("A reminder can be snoozed for 1, 2 or 5 working days.", press(Card.Verbs.SNOOZE,
                TeamsChat.data().put("board", 1).put("number", 12).put("days-12", "3")).problem());
        assertEquals("This card's data is not what BoardClerk sent.", press(Card.Verbs.SNOOZE,
                TeamsChat.data().put("board", 1).put("number", 12).put("days-12", "soon")).problem());
        assertEquals("Give the new target before pressing Ask the chair.", press(Card.Verbs.MORE_TIME,
                TeamsChat.data().put("board", 1).put("number", 12).put("version", 3).put("target-12", " "))
                .problem());
        assertEquals("This card's data is not what BoardClerk sent.", press(Card.Verbs.MORE_TIME,
                TeamsChat.data().put("number", 12).put("version", 3).put("target-12", "the next Board")).problem(),
                "a reminder's press names its board");
        assertEquals("This card's data is not what BoardClerk sent.", press(Card.Verbs.UPDATE,
                TeamsChat.data().put("board", 1).put("number", 12).put("version", 3).put("text", "one")
                        .put("text-12", "another")).problem(), "two texts that disagree");
    }
}
