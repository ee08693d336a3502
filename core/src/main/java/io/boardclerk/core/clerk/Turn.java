package io.boardclerk.core.clerk;

import io.boardclerk.core.roster.Mention;

import java.time.Instant;
import java.util.List;

/**
 * One incoming message, with the bot's own mention already taken out of the text.
 *
 * @param addressed true when the message was meant for BoardClerk: it @mentioned the bot, or came in a personal chat.
 *                  Chat that is not for the record and not addressed to BoardClerk gets no reply.
 */
public record Turn(Conversation conversation, Sender sender, String text, List<Mention> mentions, String activityId,
                   Instant receivedAt, boolean addressed) {

    public Turn {
        mentions = List.copyOf(mentions);
    }

    /** A message addressed to BoardClerk. */
    public Turn(Conversation conversation, Sender sender, String text, List<Mention> mentions, String activityId,
                Instant receivedAt) {
        this(conversation, sender, text, mentions, activityId, receivedAt, true);
    }
}
