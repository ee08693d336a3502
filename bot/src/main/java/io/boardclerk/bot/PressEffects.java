package io.boardclerk.bot;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import io.boardclerk.core.clerk.Effect;
import io.boardclerk.core.clerk.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * What a card press asked for once it was recorded (a calendar followed from its confirmation card is read), done
 * after the press is answered, so a slow Graph never keeps Teams waiting for the answer: on one thread of its own
 * (started when needed, gone when idle), each effect told in the chat in a line, as after a typed command.
 */
final class PressEffects {

    private static final Logger LOG = LoggerFactory.getLogger(PressEffects.class);

    private final Replies replies;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(64), runnable -> {
                Thread thread = new Thread(runnable, "boardclerk-press-effects");
                thread.setDaemon(true);
                return thread;
            });

    /** @param replies shows a reply and does its effects (the same as after a typed command) */
    PressEffects(Replies replies) {
        this.replies = replies;
    }

    /** Does {@code effects} for the conversation of the press {@code invoke}, after it is answered. */
    void after(Activity invoke, List<Effect> effects) {
        if (effects.isEmpty()) {
            return;
        }
        Activity incoming = Activity.clone(invoke);
        incoming.setType(ActivityTypes.MESSAGE);
        // Lines go in reply to the card's own message.
        incoming.setId(invoke.getReplyToId());
        try {
            worker.execute(() -> {
                try {
                    replies.deliver(incoming, new Reply("", List.of(), effects)).join();
                } catch (RuntimeException e) {
                    LOG.warn("What card action {} asked for could not be done in conversation {}: {}",
                            invoke.getId(), LogText.of(invoke.getConversation().getId()), e.getClass()
                                    .getSimpleName());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("Too many card actions waiting; what card action {} asked for was not done", invoke.getId());
        }
    }
}
