package io.boardclerk.bot.reminders;

/** How one attempt to deliver a reminder went, as the dispatcher needs to know it. */
public sealed interface SendResult {

    /** Teams took the message. */
    record Sent(String conversationId, String messageId) implements SendResult {
    }

    /** HTTP 429: try again no earlier than the connector's Retry-After ({@code retryAfter} as sent, null if none). */
    record Throttled(String retryAfter) implements SendResult {
    }

    /** A 5xx, a timeout or a broken connection: worth trying again later. {@code error} names no secret. */
    record Failed(String error) implements SendResult {
    }

    /** The person cannot be reached in Teams (403 or 404: app not installed, bot blocked, unknown user). */
    record Unreachable(String reason) implements SendResult {
    }

    /** Teams could not take it ({@code teamsReason}), so it was e-mailed instead; names no address. */
    record Mailed(String teamsReason) implements SendResult {
    }

    /**
     * Not to be tried again, though it is not known to be undeliverable: an e-mail whose send timed out may have gone,
     * and sending it again could deliver it twice. Dead-lettered at once, with why.
     */
    record GaveUp(String reason) implements SendResult {
    }
}
