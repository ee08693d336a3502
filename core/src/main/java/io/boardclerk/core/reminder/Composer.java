package io.boardclerk.core.reminder;

import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.MeetingStatus;
import io.boardclerk.core.model.Owner;
import io.boardclerk.core.parse.BritishDates;
import io.boardclerk.core.view.Views;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a reminder as it is claimed, from the actions as they stand then; or says why it should no longer go (the
 * action closed, the target moved, the recipient no longer owns it, the meeting was held).
 */
public final class Composer {

    private final SweepReads reads;
    private final Board board;
    private final ReminderPolicy policy;
    private final LocalDate today;

    Composer(SweepReads reads, Board board, ReminderPolicy policy, Instant now) {
        this.reads = reads;
        this.board = board;
        this.policy = policy;
        this.today = now.atZone(policy.zone()).toLocalDate();
    }

    Reminders.Composed compose(StoredReminder reminder, Long personId) {
        return switch (reminder.kind()) {
            case BEFORE, DUE, OVERDUE, SNOOZE -> action(reminder, personId);
            case DIGEST -> digest(reminder, personId);
            case ESCALATION -> escalation(reminder);
        };
    }

    private Reminders.Composed action(StoredReminder reminder, Long personId) {
        Optional<ActionItem> found = reads.action(reminder.actionId());
        if (found.isEmpty()) {
            return Reminders.Composed.not("the action was deleted");
        }
        ActionItem action = found.get();
        String why = ReminderPlanning.whyNot(action);
        if (why != null) {
            return Reminders.Composed.not(why);
        }
        if (personId == null || !owns(action, personId)) {
            return Reminders.Composed.not("no longer an owner of action " + action.displayNumber());
        }
        LocalDate target = action.target().date();
        boolean stillWanted = switch (reminder.kind()) {
            case OVERDUE -> target.isBefore(reminder.dueAt().atZone(policy.zone()).toLocalDate());
            case BEFORE, DUE -> ReminderPlanner.forAction(action, reads.meetings(board.id()), policy, Instant.EPOCH)
                    .stream().anyMatch(p -> p.kind() == reminder.kind() && p.dueAt().equals(reminder.dueAt()));
            default -> true;
        };
        if (!stillWanted) {
            return Reminders.Composed.not("the target of action " + action.displayNumber() + " or the policy changed");
        }
        return new Reminders.Composed(new ReminderMessage(reminder.kind(), board.id(), board.name(),
                headline(action), List.of(Views.row(action)), null), null);
    }

    private Reminders.Composed digest(StoredReminder reminder, Long personId) {
        Optional<Meeting> meeting = reads.ledger.meeting(reminder.meetingId());
        if (meeting.isEmpty() || meeting.get().status() != MeetingStatus.SCHEDULED
                || meeting.get().date().isBefore(today)) {
            return Reminders.Composed.not("the meeting was held, moved or cancelled");
        }
        LocalDate date = meeting.get().date();
        List<ActionItem> mine = reads.openActions(board.id()).stream()
                .filter(a -> date.equals(a.target().date()) && personId != null && owns(a, personId)).toList();
        if (mine.isEmpty()) {
            return Reminders.Composed.not("none of their actions is due at that meeting any more");
        }
        String name = board.name().toLowerCase(Locale.ROOT).startsWith("the ") ? board.name() : "The " + board.name();
        return new Reminders.Composed(new ReminderMessage(ReminderKind.DIGEST, board.id(), board.name(),
                name + " meets on " + day(date) + ": " + (mine.size() == 1 ? "this action of yours is"
                        : "these actions of yours are") + " due at it.",
                mine.stream().map(Views::row).toList(), date), null);
    }

    private Reminders.Composed escalation(StoredReminder reminder) {
        List<ActionItem> late = reads.openActions(board.id()).stream()
                .filter(a -> ReminderPlanner.escalates(a, policy, today)).toList();
        if (late.isEmpty()) {
            return Reminders.Composed.not("nothing to escalate any more");
        }
        return new Reminders.Composed(new ReminderMessage(ReminderKind.ESCALATION, board.id(), board.name(),
                (late.size() == 1 ? "This action is" : "These actions are") + " overdue by more than "
                        + policy.escalateAfterDays() + " days with no update.",
                late.stream().map(Views::row).toList(), null), null);
    }

    private boolean owns(ActionItem action, long personId) {
        if (action.isOwnedBy(personId)) {
            return true;
        }
        return action.owners().stream().filter(Owner::body)
                .anyMatch(o -> reads.bodyMembers(board.id(), o.name()).contains(personId));
    }

    /** "Action 12.0 is due in 7 days, on Monday 30/11/2026.", "... is due today.", "... is 3 weeks overdue." */
    String headline(ActionItem action) {
        return headline(action, today);
    }

    /** The headline of a per-action reminder as of {@code today}; needs a target date. */
    public static String headline(ActionItem action, LocalDate today) {
        LocalDate target = action.target().date();
        long days = ChronoUnit.DAYS.between(today, target);
        String subject = "Action " + action.displayNumber();
        if (days > 1) {
            return subject + " is due in " + days + " days, on " + day(target) + ".";
        }
        if (days == 1) {
            return subject + " is due tomorrow, " + day(target) + ".";
        }
        if (days == 0) {
            return subject + " is due today.";
        }
        long late = -days;
        String by = late < 7 ? late + (late == 1 ? " day" : " days")
                : late / 7 + (late / 7 == 1 ? " week" : " weeks");
        return subject + " was due on " + BritishDates.format(target) + " and is " + by + " overdue.";
    }

    static String day(LocalDate date) {
        return date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK) + " " + BritishDates.format(date);
    }
}
