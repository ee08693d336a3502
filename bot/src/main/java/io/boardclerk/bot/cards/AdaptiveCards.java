package io.boardclerk.bot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The few Adaptive Card elements BoardClerk uses, as Jackson trees. Text passed to {@link #text} and {@link #fact}
 * is markdown already: callers escape user strings with {@link CardText}.
 */
public final class AdaptiveCards {

    public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    public static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
    /** Universal Actions ({@code Action.Execute}, {@code refresh}) need 1.5 in Teams. */
    public static final String VERSION = "1.5";

    static final ObjectMapper JSON = new ObjectMapper();

    private AdaptiveCards() {
    }

    /** An empty card: schema, type, version, full width in Teams, and an empty body. */
    public static ObjectNode card() {
        ObjectNode card = JSON.createObjectNode();
        card.put("$schema", SCHEMA).put("type", "AdaptiveCard").put("version", VERSION);
        card.putObject("msteams").put("width", "Full");
        card.putArray("body");
        return card;
    }

    public static ArrayNode body(ObjectNode card) {
        return (ArrayNode) card.get("body");
    }

    public static ArrayNode actions(ObjectNode card) {
        return card.has("actions") ? (ArrayNode) card.get("actions") : card.putArray("actions");
    }

    /** A wrapping TextBlock of markdown. */
    public static ObjectNode text(String markdown) {
        ObjectNode block = JSON.createObjectNode();
        block.put("type", "TextBlock").put("text", markdown).put("wrap", true);
        return block;
    }

    public static ObjectNode heading(String markdown, String size) {
        return text(markdown).put("weight", "Bolder").put("size", size);
    }

    public static ObjectNode factSet() {
        ObjectNode set = JSON.createObjectNode();
        set.put("type", "FactSet");
        set.putArray("facts");
        return set;
    }

    public static ObjectNode fact(ObjectNode factSet, String title, String markdown) {
        ((ArrayNode) factSet.get("facts")).addObject().put("title", title).put("value", markdown);
        return factSet;
    }

    public static ObjectNode container() {
        ObjectNode container = JSON.createObjectNode();
        container.put("type", "Container");
        container.putArray("items");
        return container;
    }

    public static ArrayNode items(ObjectNode container) {
        return (ArrayNode) container.get("items");
    }

    /** An {@code Action.Execute} with its verb and data (data fields are added by the caller). */
    public static ObjectNode execute(String title, String verb) {
        ObjectNode action = JSON.createObjectNode();
        action.put("type", "Action.Execute").put("title", title).put("verb", verb);
        action.putObject("data");
        return action;
    }

    public static ObjectNode data(ObjectNode action) {
        return (ObjectNode) action.get("data");
    }

    /** The size of a node as it goes over the wire, in UTF-8 bytes. */
    public static int bytes(JsonNode node) {
        // Counted as written, never held: paging a long action log measures every row.
        Counter counter = new Counter();
        try {
            JSON.writeValue(counter, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counter.count;
    }

    /** An output stream that only counts what is written to it. */
    private static final class Counter extends OutputStream {
        int count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /** A button that opens {@code input} with its {@code submit} button under it (Action.ShowCard). */
    static ObjectNode showCard(String title, ObjectNode input, ObjectNode submit) {
        ObjectNode inner = JSON.createObjectNode();
        inner.put("type", "AdaptiveCard");
        inner.putArray("body").add(input);
        inner.putArray("actions").add(submit);
        ObjectNode show = JSON.createObjectNode();
        show.put("type", "Action.ShowCard").put("title", title);
        show.set("card", inner);
        return show;
    }
}
