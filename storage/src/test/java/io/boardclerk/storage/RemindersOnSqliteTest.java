package io.boardclerk.storage;

import io.boardclerk.core.clerk.Clerk;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.clerk.Sender;
import io.boardclerk.core.reminder.Outgoing;
import io.boardclerk.core.reminder.ReminderKind;
import io.boardclerk.core.reminder.Reminders;
import io.boardclerk.core.view.ActionRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reminders planned by what is said in the board's chat and swept out at the instants they fall due. */
class RemindersOnSqliteTest extends ReminderTestSupport {

    @Test
    void beforeOnTheDayAndOverdueEachGoOutAtTheirInstantOnce() {
        say(CLAIRE, "action Report on road safety owner: Jon Leigh due: 10/12/2026", MONDAY);
        assertEquals("BEFORE@2026-12-03T08:00:00Z:PENDING DUE@2026-12-10T08:00:00Z:PENDING"
                + " OVERDUE@2026-12-17T08:00:00Z:PENDING", reminders(1));

        assertEquals(List.of(), sweep("2026-12-03T07:59:59Z"), "not yet");
        List<Outgoing> before = sweepAndSend("2026-12-03T08:00:00Z");
        assertEquals(1, before.size());
        Outgoing first = before.get(0);
        assertEquals("Jon Leigh: Action 1.0 is due in 7 days, on Thursday 10/12/2026. [1.0]", summary(first));
        assertEquals(ReminderKind.BEFORE, first.message().kind());
        assertEquals("29:jon", first.recipient().teamsId());
        assertEquals("aad-jon", first.recipient().aadObjectId());
        assertEquals(TENANT, first.tenantId());
        assertEquals("https://smba.example.test/emea/", first.serviceUrl());
        assertEquals(0, first.attempt());
        assertEquals(List.of(), sweep("2026-12-03T08:05:00Z"), "sent once, never again");

        assertEquals(List.of("Jon Leigh: Action 1.0 is due today. [1.0]"),
                sweepAndSend("2026-12-10T09:30:00Z").stream().map(ReminderTestSupport::summary).toList());
        assertEquals(List.of("Jon Leigh: Action 1.0 was due on 10/12/2026 and is 1 week overdue. [1.0]"),
                sweepAndSend("2026-12-17T08:00:00Z").stream().map(ReminderTestSupport::summary).toList());
        assertEquals("BEFORE@2026-12-03T08:00:00Z:EXPANDED DUE@2026-12-10T08:00:00Z:EXPANDED"
                + " OVERDUE@2026-12-17T08:00:00Z:EXPANDED OVERDUE@2026-12-24T08:00:00Z:PENDING", reminders(1),
                "only the next overdue one is planned, once the last went out");
        assertEquals(3, queryLong("SELECT count(*) FROM reminder_deliveries WHERE state = 'SENT'"));
    }

    @Test
    void aDeliveryDueWhileTheWindowIsShutWaitsForItToOpen() {
        say(CLAIRE, "action Report on road safety owner: Jon Leigh due: 10/12/2026", MONDAY);
        Outgoing first = sweep("2026-12-03T17:59:00Z").get(0);
        outbox.retry(first.deliveryId(), Instant.parse("2026-12-05T10:00:00Z"), "503 from the connector");
        assertEquals(List.of(), sweep("2026-12-05T10:00:00Z"), "Saturday: shut");
        assertEquals("2026-12-07T08:00:00Z", queryString("SELECT next_at FROM reminder_deliveries WHERE id = "
                + first.deliveryId()));
        assertEquals(List.of(), sweep("2026-12-07T07:59:59Z"));
        List<Outgoing> monday = sweep("2026-12-07T08:00:00Z");
        assertEquals(1, monday.size());
        assertEquals(1, monday.get(0).attempt(), "the second try");
        assertEquals("Jon Leigh: Action 1.0 is due in 3 days, on Thursday 10/12/2026. [1.0]", summary(monday.get(0)),
                "written as things stand when it goes");
    }

    @Test
    void theDigestListsEachOwnersActionsDueAtTheMeetingInPlaceOfTheirOwnReminders() {
        say(CLAIRE, "next meeting 10/12/2026 10:00", MONDAY);
        say(CLAIRE, "owner Constabulary = Jon Leigh", MONDAY);
        say(CLAIRE, "action Report on road safety owner: Jon Leigh due: 10/12/2026", MONDAY);
        say(CLAIRE, "action Survey the custody suites owner: Jane Gifford due: 10/12/2026", MONDAY);
        say(CLAIRE, "action Bring the fleet paper owner: Constabulary due: 10/12/2026", MONDAY);
        say(CLAIRE, "action Review the estates plan owner: OPCC due: 10/12/2026", MONDAY);
        say(CLAIRE, "action Circulate the budget owner: Jon Leigh due: 11/12/2026", MONDAY);
        assertEquals("OVERDUE@2026-12-17T08:00:00Z:PENDING", reminders(1), "the digest replaces before and on the day");

        List<String> digests = sweepAndSend("2026-12-03T08:00:00Z").stream()
                .map(ReminderTestSupport::summary).sorted().toList();
        assertEquals(List.of(
                "Jane Gifford: The Fenshire Board meets on Thursday 10/12/2026: this action of yours is due at it. [2.0]",
                "Jon Leigh: The Fenshire Board meets on Thursday 10/12/2026: these actions of yours are due at it."
                        + " [1.0, 3.0]"), digests);
        assertEquals("nobody is mapped to OPCC: `owner OPCC = @name`", queryString("SELECT last_error FROM"
                + " reminder_deliveries WHERE state = 'UNDELIVERABLE' AND recipient = 'OPCC'"));

        String status = say(CLAIRE, "reminders status", Instant.parse("2026-12-03T09:00:00Z"));
        assertTrue(status.contains("- Sent in the last 7 days: 2"), status);
        assertTrue(status.contains("**Could not be delivered** (1)\n- OPCC, digest for the meeting of 10/12/2026:"
                + " nobody is mapped to OPCC: `owner OPCC = @name`"), status);
        assertTrue(status.contains("**Next due**\n- Fri 04/12/2026 08:00: before the target of action 5.0"), status);
    }

    @Test
    void aMeetingScheduledTooLateForItsUsualDigestGetsOneTheNextMorningAndOnlyOne() {
        // Monday 23/11 10:00: a meeting on Wednesday 25/11 is two working days off, inside the five of the digest.
        say(CLAIRE, "next meeting 25/11/2026 14:00", MONDAY);
        say(CLAIRE, "action Report on road safety owner: Jon Leigh due: 25/11/2026", MONDAY);
        assertEquals("OVERDUE@2026-12-02T08:00:00Z:PENDING", reminders(1), "the digest stands in for its own");
        assertEquals("DIGEST@2026-11-24T08:00:00Z:PENDING", digests());

        say(CLAIRE, "next meeting 25/11/2026 15:00", MONDAY.plusSeconds(600));
        say(CLAIRE, "reminders digest 5", MONDAY.plusSeconds(1200));
        assertEquals("DIGEST@2026-11-24T08:00:00Z:PENDING", digests(), "replanning keeps it where it was put");

        assertEquals(List.of("Jon Leigh: The Fenshire Board meets on Wednesday 25/11/2026: this action of yours is due"
                + " at it. [1.0]"), sweepAndSend("2026-11-24T08:00:00Z").stream()
                .map(ReminderTestSupport::summary).toList());
        say(CLAIRE, "next meeting 25/11/2026 14:00", Instant.parse("2026-11-24T09:00:00Z"));
        assertEquals("DIGEST@2026-11-24T08:00:00Z:EXPANDED", digests(), "the meeting had its digest: no second");
    }

    @Test
    void aMeetingMovedTooCloseForItsDigestHasItMovedToTheNextMorning() {
        say(CLAIRE, "next meeting 10/12/2026 10:00", MONDAY);
        say(CLAIRE, "action Report on road safety owner: Jon Leigh due: the next Board", MONDAY);
        assertEquals("DIGEST@2026-12-03T08:00:00Z:PENDING", digests());

        say(CLAIRE, "move meeting 10/12/2026 to 26/11/2026", MONDAY);

        assertEquals("DIGEST@2026-11-24T08:00:00Z:PENDING DIGEST@2026-12-03T08:00:00Z:CANCELLED", digests());
        assertEquals("OVERDUE@2026-12-03T08:00:00Z:PENDING OVERDUE@2026-12-17T08:00:00Z:CANCELLED", reminders(1),
                "the target followed the meeting");
    }

    @Test
    void aMeetingTooSoonForAnyDigestLeavesItsActionsToTheirOwnPlan() {
        // Monday 23/11 at 10:00, a meeting at 07:30 on Tuesday: the window's next opening is after it began.
        say(CLAIRE, "next meeting 24/11/2026 07:30", MONDAY);
        assertEquals("", digests());
    }

    private String digests() {
        return remindersWhere("kind = 'DIGEST' ORDER BY due_at");
    }

    @Test
    void theChairHearsOfActionsLongOverdueWithNoUpdateEachMonday() {
        say(CLAIRE, "action Report on road safety owner: Jon Leigh due: 02/11/2026", MONDAY);
        say(CLAIRE, "action Survey the custody suites owner: Jane Gifford due: 02/11/2026", MONDAY);
        say(JANE, "update 2 Three of five suites surveyed.", MONDAY);
        say(CLAIRE, "action Bring the fleet paper owner: Jane Gifford due: 16/11/2026", MONDAY);

        List<Outgoing> monday = sweepAndSend("2026-11-30T08:00:00Z");
        List<Outgoing> toHelen = monday.stream().filter(o -> o.message().kind() == ReminderKind.ESCALATION).toList();
        assertEquals(List.of("Helen Marsh: This action is overdue by more than 14 days with no update. [1.0]"),
                toHelen.stream().map(ReminderTestSupport::summary).toList(),
                "2.0 has an update; 3.0 is 14 days overdue, not more");
        assertEquals("PENDING", queryString("SELECT state FROM reminders WHERE kind = 'ESCALATION'"
                + " AND due_at = '2026-12-07T08:00:00Z'"), "next Monday's is planned");

        say(JON, "update 1 The report is drafted.", Instant.parse("2026-12-01T10:00:00Z"));
        say(JANE, "update 3 Fleet paper in draft.", Instant.parse("2026-12-01T10:00:00Z"));
        assertEquals(List.of(), sweep("2026-12-07T08:00:00Z").stream()
                .filter(o -> o.message().kind() == ReminderKind.ESCALATION).toList());
        assertEquals("SKIPPED", queryString("SELECT state FROM reminders WHERE kind = 'ESCALATION'"
                + " AND due_at = '2026-12-07T08:00:00Z'"), "nothing to escalate: skipped, and the week after planned");
        assertEquals("PENDING", queryString("SELECT state FROM reminders WHERE kind = 'ESCALATION'"
                + " AND due_at = '2026-12-14T08:00:00Z'"));
    }

    @Test
    void eightOClockOnTheBoardsClockOnBothSidesOfTheClockChanges() {
        Instant march = Instant.parse("2026-03-16T10:00:00Z");
        say(CLAIRE, "action Report on road safety owner: Jon Leigh due: 30/03/2026", march);
        assertEquals("BEFORE@2026-03-23T08:00:00Z:PENDING DUE@2026-03-30T07:00:00Z:PENDING"
                + " OVERDUE@2026-04-07T07:00:00Z:PENDING", reminders(1),
                "08:00 GMT before the change, 08:00 BST after it; Easter Monday 06/04 waits for Tuesday");
        assertEquals(List.of(), sweep("2026-03-23T07:59:59Z"));
        assertEquals(1, sweepAndSend("2026-03-23T08:00:00Z").size());
        assertEquals(List.of(), sweep("2026-03-30T06:59:59Z"));
        assertEquals(1, sweepAndSend("2026-03-30T07:00:00Z").size());
        Instant october = Instant.parse("2026-10-12T10:00:00Z");
        say(CLAIRE, "action Review the estates plan owner: Jane Gifford due: 26/10/2026", october);
        assertEquals("BEFORE@2026-10-19T07:00:00Z:PENDING DUE@2026-10-26T08:00:00Z:PENDING"
                + " OVERDUE@2026-11-02T08:00:00Z:PENDING", reminders(2), "and back again in October");
        assertEquals(1, sweepAndSend("2026-10-26T08:00:00Z").stream()
                .filter(o -> o.message().kind() == ReminderKind.DUE).count());
    }
}
