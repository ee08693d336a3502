package io.boardclerk.bot;

import com.microsoft.bot.schema.Activity;
import io.boardclerk.core.clerk.Reply;

import java.util.concurrent.CompletableFuture;

/**
 * Sends a reply into the conversation of {@code incoming}: threaded to it when it has an id, otherwise (a message the
 * bot starts itself, as for the side panel) as a new message. A reply the connector refuses ends the future with
 * {@link ReplyNotDelivered}; what the turn recorded is committed whatever happens here.
 */
interface Replies {

    CompletableFuture<Void> deliver(Activity incoming, Reply reply);
}
