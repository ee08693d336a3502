package io.boardclerk.core.clerk;

import java.time.Instant;
import java.util.Map;

/**
 * A button pressed on one of BoardClerk's cards ({@code Action.Execute}), with the card's data and inputs merged.
 *
 * @param verb one of {@link Card.Verbs}
 * @param data the card's data and input values, as strings
 */
public record CardTurn(Conversation conversation, Sender sender, String verb, Map<String, String> data,
                       String activityId, Instant receivedAt) {

    public CardTurn {
        data = Map.copyOf(data);
    }
}
