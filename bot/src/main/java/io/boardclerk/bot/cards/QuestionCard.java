package io.boardclerk.bot.cards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.core.clerk.Card;

import static io.boardclerk.bot.cards.AdaptiveCards.body;
import static io.boardclerk.bot.cards.AdaptiveCards.text;
import static io.boardclerk.bot.cards.CardText.escShort;
import static io.boardclerk.bot.cards.CardText.shorten;

/**
 * A question BoardClerk asks instead of guessing: the reading in words, and one {@code Action.Execute} button per
 * choice. Each button carries the typed command it stands for ({@link Card.Verbs#SAY}) and the board, so a press is
 * handled exactly as that command typed by the presser, with their roles.
 */
public final class QuestionCard {

    static final int MAX_QUESTION = 1_500;
    static final int MAX_LABEL = 60;

    private QuestionCard() {
    }

    public static ObjectNode render(Card.Question question) {
        ObjectNode card = AdaptiveCards.card();
        ArrayNode body = body(card);
        body.add(text(escShort(question.question(), MAX_QUESTION)));
        ArrayNode actions = AdaptiveCards.actions(card);
        for (Card.Question.Choice choice : question.choices()) {
            // Button titles are plain text in Adaptive Cards: shortened, not escaped.
            ObjectNode action = AdaptiveCards.execute(shorten(choice.label(), MAX_LABEL), Card.Verbs.SAY);
            // The command goes as it is: a shortened command would be another command.
            AdaptiveCards.data(action).put(Card.Verbs.SAY_TEXT, choice.say()).put(Card.Verbs.BOARD,
                    question.boardId());
            actions.add(action);
        }
        return card;
    }

    /** A question once answered: what came of it, and no buttons. */
    public static ObjectNode render(Card.Settled settled) {
        ObjectNode card = AdaptiveCards.card();
        body(card).add(text(escShort(settled.outcome(), MAX_QUESTION)).put("isSubtle", true));
        return card;
    }
}
