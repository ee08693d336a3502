package io.boardclerk.bot.cards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.core.clerk.Card;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.ActionUpdate;
import io.boardclerk.core.view.ActionRow;

import static io.boardclerk.bot.cards.AdaptiveCards.body;
import static io.boardclerk.bot.cards.AdaptiveCards.fact;
import static io.boardclerk.bot.cards.AdaptiveCards.heading;
import static io.boardclerk.bot.cards.AdaptiveCards.text;
import static io.boardclerk.bot.cards.CardText.esc;
import static io.boardclerk.bot.cards.CardText.escShort;

/**
 * One action under review in the meeting ("matters arising"): its number, item, text, owner, target, latest update
 * and status, what was last done from the card, and the buttons Post update, Done, Keep open and New target. Every
 * button is an {@code Action.Execute} carrying the action's number and the version the card shows, so a press on a
 * stale card is recognised. Once the action is closed ({@code live} false) the card shows its final state and no
 * buttons.
 */
public final class ActionReviewCard {

    /** The action's text and latest update are shown whole up to this, then shortened step by step to fit. */
    private static final int[] TEXT_CAPS = {3_000, 1_200, 400};
    static final int MAX_FIELD = 300;
    static final int MAX_INPUT = 2_000;

    private ActionReviewCard() {
    }

    /** The card, its long texts shortened as far as needed to keep it within {@link ActionLogCard#BUDGET_BYTES}. */
    public static ObjectNode render(Card.ActionReview review) {
        ObjectNode card = null;
        for (int cap : TEXT_CAPS) {
            card = render(review, cap);
            if (AdaptiveCards.bytes(card) <= ActionLogCard.BUDGET_BYTES) {
                break;
            }
        }
        return card;
    }

    private static ObjectNode render(Card.ActionReview review, int maxText) {
        ActionRow row = review.action();
        ObjectNode card = AdaptiveCards.card();
        ArrayNode body = body(card);
        StringBuilder title = new StringBuilder("Action ").append(esc(row.displayNumber()));
        if (row.agendaItem() != null && !row.agendaItem().isBlank()) {
            title.append(" · Item ").append(escShort(row.agendaItem(), 40));
        }
        body.add(heading(title.toString(), "Medium"));
        StringBuilder subtitle = new StringBuilder(escShort(review.boardName(), MAX_FIELD));
        if (row.raisedOn() != null) {
            subtitle.append(subtitle.length() == 0 ? "" : " · ").append("raised ")
                    .append(CardText.date(row.raisedOn()));
        }
        body.add(text(subtitle.toString()).put("isSubtle", true).put("spacing", "None"));
        body.add(text(escShort(row.text(), maxText)));

        ActionUpdate latest = row.latestUpdate();
        ObjectNode facts = AdaptiveCards.factSet();
        fact(facts, "Owner", row.owners() == null || row.owners().isBlank() ? "not set"
                : escShort(row.owners(), MAX_FIELD));
        fact(facts, "Target", escShort(row.target(), MAX_FIELD));
        fact(facts, "Latest update", latest == null ? "none yet" : CardText.date(latest.date()) + ": "
                + escShort(latest.text(), maxText) + (latest.by() == null ? "" : " (" + escShort(latest.by(),
                MAX_FIELD) + ")"));
        fact(facts, "Status", status(row.status()));
        body.add(facts);
        if (review.outcome() != null && !review.outcome().isBlank()) {
            body.add(text("**" + escShort(review.outcome(), MAX_FIELD) + "**").put("separator", true));
        }

        if (review.live()) {
            card.set("refresh", refresh(row, review.boardId()));
            ArrayNode actions = AdaptiveCards.actions(card);
            actions.add(AdaptiveCards.showCard("Post update", input(Card.Verbs.TEXT, "What has happened since the last update?",
                    true), execute("Post update", Card.Verbs.UPDATE, row, review.boardId())));
            actions.add(execute("Done", Card.Verbs.DONE, row, review.boardId()));
            actions.add(execute("Keep open", Card.Verbs.KEEP_OPEN, row, review.boardId()));
            actions.add(AdaptiveCards.showCard("New target", input(Card.Verbs.TARGET, "26/05/2026 or the next Board", false),
                    execute("Set target", Card.Verbs.NEW_TARGET, row, review.boardId())));
        } else {
            body.add(text("This action is closed; the card no longer takes updates.").put("isSubtle", true));
        }
        return card;
    }

    /**
     * Teams asks the bot for the current card whenever someone views this one, so a press by one member shows for
     * everyone. {@code userIds} is left out on purpose: Teams then refreshes automatically for every member of a chat
     * or channel of up to 60 people, which covers a board; listing ids would limit the refresh to those listed (at
     * most 60), an empty list would turn automatic refresh off, and the card's renderer does not know the members.
     * In a larger channel Teams offers "Refresh card" in the message's menu instead.
     */
    private static ObjectNode refresh(ActionRow row, long boardId) {
        ObjectNode refresh = AdaptiveCards.JSON.createObjectNode();
        ObjectNode action = AdaptiveCards.execute("Refresh", Card.Verbs.REFRESH);
        AdaptiveCards.data(action).put(Card.Verbs.NUMBER, row.number()).put(Card.Verbs.BOARD, boardId);
        refresh.set("action", action);
        return refresh;
    }

    private static ObjectNode execute(String title, String verb, ActionRow row, long boardId) {
        ObjectNode action = AdaptiveCards.execute(title, verb);
        AdaptiveCards.data(action).put(Card.Verbs.NUMBER, row.number()).put(Card.Verbs.VERSION, row.version())
                .put(Card.Verbs.BOARD, boardId);
        return action;
    }

    private static ObjectNode input(String id, String placeholder, boolean multiline) {
        ObjectNode input = AdaptiveCards.JSON.createObjectNode();
        input.put("type", "Input.Text").put("id", id).put("placeholder", placeholder)
                .put("isMultiline", multiline).put("maxLength", multiline ? MAX_INPUT : 200)
                .put("isRequired", true).put("errorMessage", "Please fill this in first.");
        return input;
    }

    static String status(ActionStatus status) {
        if (status == null) {
            return "open";
        }
        return status == ActionStatus.COMPLETE ? "complete, awaiting the board's closure" : status.word();
    }
}
