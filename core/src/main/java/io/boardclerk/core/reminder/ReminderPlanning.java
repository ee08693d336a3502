package io.boardclerk.core.reminder;

import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.port.Ledger;
import io.boardclerk.core.port.LedgerStore;
import io.boardclerk.core.port.ReminderRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Brings the stored reminders into line with the record, inside the transaction that changed the record, so that a
 * change takes effect at once: reminders no longer wanted are cancelled (kept, with why), wanted ones are planned
 * (their identity keeps one already sent from being planned again), and the deliveries of an action that is no longer
 * open are cancelled.
 */
public final class ReminderPlanning {

    private final Ledger ledger;
    private final Instant now;
    private final Map<Long, ReminderPolicy> policies = new HashMap<>();
    private final Map<Long, List<Meeting>> meetings = new HashMap<>();

    private ReminderPlanning(Ledger ledger, Instant now) {
        this.ledger = ledger;
        this.now = now;
    }

    /**
     * One write transaction in which the reminders of whatever {@code work} changed are replanned before it commits,
     * so a change to an action or a meeting takes effect on its reminders at once (or, if refused, not at all). Every
     * write that can change actions or meetings goes through here.
     */
    public static <T> T inTransaction(LedgerStore store, Instant now, java.util.function.Function<Ledger, T> work) {
        return store.inTransaction(ledger -> {
            T result = work.apply(ledger);
            replanChanges(ledger, now);
            return result;
        });
    }

    /** Replans whatever the current transaction changed (see {@link ReminderRepository#takeReminderChanges}). */
    public static void replanChanges(Ledger ledger, Instant now) {
        ReminderRepository.Changes changes = ledger.takeReminderChanges();
        if (changes.isEmpty()) {
            return;
        }
        ReminderPlanning planning = new ReminderPlanning(ledger, now);
        for (long boardId : changes.boardIds()) {
            planning.board(boardId);
        }
        Set<Long> boards = new HashSet<>(changes.boardIds());
        for (long actionId : changes.actionIds()) {
            Optional<ActionItem> action = ledger.actionById(actionId);
            // A deleted action's reminders and deliveries went with it (ON DELETE CASCADE).
            if (action.isPresent() && !changes.boardIds().contains(action.get().boardId())) {
                planning.action(action.get());
                if (boards.add(action.get().boardId())) {
                    planning.escalation(action.get().boardId());
                }
            }
        }
    }

    /** Replans a whole board: every open action, every meeting's digest, the escalation (after a policy change). */
    public static void replanBoard(Ledger ledger, long boardId, Instant now) {
        new ReminderPlanning(ledger, now).board(boardId);
    }

    private void board(long boardId) {
        for (ActionItem action : ledger.actions(boardId, List.of(ActionStatus.OPEN))) {
            action(action);
        }
        ReminderPolicy policy = policy(boardId);
        List<StoredReminder> pendingDigests = ledger.pendingDigests(boardId);
        List<PlannedReminder> digests = new ArrayList<>();
        for (Meeting meeting : meetings(boardId)) {
            Optional<PlannedReminder> digest = ReminderPlanner.forMeeting(meeting, policy, now);
            if (digest.isEmpty() && ReminderPlanner.usualDigestPassed(meeting, policy, now)) {
                digest = lateDigest(meeting, policy, pendingDigests);
            }
            digest.ifPresent(digests::add);
        }
        reconcile(pendingDigests, digests, "the meeting was moved, held or cancelled, or the"
                + " digest was switched off");
        escalation(boardId);
    }

    /**
     * The digest of a meeting whose usual one is already past: one planned late stays where it was put (so replanning
     * never moves or repeats it), none once the meeting has had a digest, else one at the next opening of the window.
     */
    private Optional<PlannedReminder> lateDigest(Meeting meeting, ReminderPolicy policy, List<StoredReminder> pending) {
        String subject = PlannedReminder.meetingSubject(meeting.id());
        for (StoredReminder planned : pending) {
            if (planned.subject().equals(subject)
                    && !planned.dueAt().atZone(policy.zone()).toLocalDate().isAfter(meeting.date())) {
                return Optional.of(new PlannedReminder(meeting.boardId(), ReminderKind.DIGEST, subject, null,
                        meeting.id(), null, planned.dueAt()));
            }
        }
        if (ledger.digestGone(meeting.id())) {
            return Optional.empty();
        }
        return ReminderPlanner.lateDigest(meeting, policy, now);
    }

    private void escalation(long boardId) {
        List<PlannedReminder> wanted = ReminderPlanner.escalation(boardId, policy(boardId), now).stream().toList();
        reconcile(ledger.pendingReminders(PlannedReminder.boardSubject(boardId)), wanted,
                "the escalation policy changed");
    }

    private void action(ActionItem action) {
        List<PlannedReminder> wanted = ReminderPlanner.forAction(action, meetings(action.boardId()),
                policy(action.boardId()), now);
        String why = whyNot(action);
        List<StoredReminder> pending = new ArrayList<>();
        for (StoredReminder reminder : ledger.pendingRemindersOfAction(action.id())) {
            // A snooze stands while the action is open: the owner asked for it.
            if (reminder.kind() != ReminderKind.SNOOZE || why != null) {
                pending.add(reminder);
            }
        }
        reconcile(pending, wanted, why != null ? why : "the target, the meetings or the policy changed", why != null);
        if (why != null) {
            ledger.cancelDeliveriesOfAction(action.id(), now, why);
        }
    }

    /** Why an action gets no reminders, null when it does. */
    static String whyNot(ActionItem action) {
        return switch (action.status()) {
            case CLOSED -> "action " + action.displayNumber() + " is closed";
            case COMPLETE -> "action " + action.displayNumber() + " was reported done";
            case ONGOING -> "action " + action.displayNumber() + " is on-going";
            case OPEN -> action.target() == null || action.target().date() == null
                    ? "action " + action.displayNumber() + " has no target date" : null;
        };
    }

    private void reconcile(List<StoredReminder> pending, List<PlannedReminder> wanted, String why) {
        reconcile(pending, wanted, why, false);
    }

    /**
     * Cancels the pending reminders not wanted and plans the wanted ones not pending. One already due but not yet
     * swept is left for the sweep (which checks it again) unless {@code evenIfDue}: a change in the minute before a
     * sweep must not lose a reminder that was owed.
     */
    private void reconcile(List<StoredReminder> pending, List<PlannedReminder> wanted, String why,
                           boolean evenIfDue) {
        for (StoredReminder reminder : pending) {
            if (!evenIfDue && !reminder.dueAt().isAfter(now)) {
                continue;
            }
            if (wanted.stream().noneMatch(reminder::same)) {
                ledger.endReminder(reminder.id(), StoredReminder.CANCELLED, now, why);
            }
        }
        for (PlannedReminder reminder : wanted) {
            // One already pending stays as it is: most changes leave most reminders where they were.
            if (pending.stream().noneMatch(p -> p.same(reminder))) {
                ledger.planReminder(reminder, now);
            }
        }
    }

    private ReminderPolicy policy(long boardId) {
        return policies.computeIfAbsent(boardId, ledger::reminderPolicy);
    }

    private List<Meeting> meetings(long boardId) {
        return meetings.computeIfAbsent(boardId, ledger::meetings);
    }
}
