package io.boardclerk.core.clerk;

import java.util.List;

/**
 * What the bot says back: Teams markdown in which every piece of user text has been escaped, and any cards, each
 * sent as its own message after the text; then the effects, what is to be done once the turn is committed (each
 * says in one line what came of it). {@code refused} when the clerk refused what the message asked and recorded
 * nothing (the markdown says why), for the metrics.
 */
public record Reply(String markdown, List<Card> cards, List<Effect> effects, boolean refused) {

    public Reply {
        markdown = markdown == null ? "" : markdown;
        cards = List.copyOf(cards);
        effects = List.copyOf(effects);
    }

    public Reply(String markdown, List<Card> cards, List<Effect> effects) {
        this(markdown, cards, effects, false);
    }

    public Reply(String markdown, List<Card> cards) {
        this(markdown, cards, List.of());
    }

    public Reply(String markdown) {
        this(markdown, List.of());
    }

    /** The clerk's refusal: nothing was recorded, and {@code markdown} says why. */
    public static Reply refusal(String markdown) {
        return new Reply(markdown, List.of(), List.of(), true);
    }

    /** The same reply without its effects: what is shown, nothing done. */
    public Reply shownOnly() {
        return effects.isEmpty() ? this : new Reply(markdown, cards, List.of(), refused);
    }

    public boolean isEmpty() {
        return markdown.isBlank() && cards.isEmpty() && effects.isEmpty();
    }
}
