package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import io.boardclerk.core.clerk.Card;
import io.boardclerk.core.clerk.CardTurn;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A press on one of BoardClerk's cards, as Teams sends it: an {@code invoke} named {@code adaptiveCard/action} whose
 * value holds the {@code Action.Execute} (verb and data, the card's inputs merged into the data). Checked here, before
 * the clerk sees it: the value must be an object with an action, a verb BoardClerk's cards carry, data that is an
 * object of plain values, numbers where numbers belong, and each verb's own fields.
 */
final class CardInvoke {

    static final String NAME = "adaptiveCard/action";

    /** The fields each verb must carry; the inputs (text, target) must also not be blank. */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            Card.Verbs.UPDATE, List.of(Card.Verbs.NUMBER, Card.Verbs.VERSION, Card.Verbs.TEXT),
            Card.Verbs.DONE, List.of(Card.Verbs.NUMBER, Card.Verbs.VERSION),
            Card.Verbs.KEEP_OPEN, List.of(Card.Verbs.NUMBER, Card.Verbs.VERSION),
            Card.Verbs.NEW_TARGET, List.of(Card.Verbs.NUMBER, Card.Verbs.VERSION, Card.Verbs.TARGET),
            Card.Verbs.REFRESH, List.of(Card.Verbs.NUMBER),
            Card.Verbs.MORE_TIME, List.of(Card.Verbs.BOARD, Card.Verbs.NUMBER, Card.Verbs.VERSION, Card.Verbs.TARGET),
            Card.Verbs.SNOOZE, List.of(Card.Verbs.BOARD, Card.Verbs.NUMBER, Card.Verbs.DAYS),
            Card.Verbs.MORE, List.of(Card.Verbs.PAGE),
            // A question's choice: its board; the command it stands for may be empty (the choice drops it).
            Card.Verbs.SAY, List.of(Card.Verbs.BOARD));
    private static final Set<String> NUMERIC = Set.of(Card.Verbs.NUMBER, Card.Verbs.VERSION, Card.Verbs.PAGE,
            Card.Verbs.BOARD, Card.Verbs.DAYS);
    /** The inputs a reminder card names after the action they belong to ({@code text-12}): read as the field. */
    private static final Pattern NUMBERED_INPUT = Pattern.compile("(text|target|days)-(\\d{1,9})");
    /** The working days a reminder can be snoozed for. */
    private static final Set<String> SNOOZE_DAYS = Set.of("1", "2", "5");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,9}");
    /** Far above the card's own input limits; anything longer did not come from BoardClerk's card. */
    private static final int MAX_VALUE_CHARS = 8_000;

    /** Either the turn for the clerk, or why the press was refused (in words for the presser). */
    record Parsed(CardTurn turn, String problem) {
        static Parsed refused(String problem) {
            return new Parsed(null, problem);
        }
    }

    private CardInvoke() {
    }

    static Parsed parse(Activity activity, Instant receivedAt) {
        JsonNode value = ActivityTranslator.value(activity);
        if (value == null || !value.isObject()) {
            return Parsed.refused("This card press carried no action.");
        }
        JsonNode action = value.get("action");
        if (action == null || !action.isObject()) {
            return Parsed.refused("This card press carried no action.");
        }
        JsonNode verbNode = action.get("verb");
        if (verbNode == null || !verbNode.isTextual() || !REQUIRED.containsKey(verbNode.asText())) {
            return Parsed.refused("This button is not one of BoardClerk's.");
        }
        String verb = verbNode.asText();
        JsonNode dataNode = action.get("data");
        if (dataNode != null && !dataNode.isNull() && !dataNode.isObject()) {
            return Parsed.refused("This card's data is not what BoardClerk sent.");
        }
        Map<String, String> data = new HashMap<>();
        if (dataNode != null && dataNode.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = dataNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode v = field.getValue();
                if (v.isNull()) {
                    continue;
                }
                if (!v.isValueNode() || v.isBinary()) {
                    return Parsed.refused("This card's data is not what BoardClerk sent.");
                }
                String text = v.asText();
                if (text.length() > MAX_VALUE_CHARS) {
                    return Parsed.refused("That is too long for one card; please shorten it.");
                }
                if (NUMERIC.contains(field.getKey()) && !wholeNumber(v)) {
                    return Parsed.refused("This card's data is not what BoardClerk sent.");
                }
                data.put(field.getKey(), text);
            }
        }
        if (!numberedInputs(data)) {
            return Parsed.refused("This card's data is not what BoardClerk sent.");
        }
        for (String field : REQUIRED.get(verb)) {
            String v = data.get(field);
            if (v == null || v.isBlank()) {
                return Parsed.refused(field.equals(Card.Verbs.TEXT) ? "Write the update before pressing Post update."
                        : field.equals(Card.Verbs.TARGET) ? "Give the new target before pressing "
                        + (verb.equals(Card.Verbs.MORE_TIME) ? "Ask the chair." : "Set target.")
                        : field.equals(Card.Verbs.DAYS) ? "Choose 1, 2 or 5 working days before pressing Remind me then."
                        : "This card's data is not what BoardClerk sent.");
            }
        }
        if (verb.equals(Card.Verbs.SNOOZE) && !SNOOZE_DAYS.contains(data.get(Card.Verbs.DAYS))) {
            return Parsed.refused("A reminder can be snoozed for 1, 2 or 5 working days.");
        }
        return new Parsed(new CardTurn(ActivityTranslator.conversation(activity), ActivityTranslator.sender(activity),
                verb, data, activity.getId(), receivedAt), null);
    }

    /**
     * Reads a reminder card's numbered inputs ({@code text-12}) as the verb's own field, when the number is the
     * action the button is for; an input numbered for another action is dropped. False when the numbered input
     * and a plain one disagree.
     */
    private static boolean numberedInputs(Map<String, String> data) {
        String number = data.get(Card.Verbs.NUMBER);
        Map<String, String> found = new HashMap<>();
        for (Iterator<Map.Entry<String, String>> it = data.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, String> entry = it.next();
            Matcher m = NUMBERED_INPUT.matcher(entry.getKey());
            if (m.matches()) {
                it.remove();
                if (m.group(2).equals(number)) {
                    found.put(m.group(1), entry.getValue());
                }
            }
        }
        for (Map.Entry<String, String> entry : found.entrySet()) {
            String plain = data.get(entry.getKey());
            if (plain != null && !plain.equals(entry.getValue())) {
                return false;
            }
            if (entry.getKey().equals(Card.Verbs.DAYS) && !WHOLE_NUMBER.matcher(entry.getValue()).matches()) {
                return false;
            }
            data.put(entry.getKey(), entry.getValue());
        }
        return true;
    }

    private static boolean wholeNumber(JsonNode v) {
        return (v.isIntegralNumber() || v.isTextual()) && WHOLE_NUMBER.matcher(v.asText()).matches();
    }
}
