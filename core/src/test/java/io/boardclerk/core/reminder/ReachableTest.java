package io.boardclerk.core.reminder;

import io.boardclerk.core.model.Person;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Who a reminder (or its e-mail) may go to: the board's roster, or an owner an officer named from the directory. */
class ReachableTest {

    private static Person person(String teamsId, String aadObjectId, boolean onRoster) {
        return new Person(1, 1, teamsId, aadObjectId, "Sam Reed", null, null, onRoster);
    }

    @Test
    void someoneInTheBoardsChatIsReached() {
        assertNull(Reachable.whyNot(person("29:sam", "aad-sam", true)));
        assertNull(Reachable.whyNot(person("29:sam", null, true)), "an anonymous participant in the chat");
    }

    @Test
    void anOwnerAnOfficerNamedFromTheDirectoryIsReached() {
        assertNull(Reachable.whyNot(person(null, "aad-sam", false)));
    }

    @Test
    void aNameFromTheMinutesOrSomeoneWhoLeftTheChatIsNot() {
        assertEquals(Reachable.MINUTES_ONLY, Reachable.whyNot(person(null, null, false)));
        assertEquals(Reachable.LEFT_THE_CHAT, Reachable.whyNot(person("29:sam", "aad-sam", false)));
    }
}
