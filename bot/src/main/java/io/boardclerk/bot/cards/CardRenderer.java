package io.boardclerk.bot.cards;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.core.clerk.Card;

import java.util.Optional;

/** The one place a core {@link Card} becomes an Adaptive Card. */
public final class CardRenderer {

    private CardRenderer() {
    }

    /**
     * The Adaptive Card for {@code card}; empty for a {@link Card.Download}, whose signed link the documents
     * package makes and renders. A minutes summary is rendered without its download button: the documents package
     * attaches that with {@link MinutesCard#withDownloadLink} once it signs the link for {@code minutes.download()}.
     */
    public static Optional<ObjectNode> render(Card card) {
        if (card instanceof Card.ActionLog log) {
            return Optional.of(ActionLogCard.render(log));
        }
        if (card instanceof Card.ActionReview review) {
            return Optional.of(ActionReviewCard.render(review));
        }
        if (card instanceof Card.Reminder reminder) {
            return Optional.of(ReminderCard.render(reminder));
        }
        if (card instanceof Card.Question question) {
            return Optional.of(QuestionCard.render(question));
        }
        if (card instanceof Card.Settled settled) {
            return Optional.of(QuestionCard.render(settled));
        }
        if (card instanceof Card.Minutes minutes) {
            return Optional.of(MinutesCard.render(minutes));
        }
        return Optional.empty();
    }
}
