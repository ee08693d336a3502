package io.boardclerk.core.reminder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The sending side of reminders, as the bot's dispatcher sees it. Every method is one transaction.
 *
 * <p>Exactly once: {@link #claimDue} marks the deliveries it returns CLAIMED with a lease, in the same transaction
 * that reads them, so two sweeps (threads or processes) never claim the same delivery. Just before each one goes out,
 * {@link #sending} marks it SENDING in a transaction of its own. After a crash, a delivery still CLAIMED was never
 * begun: when its lease runs out it is claimed again and sent. One left SENDING (the process died mid-send, and Teams
 * may have it) is {@link #markInDoubt marked in doubt} and never sent again; the secretary sees it.
 */
public interface ReminderOutbox {

    /**
     * Expands the reminders due by {@code now} into deliveries (cancelling or skipping those no longer wanted, and
     * planning the next weekly ones), then claims up to {@code limit} deliveries due by {@code now} whose board's
     * delivery window is open: each is marked CLAIMED until {@code leaseUntil}. Empty only when nothing claimable is
     * due (due reminders that come to no delivery are worked through in the same call). Deliveries whose window is shut wait
     * for the next window; deliveries to someone with no Teams identity are marked UNDELIVERABLE and not returned;
     * deliveries whose action has closed are cancelled.
     */
    List<Outgoing> claimDue(Instant now, int limit, Instant leaseUntil);

    /**
     * Marks a claimed delivery SENDING, just before the request goes out. False when it is no longer this sweep's
     * claim (its action closed, or was reassigned, since the claim; or the claim's lease ran out, so that another
     * sweep, perhaps on another instance, may have claimed it since): then it must not be sent.
     */
    boolean sending(Outgoing claimed, Instant at);

    void sent(long deliveryId, Instant at, String conversationId, String messageId);

    /**
     * The person could not be reached in Teams ({@code why}, for the secretary), and the reminder was e-mailed to them
     * instead, inside the same SENDING window as the Teams attempt.
     */
    void mailed(long deliveryId, Instant at, String why);

    /** Sends again no earlier than {@code nextAt} (back-off, or the connector's Retry-After); counts the attempt. */
    void retry(long deliveryId, Instant nextAt, String error);

    /**
     * Not tried at all (Teams throttled the tenant while it waited its turn): sends it no earlier than {@code nextAt},
     * without counting an attempt, so a long throttle never dead-letters a delivery that was never sent.
     */
    void waitUntil(long deliveryId, Instant nextAt, String why);

    /** Gives up after the last try: kept, dead-lettered, listed in {@code reminders status}. */
    void dead(long deliveryId, Instant at, String error);

    /** The person cannot be reached in Teams (no identity, app not installed for them, blocked): shown to the secretary. */
    void undeliverable(long deliveryId, Instant at, String reason);

    /**
     * Deliveries past their lease: CLAIMED ones go back to the queue; SENDING ones become IN_DOUBT (never re-sent).
     * Returns how many became IN_DOUBT.
     */
    int markInDoubt(Instant now);

    Optional<PersonalConversation> personalConversation(String tenantId, String userKey);

    void savePersonalConversation(PersonalConversation conversation);
}
