package io.boardclerk.bot.documents;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.cards.CardText;
import io.boardclerk.core.clerk.Card;

import java.net.URI;
import java.time.Instant;

/**
 * A download link as an Adaptive Card (schema 1.5, as Teams supports it): the title, what the file is, when the link
 * stops working, and a Download button that opens it.
 * <p>
 * The expiry is written with the card's own {@code {{DATE()}}} and {@code {{TIME()}}} functions, so that each
 * reader's Teams shows it in their own time zone and language.
 */
public final class DownloadCard {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DownloadCard() {
    }

    /** The card for a link made by {@link DownloadLinks#mint}; the link's token says when it expires. */
    public static ObjectNode render(Card.Download download, URI link) {
        ObjectNode card = JSON.objectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("version", "1.5");
        ArrayNode body = card.putArray("body");
        body.addObject().put("type", "TextBlock").put("text", escape(download.title())).put("weight", "Bolder")
                .put("size", "Medium").put("wrap", true);
        body.addObject().put("type", "TextBlock").put("text", describe(download.document())).put("wrap", true)
                .put("spacing", "Small");
        body.addObject().put("type", "TextBlock").put("text", expiry(DownloadLinks.expiryOf(link).orElse(null)))
                .put("wrap", true).put("isSubtle", true).put("spacing", "Small");
        card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", "Download")
                .put("url", link.toString());
        return card;
    }

    static String describe(Card.Document document) {
        return switch (document) {
            case ACTION_LOG_CSV -> "The action log as CSV, for Excel or any spreadsheet.";
            case ACTION_LOG_DOCX -> "The action log as a Word document.";
            case MINUTES_DOCX -> "The minutes draft as a Word document.";
            case EXPORT_JSON -> "Everything recorded for this board, as JSON.";
        };
    }

    static String expiry(Instant expiresAt) {
        if (expiresAt == null) {
            return "The link works for a limited time; after that, ask BoardClerk for a fresh one.";
        }
        String at = expiresAt.toString();
        return "The link works until {{TIME(" + at + ")}} on {{DATE(" + at + ", LONG)}}; after that, ask BoardClerk "
                + "for a fresh one. Anyone with the link can download the file, so share it only with the board.";
    }

    /** User text made literal for a TextBlock: the one escaping for cards, {@link CardText#esc}. */
    public static String escape(String text) {
        return CardText.esc(text);
    }
}
