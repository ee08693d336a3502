package io.boardclerk.core.port;

import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.reminder.PersonalConversation;
import io.boardclerk.core.reminder.PlannedReminder;
import io.boardclerk.core.reminder.ReminderPolicy;
import io.boardclerk.core.reminder.StoredDelivery;
import io.boardclerk.core.reminder.StoredReminder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reminders to action owners (#4): the board's policy, the reminders planned and their deliveries. */
public interface ReminderRepository {

    /** The board's policy; {@link ReminderPolicy#DEFAULT} until someone sets one. */
    ReminderPolicy reminderPolicy(long boardId);

    void setReminderPolicy(long boardId, ReminderPolicy policy, String by, Instant at);

    /**
     * What this transaction changed that reminders depend on, forgotten once read: the actions (added, re-owned,
     * re-targeted, status changed, deleted) and the boards whose meetings were scheduled, moved, opened or closed.
     */
    Changes takeReminderChanges();

    record Changes(Set<Long> actionIds, Set<Long> boardIds) {
        public Changes {
            actionIds = Set.copyOf(actionIds);
            boardIds = Set.copyOf(boardIds);
        }

        public boolean isEmpty() {
            return actionIds.isEmpty() && boardIds.isEmpty();
        }
    }

    Optional<ActionItem> actionById(long actionId);

    /** Several actions by id in one read (a sweep's due reminders), with owners, targets and updates. */
    List<ActionItem> actionsByIds(java.util.Collection<Long> actionIds);

    /**
     * Boards whose reminders were never planned: no policy set and no escalation ever planned. Their actions were
     * recorded before reminders existed (a database upgraded to V4).
     */
    List<Long> boardsNeverPlanned();

    /** The PENDING reminders about an action (its own and its snoozes). */
    List<StoredReminder> pendingRemindersOfAction(long actionId);

    /** The PENDING reminders with this subject ("meeting:4", "board:1"). */
    List<StoredReminder> pendingReminders(String subject);

    /** The board's PENDING digests (subject "meeting:..."), to cancel those of meetings no longer scheduled. */
    List<StoredReminder> pendingDigests(long boardId);

    /** True when a digest for the meeting has fallen due and gone out (or found nothing to say): it had its digest. */
    boolean digestGone(long meetingId);

    /**
     * Plans a reminder unless one with its identity exists; a CANCELLED one with the identity is planned again (a
     * target moved away and back). One already expanded or skipped is never planned again.
     */
    void planReminder(PlannedReminder reminder, Instant at);

    Optional<StoredReminder> reminder(long reminderId);

    /** Ends a reminder: EXPANDED, CANCELLED or SKIPPED, with why. */
    void endReminder(long reminderId, String state, Instant at, String note);

    /** Marks PENDING reminders EXPANDED, in one write. */
    void markExpanded(java.util.Collection<Long> reminderIds, Instant at);

    /** Cancels the deliveries of an action's reminders not yet sent or being sent (PENDING or RETRY). */
    int cancelDeliveriesOfAction(long actionId, Instant at, String note);

    /**
     * PENDING reminders due by {@code now}, earliest first, read through the partial index
     * {@code reminders_pending_due}, and held for this transaction: a store that several instances share passes
     * over the rows another is holding.
     */
    List<StoredReminder> dueReminders(Instant now, int limit);

    /** Adds deliveries, in one write; one the reminder already has for that person is left as it is. */
    void addDeliveries(List<NewDelivery> deliveries, Instant at);

    /** A delivery to add: to a person, or (person null, UNDELIVERABLE) to a body or name nobody answers for. */
    record NewDelivery(long reminderId, long boardId, Long personId, String recipient, String state, Instant nextAt,
                       String error) {
    }

    /**
     * PENDING or RETRY deliveries due by {@code now}, read through the partial index {@code reminder_deliveries_due},
     * and held for this transaction as {@link #dueReminders} are.
     */
    List<StoredDelivery> dueDeliveries(Instant now, int limit);

    Optional<StoredDelivery> delivery(long deliveryId);

    /** Marks PENDING or RETRY deliveries CLAIMED until the lease ends, in one write; returns how many it marked. */
    int claimDeliveries(java.util.Collection<Long> deliveryIds, Instant leaseUntil, Instant at);

    /**
     * CLAIMED to SENDING, just before the message goes out; false when it is no longer CLAIMED (cancelled), or not
     * by the claim whose lease runs out at {@code leaseUntil}, or that lease has run out by {@code at}.
     */
    boolean markSending(long deliveryId, Instant leaseUntil, Instant at);

    void postponeDelivery(long deliveryId, Instant nextAt, Instant at);

    void deliverySent(long deliveryId, Instant at, String conversationId, String messageId);

    void deliveryRetry(long deliveryId, Instant nextAt, String error, Instant at);

    /** Back in the queue from {@code nextAt}, not tried, so no attempt is counted. */
    void deliveryWaits(long deliveryId, Instant nextAt, String why, Instant at);

    /** SENDING to MAILED: Teams could not take it ({@code why}), and it was e-mailed instead at {@code at}. */
    void deliveryMailed(long deliveryId, Instant at, String why);

    /** Ends a delivery: DEAD, UNDELIVERABLE or CANCELLED, with why. */
    void endDelivery(long deliveryId, String state, String error, Instant at);

    /**
     * Deliveries whose lease ended before {@code now}: CLAIMED ones (never begun) go back to PENDING, SENDING ones
     * become IN_DOUBT; returns how many became IN_DOUBT.
     */
    int deliveriesInDoubt(Instant now);

    Optional<PersonalConversation> personalConversation(String tenantId, String userKey);

    void savePersonalConversation(PersonalConversation conversation);

    // ---- what the secretary sees

    int countPendingReminders(long boardId);

    int countDeliveries(long boardId, String state, Instant since);

    /**
     * The board's deliveries that began to leave since {@code since}: sent or e-mailed since then, or claimed, being
     * sent or in doubt (changed since then). What the board's daily cap counts.
     */
    int deliveriesBegunSince(long boardId, Instant since);

    /** The board's deliveries in one state, newest first. */
    List<StoredDelivery> deliveries(long boardId, String state, int limit);

    /** The board's next PENDING reminders, earliest first. */
    List<StoredReminder> nextReminders(long boardId, int limit);
}
