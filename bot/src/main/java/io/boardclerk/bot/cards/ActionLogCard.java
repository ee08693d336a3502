package io.boardclerk.bot.cards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.core.clerk.Card;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.ActionUpdate;
import io.boardclerk.core.view.ActionLogView;
import io.boardclerk.core.view.ActionRow;

import java.util.ArrayList;
import java.util.List;

import static io.boardclerk.bot.cards.AdaptiveCards.body;
import static io.boardclerk.bot.cards.AdaptiveCards.bytes;
import static io.boardclerk.bot.cards.AdaptiveCards.fact;
import static io.boardclerk.bot.cards.AdaptiveCards.heading;
import static io.boardclerk.bot.cards.AdaptiveCards.items;
import static io.boardclerk.bot.cards.AdaptiveCards.text;
import static io.boardclerk.bot.cards.CardText.esc;
import static io.boardclerk.bot.cards.CardText.escShort;

/**
 * The chair's summary of the action log as an Adaptive Card: title, counts, then the sections, one container per
 * action. Teams refuses a message over about 28 KB, so the rows are paged: each page is measured in serialized
 * bytes and kept within {@link #BUDGET_BYTES}, leaving room for the activity around it, and carries a <em>More</em>
 * button ({@code Action.Execute}, {@link Card.Verbs#MORE}) for the next. A single row too big for a page on its own
 * loses its full text a step at a time, so a log of any length always sends.
 */
public final class ActionLogCard {

    /** A card page's own serialized size at most; the activity around it adds about one kilobyte. */
    public static final int BUDGET_BYTES = 22_000;
    /** The action text as shown in the row; the full text is one tap away. */
    static final int SHORT_TEXT = 120;
    static final int SHORT_UPDATE = 160;
    static final int SHORT_FIELD = 200;
    /** The full text's length is tried at these caps in turn until a lone row fits a page; 0 drops it. */
    private static final int[] FULL_TEXT_CAPS = {4_000, 2_000, 800, 0};
    /** What page numbers, section headings' "(continued)" and the like may add beyond the measured estimate. */
    private static final int SLACK_BYTES = 600;

    private ActionLogCard() {
    }

    /** The card for {@code log.page()}; a page past the last shows the last. */
    public static ObjectNode render(Card.ActionLog log) {
        List<List<Slot>> pages = pages(log.view());
        int page = Math.max(0, Math.min(log.page(), pages.size() - 1));
        return page(log.view(), pages.get(page), page, pages.size());
    }

    /** How many pages the view takes. */
    public static int pageCount(ActionLogView view) {
        return pages(view).size();
    }

    /** One row in its place: which section, and its rendered node. */
    private record Slot(int section, boolean firstOfSection, ObjectNode node) {
    }

    private static List<List<Slot>> pages(ActionLogView view) {
        int frame = bytes(page(view, List.of(), 998, 999)) + SLACK_BYTES;
        int room = BUDGET_BYTES - frame;
        List<List<Slot>> pages = new ArrayList<>();
        List<Slot> current = new ArrayList<>();
        int used = 0;
        int index = 0;
        for (int s = 0; s < view.sections().size(); s++) {
            ActionLogView.Section section = view.sections().get(s);
            int headingBytes = bytes(sectionHeading(view, section, true)) + 1;
            for (int r = 0; r < section.rows().size(); r++) {
                Fit fit = fitting(view, section, section.rows().get(r), index++, room - headingBytes);
                ObjectNode node = fit.node();
                int cost = fit.bytes() + 1;
                boolean opensSection = current.isEmpty() || current.get(current.size() - 1).section() != s;
                if (!current.isEmpty() && used + cost + (opensSection ? headingBytes : 0) > room) {
                    pages.add(current);
                    current = new ArrayList<>();
                    used = 0;
                    opensSection = true;
                }
                used += cost + (opensSection ? headingBytes : 0);
                current.add(new Slot(s, r == 0, node));
            }
        }
        if (!current.isEmpty() || pages.isEmpty()) {
            pages.add(current);
        }
        return pages;
    }

    /** A row's node and its serialized size, measured once. */
    private record Fit(ObjectNode node, int bytes) {
    }

    /** The row, with as much of its full text as lets it fit a page alone. */
    private static Fit fitting(ActionLogView view, ActionLogView.Section section, ActionRow row, int index,
                               int room) {
        Fit fit = null;
        for (int cap : FULL_TEXT_CAPS) {
            ObjectNode node = row(view, section, row, index, cap);
            fit = new Fit(node, bytes(node));
            if (fit.bytes() <= room) {
                return fit;
            }
        }
        return fit;
    }

    private static ObjectNode page(ActionLogView view, List<Slot> slots, int page, int pages) {
        ObjectNode card = AdaptiveCards.card();
        ArrayNode body = body(card);
        body.add(heading("Action log: " + escShort(view.boardName(), SHORT_FIELD), "Large"));
        StringBuilder subtitle = new StringBuilder("As of ").append(CardText.date(view.asOf()));
        if (view.filter() != null && !view.filter().isBlank()) {
            subtitle.append(" · Showing: ").append(escShort(view.filter(), SHORT_FIELD));
        }
        if (pages > 1) {
            subtitle.append(" · Page ").append(page + 1).append(" of ").append(pages);
        }
        body.add(text(subtitle.toString()).put("isSubtle", true).put("spacing", "None"));
        body.add(counts(view));
        if (view.rowCount() == 0) {
            body.add(text(view.filter() == null ? "There are no actions in the log yet."
                    : "No actions match this filter."));
        }
        int shownSection = -1;
        for (Slot slot : slots) {
            if (slot.section() != shownSection) {
                shownSection = slot.section();
                body.add(sectionHeading(view, view.sections().get(shownSection), slot.firstOfSection()));
            }
            body.add(slot.node());
        }
        if (page + 1 < pages) {
            ObjectNode more = AdaptiveCards.execute("More (page " + (page + 2) + " of " + pages + ")", Card.Verbs.MORE);
            AdaptiveCards.data(more).put(Card.Verbs.QUERY, view.query() == null ? "" : view.query())
                    .put(Card.Verbs.PAGE, page + 1);
            AdaptiveCards.actions(card).add(more);
        }
        if (page > 0) {
            ObjectNode back = AdaptiveCards.execute("Previous page", Card.Verbs.MORE);
            AdaptiveCards.data(back).put(Card.Verbs.QUERY, view.query() == null ? "" : view.query())
                    .put(Card.Verbs.PAGE, page - 1);
            AdaptiveCards.actions(card).add(back);
        }
        return card;
    }

    private static ObjectNode counts(ActionLogView view) {
        ActionLogView.Counts c = view.counts();
        ObjectNode facts = AdaptiveCards.factSet();
        fact(facts, "Open", String.valueOf(c.open()));
        fact(facts, "Overdue", c.overdue() == 0 ? "0" : c.overdue() + " ⚠");
        fact(facts, view.meeting() == null ? "Due at this meeting" : "Due at this meeting ("
                + escShort(view.meeting(), SHORT_FIELD) + ")", String.valueOf(c.dueThisMeeting()));
        fact(facts, "Complete, awaiting closure", String.valueOf(c.awaitingClosure()));
        fact(facts, "Closed since the last meeting", String.valueOf(c.closedSinceLastMeeting()));
        return facts;
    }

    private static ObjectNode sectionHeading(ActionLogView view, ActionLogView.Section section, boolean first) {
        String title = section.kind() == ActionLogView.Kind.BOARD && section.title() != null
                ? escShort(section.title(), SHORT_FIELD) : section.kind().title();
        if (section.kind() == ActionLogView.Kind.OVERDUE) {
            title = "⚠ " + title;
        }
        ObjectNode block = heading(title + " (" + section.rows().size() + ")" + (first ? "" : ", continued"),
                "Medium").put("separator", true).put("spacing", "Large");
        if (section.kind() == ActionLogView.Kind.OVERDUE) {
            block.put("color", "Attention");
        }
        return block;
    }

    private static ObjectNode row(ActionLogView view, ActionLogView.Section section, ActionRow row, int index,
                                  int fullCap) {
        ObjectNode container = AdaptiveCards.container().put("separator", true);
        ArrayNode items = items(container);
        StringBuilder title = new StringBuilder("**").append(esc(row.displayNumber())).append("**");
        if (row.agendaItem() != null && !row.agendaItem().isBlank()) {
            title.append(" · Item ").append(escShort(row.agendaItem(), 40));
        }
        if (row.raisedOn() != null) {
            title.append(" · raised ").append(CardText.date(row.raisedOn()));
        }
        items.add(text(title.toString()));

        ActionUpdate latest = row.latestUpdate();
        boolean longText = CardText.isLonger(row.text(), SHORT_TEXT);
        boolean longUpdate = latest != null && CardText.isLonger(latest.text(), SHORT_UPDATE);
        boolean expandable = fullCap > 0 && (longText || longUpdate);
        String shortId = "r" + index + "s";
        String fullId = "r" + index + "f";
        ObjectNode shortText = text(escShort(row.text(), SHORT_TEXT)).put("spacing", "Small");
        if (expandable) {
            shortText.put("id", shortId);
        }
        items.add(shortText);
        if (expandable) {
            ObjectNode full = AdaptiveCards.container().put("id", fullId).put("isVisible", false)
                    .put("spacing", "Small");
            items(full).add(text(escShort(row.text(), fullCap)));
            if (longUpdate) {
                items(full).add(text("Latest update, " + CardText.date(latest.date()) + ": "
                        + escShort(latest.text(), fullCap)));
            }
            items.add(full);
        }

        ObjectNode facts = AdaptiveCards.factSet().put("spacing", "Small");
        fact(facts, "Owner", row.owners() == null || row.owners().isBlank() ? "not set"
                : escShort(row.owners(), SHORT_FIELD));
        fact(facts, "Target", escShort(row.target(), SHORT_FIELD));
        fact(facts, "Latest update", latest == null ? "none yet" : CardText.date(latest.date()) + ": "
                + escShort(latest.text(), SHORT_UPDATE) + (latest.by() == null ? "" : " (" + escShort(latest.by(),
                60) + ")"));
        fact(facts, "Status", status(view, section, row));
        items.add(facts);

        if (expandable) {
            ObjectNode toggle = AdaptiveCards.JSON.createObjectNode();
            toggle.put("type", "Action.ToggleVisibility").put("title", "Show or hide the full text");
            toggle.putArray("targetElements").add(shortId).add(fullId);
            ObjectNode set = AdaptiveCards.JSON.createObjectNode().put("type", "ActionSet");
            set.putArray("actions").add(toggle);
            items.add(set);
        }
        return container;
    }

    /** The status in words, with overdue said in words and a symbol: colour is never the only signal. */
    static String status(ActionLogView view, ActionLogView.Section section, ActionRow row) {
        String word = row.status() == null ? "open" : row.status().word();
        boolean open = row.status() == null || row.status() == ActionStatus.OPEN || row.status() == ActionStatus.ONGOING;
        boolean overdue = section.kind() == ActionLogView.Kind.OVERDUE || open && row.targetDate() != null
                && view.asOf() != null && row.targetDate().isBefore(view.asOf());
        if (row.status() == ActionStatus.COMPLETE) {
            word = "complete, awaiting the board's closure";
        }
        return overdue ? "⚠ OVERDUE, " + word : word;
    }
}
