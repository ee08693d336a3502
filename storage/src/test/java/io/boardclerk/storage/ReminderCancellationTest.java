package io.boardclerk.storage;

import io.boardclerk.core.reminder.Outgoing;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every way a reminder stops being wanted takes effect in the turn that causes it, and again when it is claimed. */
class ReminderCancellationTest extends ReminderTestSupport {

    static final Instant TUESDAY = Instant.parse("2026-11-24T10:00:00Z");

    private void jonsAction() {
        say(CLAIRE, "action Report on road safety owner: Jon Leigh due: 10/12/2026", MONDAY);
    }

    private String notes(int number) {
        return queryJoined("SELECT DISTINCT note FROM reminders WHERE state = 'CANCELLED'"
                + " AND action_id = (SELECT id FROM actions WHERE number = " + number + ")", ",");
    }

    @Test
    void reportingDoneCancelsThePendingReminders() {
        jonsAction();
        say(JON, "done 1", TUESDAY);
        assertEquals("BEFORE@2026-12-03T08:00:00Z:CANCELLED DUE@2026-12-10T08:00:00Z:CANCELLED"
                + " OVERDUE@2026-12-17T08:00:00Z:CANCELLED", reminders(1));
        assertEquals("action 1.0 was reported done", notes(1));
        assertEquals(List.of(), sweep("2026-12-10T08:00:00Z").stream()
                .filter(o -> o.message().kind() != io.boardclerk.core.reminder.ReminderKind.ESCALATION).toList());
    }

    @Test
    void closingCancelsThemAndReopeningPlansThemAgain() {
        jonsAction();
        say(CLAIRE, "close 1", TUESDAY);
        assertEquals("action 1.0 is closed", notes(1));
        assertTrue(reminders(1).contains("BEFORE@2026-12-03T08:00:00Z:CANCELLED"));
        say(CLAIRE, "reopen 1", TUESDAY.plusSeconds(60));
        assertEquals("BEFORE@2026-12-03T08:00:00Z:PENDING DUE@2026-12-10T08:00:00Z:PENDING"
                + " OVERDUE@2026-12-17T08:00:00Z:PENDING", reminders(1), "the same reminders, planned again");
    }

    @Test
    void undoTakesTheActionAndItsRemindersAway() {
        jonsAction();
        assertEquals(3, count("reminders WHERE action_id IS NOT NULL"));
        say(CLAIRE, "undo", MONDAY.plusSeconds(30));
        assertEquals(0, count("actions"));
        assertEquals(0, count("reminders WHERE action_id IS NOT NULL"));
    }

    @Test
    void reTargetingReschedules() {
        jonsAction();
        say(CLAIRE, "action 1 due 17/12/2026", TUESDAY);
        assertEquals("BEFORE@2026-12-03T08:00:00Z:CANCELLED BEFORE@2026-12-10T08:00:00Z:PENDING"
                + " DUE@2026-12-10T08:00:00Z:CANCELLED DUE@2026-12-17T08:00:00Z:PENDING"
                + " OVERDUE@2026-12-17T08:00:00Z:CANCELLED OVERDUE@2026-12-24T08:00:00Z:PENDING", reminders(1));
        assertEquals(List.of(), sweep("2026-12-03T08:00:00Z").stream().filter(o -> o.message().actions().size() == 1
                && o.message().kind() != io.boardclerk.core.reminder.ReminderKind.ESCALATION).toList());
    }

    @Test
    void reassigningMovesTheRemindersToTheNewOwner() {
        jonsAction();
        say(CLAIRE, "action 1 owner Jane Gifford", TUESDAY);
        List<Outgoing> claimed = sweep("2026-12-03T08:00:00Z");
        assertEquals(List.of("Jane Gifford: Action 1.0 is due in 7 days, on Thursday 10/12/2026. [1.0]"),
                claimed.stream().map(ReminderTestSupport::summary).toList());
    }

    @Test
    void aReminderDueButNotYetSweptSurvivesAChangeAndGoesToTheNewOwner() {
        jonsAction();
        say(CLAIRE, "action 1 owner Jane Gifford", Instant.parse("2026-12-03T08:00:30Z"));
        assertTrue(reminders(1).startsWith("BEFORE@2026-12-03T08:00:00Z:PENDING"), reminders(1));
        assertEquals(List.of("Jane Gifford: Action 1.0 is due in 7 days, on Thursday 10/12/2026. [1.0]"),
                sweep("2026-12-03T08:01:00Z").stream().map(ReminderTestSupport::summary).toList());
    }

    @Test
    void aReminderDueButNotYetSweptIsCancelledWhenTheActionCloses() {
        jonsAction();
        say(CLAIRE, "close 1", Instant.parse("2026-12-03T08:00:30Z"));
        assertTrue(reminders(1).startsWith("BEFORE@2026-12-03T08:00:00Z:CANCELLED"), reminders(1));
    }

    @Test
    void aDeliveryToSomeoneNoLongerAnOwnerIsCancelledWhenClaimed() {
        jonsAction();
        Outgoing toJon = sweep("2026-12-03T08:00:00Z").get(0);
        outbox.retry(toJon.deliveryId(), Instant.parse("2026-12-03T09:00:00Z"), "429 Too Many Requests");
        say(CLAIRE, "action 1 owner Jane Gifford", Instant.parse("2026-12-03T08:30:00Z"));
        assertEquals(List.of(), sweep("2026-12-03T09:00:00Z"));
        assertEquals("CANCELLED", queryString("SELECT state FROM reminder_deliveries WHERE id = " + toJon.deliveryId()));
        assertEquals("no longer an owner of action 1.0", queryString("SELECT last_error FROM reminder_deliveries"
                + " WHERE id = " + toJon.deliveryId()));
    }

    @Test
    void closingCancelsADeliveryWaitingToBeTriedAgain() {
        jonsAction();
        Outgoing toJon = sweep("2026-12-03T08:00:00Z").get(0);
        outbox.retry(toJon.deliveryId(), Instant.parse("2026-12-03T09:00:00Z"), "502 Bad Gateway");
        say(CLAIRE, "close 1", Instant.parse("2026-12-03T08:30:00Z"));
        assertEquals("CANCELLED", queryString("SELECT state FROM reminder_deliveries WHERE id = " + toJon.deliveryId()));
        assertEquals(List.of(), sweep("2026-12-03T09:00:00Z"));
    }

    @Test
    void anActionClosedBetweenExpansionAndClaimIsNeverSent() {
        jonsAction();
        Outgoing toJon = sweep("2026-12-03T08:00:00Z").get(0);
        outbox.retry(toJon.deliveryId(), Instant.parse("2026-12-03T09:00:00Z"), "timeout");
        // Closed behind the clerk's back (another process, an old version): the claim checks again.
        rawUpdate("UPDATE actions SET status = 'CLOSED' WHERE number = 1");
        assertEquals(List.of(), sweep("2026-12-03T09:00:00Z"));
        assertEquals("action 1.0 is closed", queryString("SELECT last_error FROM reminder_deliveries WHERE id = "
                + toJon.deliveryId()));
    }

    @Test
    void movingTheMeetingMovesItsDigest() {
        say(CLAIRE, "next meeting 10/12/2026 10:00", MONDAY);
        say(CLAIRE, "action Report on road safety owner: Jon Leigh due: the next Board", MONDAY);
        assertEquals("DIGEST@2026-12-03T08:00:00Z:PENDING", remindersWhere("kind = 'DIGEST'"));
        say(CLAIRE, "move meeting 10/12/2026 to 17/12/2026", TUESDAY);
        assertEquals("DIGEST@2026-12-03T08:00:00Z:CANCELLED DIGEST@2026-12-10T08:00:00Z:PENDING",
                remindersWhere("kind = 'DIGEST' ORDER BY due_at"));
        assertEquals(java.time.LocalDate.of(2026, 12, 17), action(BOARD, 1).target().date(),
                "the meeting target followed the meeting");
        List<Outgoing> digest = sweep("2026-12-10T08:00:00Z");
        assertEquals(List.of("Jon Leigh: The Fenshire Board meets on Thursday 17/12/2026: this action of yours is due"
                + " at it. [1.0]"), digest.stream().map(ReminderTestSupport::summary).toList());
    }

    @Test
    void changingThePolicyReplansAtOnce() {
        jonsAction();
        say(CLAIRE, "reminders 3,1 overdue off", TUESDAY);
        assertEquals("BEFORE@2026-12-03T08:00:00Z:CANCELLED BEFORE@2026-12-07T08:00:00Z:PENDING"
                + " BEFORE@2026-12-09T08:00:00Z:PENDING DUE@2026-12-10T08:00:00Z:CANCELLED"
                + " OVERDUE@2026-12-17T08:00:00Z:CANCELLED", reminders(1));
        say(CLAIRE, "reminders off", TUESDAY.plusSeconds(60));
        assertEquals(0, count("reminders WHERE state = 'PENDING'"), "nothing left planned, the escalation included");
    }
}
