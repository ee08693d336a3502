package io.boardclerk.core.reminder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The sending side of reminders, as the bot's dispatcher sees it. Every method is one transaction.
 *
 * <p>Exactly once: {@link #claimDue} marks each delivery it returns SENDING with a lease, in the same transaction
 * that reads it, so two sweeps (threads or processes) never claim the same delivery. A delivery left SENDING when its
 * lease runs out (the process died mid-send) is {@link #markInDoubt marked in doubt} and never sent again; one that
 * was still PENDING or RETRY when the process died is simply claimed after the restart.
 */
public interface ReminderOutbox {

    /**
     * Expands the reminders due by {@code now} into deliveries (cancelling or skipping those no longer wanted, and
     * planning the next weekly ones), then claims up to {@code limit} deliveries due by {@code now} whose board's
     * delivery window is open: each is marked SENDING until {@code leaseUntil}. Deliveries whose window is shut wait
     * for the next window; deliveries to someone with no Teams identity are marked UNDELIVERABLE and not returned;
     * deliveries whose action has closed are cancelled.
     */
    List<Outgoing> claimDue(Instant now, int limit, Instant leaseUntil);

    void sent(long deliveryId, Instant at, String conversationId, String messageId);

    /** Sends again no earlier than {@code nextAt} (back-off, or the connector's Retry-After); counts the attempt. */
    void retry(long deliveryId, Instant nextAt, String error);

    /** Gives up after the last try: kept, dead-lettered, listed in {@code reminders status}. */
    void dead(long deliveryId, Instant at, String error);

    /** The person cannot be reached in Teams (no identity, app not installed for them, blocked): shown to the secretary. */
    void undeliverable(long deliveryId, Instant at, String reason);

    /** Deliveries left SENDING past their lease become IN_DOUBT (never re-sent); returns how many. */
    int markInDoubt(Instant now);

    Optional<PersonalConversation> personalConversation(String tenantId, String userKey);

    void savePersonalConversation(PersonalConversation conversation);
}
