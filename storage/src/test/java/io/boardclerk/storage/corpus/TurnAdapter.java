package io.boardclerk.storage.corpus;

import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.clerk.Sender;
import io.boardclerk.core.clerk.Turn;
import io.boardclerk.core.roster.Mention;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Makes the {@link Turn} of a corpus message, telling the clerk whether the message is addressed to it.
 *
 * <p>LEAD, SWITCH OVER HERE: issue 13 gives {@code Turn} a last component {@code boolean addressed}. Until that lands
 * this finds the seven-argument constructor by reflection, so the runner compiles against today's {@code Turn}
 * (six components, every message addressed) and passes {@code addressed} as soon as the component exists. Once it
 * has landed, replace {@link #turn} with {@code new Turn(conversation, sender, text, mentions, activityId,
 * receivedAt, addressed)} and delete the reflection.
 */
final class TurnAdapter {

    private static final Constructor<?> WITH_ADDRESSED = Arrays.stream(Turn.class.getConstructors())
            .filter(c -> c.getParameterCount() == 7 && c.getParameterTypes()[6] == boolean.class)
            .findFirst().orElse(null);

    private TurnAdapter() {
    }

    /** Whether the clerk can be told that a message was not addressed to it (false on today's {@code Turn}). */
    static boolean knowsAddressed() {
        return WITH_ADDRESSED != null;
    }

    static Turn turn(Conversation conversation, Sender sender, String text, List<Mention> mentions,
                     String activityId, Instant receivedAt, boolean addressed) {
        if (WITH_ADDRESSED == null) {
            return new Turn(conversation, sender, text, mentions, activityId, receivedAt);
        }
        try {
            return (Turn) WITH_ADDRESSED.newInstance(conversation, sender, text, mentions, activityId, receivedAt,
                    addressed);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Turn's seven-argument constructor could not be called", e);
        }
    }
}
