package io.boardclerk.core.clerk;

import java.util.List;

/**
 * What the bot says back: Teams markdown in which every piece of user text has been escaped, and any cards, each
 * sent as its own message after the text.
 */
public record Reply(String markdown, List<Card> cards) {

    public Reply {
        markdown = markdown == null ? "" : markdown;
        cards = List.copyOf(cards);
    }

    public Reply(String markdown) {
        this(markdown, List.of());
    }

    public boolean isEmpty() {
        return markdown.isBlank() && cards.isEmpty();
    }
}
