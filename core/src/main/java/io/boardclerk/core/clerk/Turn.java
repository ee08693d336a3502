package io.boardclerk.core.clerk;

import io.boardclerk.core.roster.Mention;

import java.time.Instant;
import java.util.List;

/** One incoming message, with the bot's own mention already taken out of the text. */
public record Turn(Conversation conversation, Sender sender, String text, List<Mention> mentions, String activityId,
                   Instant receivedAt) {

    public Turn {
        mentions = List.copyOf(mentions);
    }
}
