package io.boardclerk.bot;

import com.microsoft.bot.schema.Activity;
import io.boardclerk.core.clerk.Effect;
import io.boardclerk.core.clerk.Reply;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * The whole of a reply: what it shows ({@link ReplySender}), then each effect it asks for, done by the
 * {@link EffectRunner} and told in a line of its own. What the turn recorded is already committed: a reply the
 * connector refuses fails the turn (logged, answered 500 so Teams delivers again, and the redelivery records nothing
 * twice) but loses nothing.
 */
final class ReplyAndEffects implements Replies {

    private final ReplySender replies;
    private final EffectRunner effects;

    ReplyAndEffects(ReplySender replies, EffectRunner effects) {
        this.replies = replies;
        this.effects = effects;
    }

    @Override
    public CompletableFuture<Void> deliver(Activity incoming, Reply reply) {
        try {
            replies.show(incoming, reply);
            for (Effect effect : reply.effects()) {
                String line = effects.line(incoming, effect);
                if (line != null && !line.isBlank()) {
                    replies.line(incoming, line);
                }
            }
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new ReplyNotDelivered(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new ReplyNotDelivered(e));
        }
    }
}
