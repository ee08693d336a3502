package io.boardclerk.core.reminder;

import java.time.Instant;

/**
 * One message of a reminder to one person (or, when nobody can be reached, to nobody: then {@code personId} is null
 * and {@code recipient} names the body or person who could not be reached).
 */
public record StoredDelivery(long id, long reminderId, long boardId, Long personId, String recipient, String state,
                             int attempts, Instant nextAt, Instant leaseUntil, String lastError, Instant updatedAt) {

    public static final String PENDING = "PENDING";
    /** Claimed by a sweep (with a lease) and not yet being sent. */
    public static final String CLAIMED = "CLAIMED";
    /** Being sent now: the request may have reached Teams. */
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    public static final String RETRY = "RETRY";
    public static final String DEAD = "DEAD";
    public static final String UNDELIVERABLE = "UNDELIVERABLE";
    public static final String IN_DOUBT = "IN_DOUBT";
    public static final String CANCELLED = "CANCELLED";
    /** Teams could not take it, so it went by e-mail instead (through Microsoft Graph); the address is not kept. */
    public static final String MAILED = "MAILED";
}
