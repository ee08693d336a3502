package io.boardclerk.bot.cards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.core.clerk.Card;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.ActionUpdate;
import io.boardclerk.core.reminder.ReminderMessage;
import io.boardclerk.core.view.ActionRow;

import java.util.List;

import static io.boardclerk.bot.cards.AdaptiveCards.body;
import static io.boardclerk.bot.cards.AdaptiveCards.fact;
import static io.boardclerk.bot.cards.AdaptiveCards.heading;
import static io.boardclerk.bot.cards.AdaptiveCards.items;
import static io.boardclerk.bot.cards.AdaptiveCards.text;
import static io.boardclerk.bot.cards.CardText.esc;
import static io.boardclerk.bot.cards.CardText.escShort;

/**
 * A reminder in an owner's personal chat with the bot: the board, the headline in words, and each action it is about
 * (number, text shortened with the full text one tap away, owners, target, status in words, latest update) with its
 * own buttons: Post update, Done, Need more time and Snooze. Every button is an {@code Action.Execute} carrying the
 * board (a personal chat belongs to no board), the action's number and the version the card shows.
 *
 * <p>Each action's inputs are named after the verb's field and the action's number ({@code text-12}), so that a digest
 * of several actions has no two inputs with the same id; {@code CardInvoke} reads them back as the verb's field. A
 * digest too long for one Teams message stops at {@link ActionLogCard#BUDGET_BYTES} and says how many actions it
 * left out and how to see them all.
 */
public final class ReminderCard {

    /** The action text as each row shows it; the full text is one tap away. */
    static final int SHORT_TEXT = 200;
    static final int SHORT_UPDATE = 160;
    static final int FULL_TEXT = 2_000;
    static final int MAX_FIELD = 300;
    static final int MAX_INPUT = 2_000;
    /** Working days a reminder can be snoozed for, as the core accepts them. */
    static final List<Integer> SNOOZE_DAYS = List.of(1, 2, 5);

    private ReminderCard() {
    }

    public static ObjectNode render(Card.Reminder reminder) {
        ReminderMessage message = reminder.message();
        ObjectNode card = AdaptiveCards.card();
        ArrayNode body = body(card);
        body.add(heading(escShort(message.boardName(), MAX_FIELD), "Medium"));
        body.add(text(escShort(message.headline(), 600)).put("spacing", "Small"));
        if (message.meetingDate() != null) {
            body.add(text("Board meeting on " + CardText.date(message.meetingDate())).put("isSubtle", true)
                    .put("spacing", "None"));
        }
        if (reminder.outcome() != null && !reminder.outcome().isBlank()) {
            body.add(text("**" + escShort(reminder.outcome(), MAX_FIELD) + "**"));
        }
        ObjectNode ending = text(reminder.live() ? "" : "None of these actions is open any more, so the card takes no"
                + " more presses.").put("isSubtle", true).put("separator", true);
        int frame = AdaptiveCards.bytes(card) + AdaptiveCards.bytes(ending) + 400;
        int used = frame;
        int shown = 0;
        for (ActionRow row : message.actions()) {
            ObjectNode container = row(message.boardId(), row, shown, reminder.live());
            int size = AdaptiveCards.bytes(container);
            if (used + size > ActionLogCard.BUDGET_BYTES && shown > 0) {
                break;
            }
            body.add(container);
            used += size;
            shown++;
        }
        int left = message.actions().size() - shown;
        if (left > 0) {
            body.add(text("…and " + left + (left == 1 ? " more action" : " more actions") + " not shown here, to "
                    + "keep this message within Teams' size. Type **my actions** in this chat to see them all.")
                    .put("separator", true));
        }
        if (!reminder.live()) {
            body.add(ending);
        }
        return card;
    }

    private static ObjectNode row(long boardId, ActionRow row, int index, boolean live) {
        ObjectNode container = AdaptiveCards.container().put("separator", true).put("spacing", "Medium");
        ArrayNode items = items(container);
        StringBuilder title = new StringBuilder("**Action ").append(esc(row.displayNumber())).append("**");
        if (row.agendaItem() != null && !row.agendaItem().isBlank()) {
            title.append(" · Item ").append(escShort(row.agendaItem(), 40));
        }
        items.add(text(title.toString()));

        ActionUpdate latest = row.latestUpdate();
        boolean longText = CardText.isLonger(row.text(), SHORT_TEXT);
        boolean longUpdate = latest != null && CardText.isLonger(latest.text(), SHORT_UPDATE);
        String shortId = "a" + index + "s";
        String fullId = "a" + index + "f";
        ObjectNode shortText = text(escShort(row.text(), SHORT_TEXT)).put("spacing", "Small");
        if (longText || longUpdate) {
            shortText.put("id", shortId);
        }
        items.add(shortText);
        if (longText || longUpdate) {
            ObjectNode full = AdaptiveCards.container().put("id", fullId).put("isVisible", false)
                    .put("spacing", "Small");
            items(full).add(text(escShort(row.text(), FULL_TEXT)));
            if (longUpdate) {
                items(full).add(text("Latest update, " + CardText.date(latest.date()) + ": "
                        + escShort(latest.text(), FULL_TEXT)));
            }
            items.add(full);
        }

        ObjectNode facts = AdaptiveCards.factSet().put("spacing", "Small");
        fact(facts, "Owner", row.owners() == null || row.owners().isBlank() ? "not set"
                : escShort(row.owners(), MAX_FIELD));
        fact(facts, "Target", row.target() == null || row.target().isBlank() ? "not set"
                : escShort(row.target(), MAX_FIELD));
        fact(facts, "Status", ActionReviewCard.status(row.status()));
        fact(facts, "Latest update", latest == null ? "none yet" : CardText.date(latest.date()) + ": "
                + escShort(latest.text(), SHORT_UPDATE) + (latest.by() == null ? "" : " (" + escShort(latest.by(),
                60) + ")"));
        items.add(facts);

        ObjectNode set = AdaptiveCards.JSON.createObjectNode().put("type", "ActionSet");
        ArrayNode actions = set.putArray("actions");
        if (longText || longUpdate) {
            ObjectNode toggle = AdaptiveCards.JSON.createObjectNode();
            toggle.put("type", "Action.ToggleVisibility").put("title", "Show or hide the full text");
            toggle.putArray("targetElements").add(shortId).add(fullId);
            actions.add(toggle);
        }
        if (live && open(row.status())) {
            actions.add(AdaptiveCards.showCard("Post update", textInput(inputId(Card.Verbs.TEXT, row),
                    "What has happened since the last update?", true, MAX_INPUT),
                    execute("Post update", Card.Verbs.UPDATE, row, boardId, true)));
            actions.add(execute("Done", Card.Verbs.DONE, row, boardId, true));
            actions.add(AdaptiveCards.showCard("Need more time", textInput(inputId(Card.Verbs.TARGET, row),
                    "The new target you propose: 26/05/2027 or the next Board", false, 200),
                    execute("Ask the chair", Card.Verbs.MORE_TIME, row, boardId, true)));
            actions.add(AdaptiveCards.showCard("Snooze", snoozeChoice(inputId(Card.Verbs.DAYS, row)),
                    execute("Remind me then", Card.Verbs.SNOOZE, row, boardId, false)));
        }
        if (!actions.isEmpty()) {
            items.add(set);
        }
        return container;
    }

    /** The id an input of this row carries: the verb's field and the action's number. */
    public static String inputId(String field, ActionRow row) {
        return field + "-" + row.number();
    }

    private static boolean open(ActionStatus status) {
        return status == null || status == ActionStatus.OPEN || status == ActionStatus.ONGOING;
    }

    private static ObjectNode execute(String title, String verb, ActionRow row, long boardId, boolean version) {
        ObjectNode action = AdaptiveCards.execute(title, verb);
        ObjectNode data = AdaptiveCards.data(action).put(Card.Verbs.BOARD, boardId)
                .put(Card.Verbs.NUMBER, row.number());
        if (version) {
            data.put(Card.Verbs.VERSION, row.version());
        }
        return action;
    }

    private static ObjectNode textInput(String id, String placeholder, boolean multiline, int maxLength) {
        ObjectNode input = AdaptiveCards.JSON.createObjectNode();
        input.put("type", "Input.Text").put("id", id).put("placeholder", placeholder)
                .put("isMultiline", multiline).put("maxLength", maxLength)
                .put("isRequired", true).put("errorMessage", "Please fill this in first.");
        return input;
    }

    private static ObjectNode snoozeChoice(String id) {
        ObjectNode input = AdaptiveCards.JSON.createObjectNode();
        input.put("type", "Input.ChoiceSet").put("id", id).put("style", "expanded")
                .put("label", "Remind me again in").put("value", String.valueOf(SNOOZE_DAYS.get(0)))
                .put("isRequired", true).put("errorMessage", "Choose when to be reminded.");
        ArrayNode choices = input.putArray("choices");
        for (int days : SNOOZE_DAYS) {
            choices.addObject().put("title", days == 1 ? "1 working day" : days + " working days")
                    .put("value", String.valueOf(days));
        }
        return input;
    }
}
