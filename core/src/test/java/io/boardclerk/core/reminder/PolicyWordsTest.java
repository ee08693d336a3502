package io.boardclerk.core.reminder;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyWordsTest {

    private static final ReminderPolicy DEFAULT = ReminderPolicy.DEFAULT;

    @Test
    void theFullSentence() {
        ReminderPolicy p = PolicyWords.apply(DEFAULT, "3,1,0 overdue every 3 days digest 2 escalate 21");
        assertEquals(List.of(3, 1, 0), p.daysBefore());
        assertEquals(3, p.overdueEveryDays());
        assertEquals(2, p.digestWorkingDays());
        assertEquals(21, p.escalateAfterDays());
    }

    @Test
    void eachClauseChangesOnlyItsOwnPart() {
        ReminderPolicy p = PolicyWords.apply(DEFAULT, "overdue off");
        assertEquals(new ReminderPolicy(List.of(7, 0), 0, 5, 14, ReminderPolicy.LONDON), p);
        assertEquals(0, PolicyWords.apply(DEFAULT, "digest off").digestWorkingDays());
        assertEquals(21, PolicyWords.apply(DEFAULT, "escalate after 21 days").escalateAfterDays());
        assertEquals(ZoneId.of("Europe/Dublin"), PolicyWords.apply(DEFAULT, "zone Europe/Dublin").zone());
        assertEquals(List.of(), PolicyWords.apply(DEFAULT, "before none").daysBefore());
        assertEquals(14, PolicyWords.apply(DEFAULT, "OVERDUE Fortnightly").overdueEveryDays());
        assertEquals(List.of(10, 0), PolicyWords.apply(DEFAULT, "0, 10").daysBefore(), "largest first, spaces allowed");
    }

    @Test
    void offAndDefault() {
        ReminderPolicy off = PolicyWords.apply(DEFAULT, "off");
        assertEquals(new ReminderPolicy(List.of(), 0, 0, 0, ReminderPolicy.LONDON), off);
        assertTrue(off.describe().contains("off"));
        assertEquals(DEFAULT, PolicyWords.apply(off, "default"));
    }

    @Test
    void badWordsAreRefusedWithWhatWasWrong() {
        assertEquals("I can't read \"monthly\" in a reminder policy.",
                assertThrows(PolicyWords.Wrong.class, () -> PolicyWords.apply(DEFAULT, "7,0 monthly")).getMessage());
        assertTrue(assertThrows(PolicyWords.Wrong.class, () -> PolicyWords.apply(DEFAULT, "digest 40"))
                .getMessage().contains("between 1 and 20"));
        assertTrue(assertThrows(PolicyWords.Wrong.class, () -> PolicyWords.apply(DEFAULT, "zone Mars/Olympus"))
                .getMessage().contains("not a time zone"));
        assertTrue(assertThrows(PolicyWords.Wrong.class, () -> PolicyWords.apply(DEFAULT, "zone GMT"))
                .getMessage().contains("not a time zone"));
        assertTrue(assertThrows(PolicyWords.Wrong.class, () -> PolicyWords.apply(DEFAULT, "9,8,7,6,5,4"))
                .getMessage().contains("At most 5"));
        assertThrows(PolicyWords.Wrong.class, () -> PolicyWords.apply(DEFAULT, "overdue"));
    }

    @Test
    void thePolicyInWords() {
        assertEquals("""
                - Before the target: 7 days before; and on the day
                - While overdue: weekly
                - Meeting digest: 5 working days before each meeting, instead of the reminders for actions due at it
                - Escalation to the chair: each Monday, actions overdue by more than 14 days with no update
                - Sent on working days (not weekends or bank holidays), 08:00 to 18:00 Europe/London time""",
                DEFAULT.describe());
    }
}
