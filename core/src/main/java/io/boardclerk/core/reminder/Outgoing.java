package io.boardclerk.core.reminder;

/**
 * A delivery claimed for sending: to whom, in which tenant, through which Bot Connector, saying what.
 *
 * @param attempt    how many times it was tried before (0 on the first try)
 * @param serviceUrl the Bot Connector the board's conversation was last seen on
 * @param leaseUntil when this sweep's claim on it runs out: after that, another sweep may claim it
 */
public record Outgoing(long deliveryId, int attempt, String tenantId, String serviceUrl, Recipient recipient,
                       ReminderMessage message, java.time.Instant leaseUntil) {
}
