package io.boardclerk.core.clerk;

import java.util.List;

/**
 * What the bot says back: Teams markdown in which every piece of user text has been escaped, and any cards, each
 * sent as its own message after the text. {@code refused} when the clerk refused what the message asked and
 * recorded nothing (the markdown says why), for the metrics.
 */
public record Reply(String markdown, List<Card> cards, boolean refused) {

    public Reply {
        markdown = markdown == null ? "" : markdown;
        cards = List.copyOf(cards);
    }

    public Reply(String markdown, List<Card> cards) {
        this(markdown, cards, false);
    }

    public Reply(String markdown) {
        this(markdown, List.of());
    }

    /** The clerk's refusal: nothing was recorded, and {@code markdown} says why. */
    public static Reply refusal(String markdown) {
        return new Reply(markdown, List.of(), true);
    }

    public boolean isEmpty() {
        return markdown.isBlank() && cards.isEmpty();
    }
}
