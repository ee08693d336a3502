package io.boardclerk.core.reminder;

import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.ActionUpdate;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.MeetingStatus;
import io.boardclerk.core.model.Owner;
import io.boardclerk.core.model.Target;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReminderPlannerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z"); // Monday
    private static final ReminderPolicy POLICY = ReminderPolicy.DEFAULT;

    private static ActionItem action(LocalDate target, ActionStatus status, ActionUpdate... updates) {
        Target t = new Target(target == null ? "on-going" : target.toString(), target);
        return new ActionItem(12, 1, 12, null, LocalDate.of(2026, 11, 1), "5.1", "Report on road safety",
                List.of(Owner.unresolved("Jon Leigh")), t, List.of(t), status, List.of(updates), 1, 0);
    }

    private static Meeting meeting(long id, LocalDate date) {
        return new Meeting(id, 1, date, LocalTime.of(10, 0), "Board", null, MeetingStatus.SCHEDULED, null, null, null);
    }

    private static String describe(List<PlannedReminder> planned) {
        return planned.stream().map(p -> p.kind() + "@" + p.dueAt()).toList().toString();
    }

    @Test
    void beforeOnTheDayAndTheFirstOverdue() {
        List<PlannedReminder> planned = ReminderPlanner.forAction(action(LocalDate.of(2026, 12, 10),
                ActionStatus.OPEN), List.of(), POLICY, NOW);
        assertEquals("[BEFORE@2026-12-03T08:00:00Z, DUE@2026-12-10T08:00:00Z, OVERDUE@2026-12-17T08:00:00Z]",
                describe(planned));
        assertTrue(planned.stream().allMatch(p -> p.subject().equals("action:12")));
    }

    @Test
    void nothingInThePastAndOnlyTheNextOverdue() {
        // Due Monday 02/11/2026; now is three weeks on: the next overdue is the fourth week, at 08:00 on 30/11.
        List<PlannedReminder> planned = ReminderPlanner.forAction(action(LocalDate.of(2026, 11, 2),
                ActionStatus.OPEN), List.of(), POLICY, NOW);
        assertEquals("[OVERDUE@2026-11-30T08:00:00Z]", describe(planned));
        // At 07:00 the same Monday the third week's reminder (08:00 today) is still ahead.
        assertEquals("[OVERDUE@2026-11-23T08:00:00Z]", describe(ReminderPlanner.forAction(
                action(LocalDate.of(2026, 11, 2), ActionStatus.OPEN), List.of(), POLICY,
                Instant.parse("2026-11-23T07:00:00Z"))));
    }

    @Test
    void aTargetAtAWeekendIsRemindedOnTheNextWorkingDay() {
        List<PlannedReminder> planned = ReminderPlanner.forAction(action(LocalDate.of(2026, 12, 5),
                ActionStatus.OPEN), List.of(), POLICY, NOW);
        assertEquals("[BEFORE@2026-11-30T08:00:00Z, DUE@2026-12-07T08:00:00Z, OVERDUE@2026-12-14T08:00:00Z]",
                describe(planned), "Saturday 28/11 and Saturday 05/12 wait for the Mondays");
    }

    @Test
    void aMeetingTargetGetsTheDigestInsteadOfBeforeAndOnTheDay() {
        LocalDate board = LocalDate.of(2026, 12, 10);
        assertEquals("[OVERDUE@2026-12-17T08:00:00Z]", describe(ReminderPlanner.forAction(
                action(board, ActionStatus.OPEN), List.of(meeting(4, board)), POLICY, NOW)));
        PlannedReminder digest = ReminderPlanner.forMeeting(meeting(4, board), POLICY, NOW).orElseThrow();
        assertEquals(Instant.parse("2026-12-03T08:00:00Z"), digest.dueAt(), "5 working days before Thursday 10/12");
        assertEquals("meeting:4", digest.subject());
        ReminderPolicy noDigest = PolicyWords.apply(POLICY, "digest off");
        assertEquals(3, ReminderPlanner.forAction(action(board, ActionStatus.OPEN), List.of(meeting(4, board)),
                noDigest, NOW).size(), "without a digest the usual reminders stand");
        assertTrue(ReminderPlanner.forMeeting(meeting(4, LocalDate.of(2026, 11, 26)), POLICY, NOW).isEmpty(),
                "a digest that would have gone last week is not planned");
    }

    @Test
    void noneForActionsThatAreNotOpenOrHaveNoDate() {
        for (ActionStatus status : List.of(ActionStatus.ONGOING, ActionStatus.COMPLETE, ActionStatus.CLOSED)) {
            assertEquals(List.of(), ReminderPlanner.forAction(action(LocalDate.of(2026, 12, 10), status), List.of(),
                    POLICY, NOW), status.word());
        }
        assertEquals(List.of(), ReminderPlanner.forAction(action(null, ActionStatus.OPEN), List.of(), POLICY, NOW));
        assertEquals(List.of(), ReminderPlanner.forAction(action(LocalDate.of(2026, 12, 10), ActionStatus.OPEN),
                List.of(), POLICY.off(), NOW));
    }

    @Test
    void theEscalationIsEachMondayMorning() {
        assertEquals(Instant.parse("2026-11-30T08:00:00Z"), ReminderPlanner.escalation(1, POLICY, NOW).orElseThrow()
                .dueAt(), "10:00 on Monday: next Monday");
        assertEquals(Instant.parse("2026-11-23T08:00:00Z"), ReminderPlanner.escalation(1, POLICY,
                Instant.parse("2026-11-23T06:00:00Z")).orElseThrow().dueAt());
        assertEquals(Instant.parse("2027-05-04T07:00:00Z"), ReminderPlanner.escalation(1, POLICY,
                Instant.parse("2027-04-28T10:00:00Z")).orElseThrow().dueAt(), "the early May holiday: Tuesday");
    }

    @Test
    void escalationTakesActionsLongOverdueWithNoUpdateSinceTheirTarget() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        assertTrue(ReminderPlanner.escalates(action(LocalDate.of(2026, 11, 2), ActionStatus.OPEN), POLICY, today));
        assertFalse(ReminderPlanner.escalates(action(LocalDate.of(2026, 11, 9), ActionStatus.OPEN), POLICY, today),
                "14 days is not more than 14");
        assertFalse(ReminderPlanner.escalates(action(LocalDate.of(2026, 11, 2), ActionStatus.OPEN,
                new ActionUpdate(LocalDate.of(2026, 11, 5), "Draft with the Chief Constable", "Jon Leigh")),
                POLICY, today));
        assertTrue(ReminderPlanner.escalates(action(LocalDate.of(2026, 11, 2), ActionStatus.OPEN,
                new ActionUpdate(LocalDate.of(2026, 10, 20), "Started", "Jon Leigh")), POLICY, today));
    }

    @Test
    void aSnoozeIsWorkingDaysAway() {
        PlannedReminder snooze = ReminderPlanner.snooze(action(LocalDate.of(2026, 12, 10), ActionStatus.OPEN), 3, 2,
                POLICY, Instant.parse("2026-11-27T15:00:00Z"));
        assertEquals(Instant.parse("2026-12-01T08:00:00Z"), snooze.dueAt(), "Friday + 2 working days = Tuesday");
        assertEquals("action:12:person:3", snooze.subject());
    }
}
