package io.boardclerk.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.cards.AdaptiveCards;
import io.boardclerk.bot.cards.CardRenderer;
import io.boardclerk.bot.cards.CardText;
import io.boardclerk.core.clerk.CardOutcome;

import java.util.Optional;

/**
 * The bodies of Universal Actions invoke responses. The HTTP status is always 200 once BoardClerk has looked at the
 * press; the body's own {@code statusCode} says how it went, as the Universal Actions response format requires: a card
 * to show in place of the one pressed, a message for the presser, or an error whose message the card shows.
 */
final class InvokeResponses {

    static final String CARD = AdaptiveCards.CONTENT_TYPE;
    static final String MESSAGE = "application/vnd.microsoft.activity.message";
    static final String ERROR = "application/vnd.microsoft.error";

    private InvokeResponses() {
    }

    static ObjectNode of(CardOutcome outcome) {
        Optional<ObjectNode> card = outcome.card() == null ? Optional.empty() : CardRenderer.render(outcome.card());
        String message = outcome.message() == null ? "" : CardText.plain(outcome.message());
        if (card.isPresent()) {
            if (!message.isEmpty()) {
                // Only the presser receives this response; Teams' refresh shows everyone else the card alone.
                ObjectNode banner = AdaptiveCards.text((outcome.error() ? "⚠ " : "")
                        + CardText.escShort(message, 600)).put("weight", "Bolder");
                if (outcome.error()) {
                    banner.put("color", "Attention");
                }
                AdaptiveCards.body(card.get()).insert(0, banner);
            }
            return card(card.get());
        }
        if (outcome.error()) {
            return badRequest(message.isEmpty() ? "That could not be done." : message);
        }
        return message(message.isEmpty() ? "Done." : message);
    }

    static ObjectNode card(ObjectNode card) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("statusCode", 200).put("type", CARD);
        body.set("value", card);
        return body;
    }

    static ObjectNode message(String text) {
        return Json.MAPPER.createObjectNode().put("statusCode", 200).put("type", MESSAGE).put("value", text);
    }

    static ObjectNode badRequest(String message) {
        return error(400, "BadRequest", message);
    }

    static ObjectNode error(int status, String code, String message) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("statusCode", status).put("type", ERROR);
        body.putObject("value").put("code", code).put("message", message);
        return body;
    }
}
