package io.boardclerk.bot.cards;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.core.clerk.Card;
import io.boardclerk.core.view.MinutesDraft;

import java.net.URI;
import java.util.Locale;
import java.util.stream.Collectors;

import static io.boardclerk.bot.cards.AdaptiveCards.body;
import static io.boardclerk.bot.cards.AdaptiveCards.fact;
import static io.boardclerk.bot.cards.AdaptiveCards.heading;
import static io.boardclerk.bot.cards.AdaptiveCards.text;
import static io.boardclerk.bot.cards.CardText.escShort;

/**
 * A summary of a meeting's minutes draft: marking, title, date and place, the apologies line, the declarations, how
 * many actions were reviewed and raised, and the sections the draft holds. The Word document itself is a download
 * ({@link #withDownloadLink}); the card is complete without it.
 */
public final class MinutesCard {

    static final int MAX_LINE = 600;

    private MinutesCard() {
    }

    public static ObjectNode render(Card.Minutes minutes) {
        MinutesDraft draft = minutes.draft();
        ObjectNode card = AdaptiveCards.card();
        ArrayNode body = body(card);
        if (draft.marking() != null && !draft.marking().isBlank()) {
            body.add(text("**" + escShort(draft.marking(), 120) + "**").put("color", "Attention")
                    .put("horizontalAlignment", "Center"));
        }
        body.add(heading(escShort(draft.title(), 200), "Large"));
        StringBuilder when = new StringBuilder(draft.approved() ? "Minutes" : "Draft minutes");
        String date = draft.when() != null && !draft.when().isBlank() ? escShort(draft.when(), 120)
                : CardText.date(draft.date());
        if (!date.isEmpty()) {
            when.append(" · ").append(date);
        }
        if (draft.location() != null && !draft.location().isBlank()) {
            when.append(" · ").append(escShort(draft.location(), 200));
        }
        body.add(text(when.toString()).put("isSubtle", true).put("spacing", "None"));
        if (draft.approved()) {
            body.add(text("Approved by " + escShort(draft.approvedBy(), 200)).put("spacing", "None"));
        }

        ObjectNode facts = AdaptiveCards.factSet();
        fact(facts, "Apologies", escShort(paragraphs(draft, "apolog"), MAX_LINE));
        fact(facts, "Declarations", escShort(paragraphs(draft, "declaration"), MAX_LINE));
        fact(facts, "Actions reviewed", String.valueOf(reviewed(draft)));
        fact(facts, "Actions raised", String.valueOf(raised(draft)));
        body.add(facts);
        if (!draft.sections().isEmpty()) {
            body.add(text(escShort("Sections: " + draft.sections().stream()
                    .map(s -> (s.number() == null ? "" : s.number() + ". ") + s.heading())
                    .collect(Collectors.joining("; ")), MAX_LINE)).put("isSubtle", true).put("separator", true));
        }
        return card;
    }

    /**
     * Adds the button that opens {@code link}: the signed, expiring download of the draft as a Word document. The
     * link is made and signed by the documents package; this only puts it on the card.
     */
    public static ObjectNode withDownloadLink(ObjectNode card, URI link, String title) {
        ObjectNode open = AdaptiveCards.JSON.createObjectNode();
        open.put("type", "Action.OpenUrl").put("title", title == null || title.isBlank() ? "Download (Word)" : title)
                .put("url", link.toString());
        AdaptiveCards.actions(card).add(open);
        return card;
    }

    /** The text of the sections whose heading names {@code word}: "Welcome and Apologies", "Declarations of Interest". */
    private static String paragraphs(MinutesDraft draft, String word) {
        String text = draft.sections().stream()
                .filter(s -> s.heading() != null && s.heading().toLowerCase(Locale.ROOT).contains(word))
                .flatMap(s -> s.paragraphs().stream())
                .map(p -> p.label() == null ? p.text() : p.label() + " " + p.text())
                .collect(Collectors.joining(" "));
        return text.isBlank() ? "none recorded" : text;
    }

    /** The action log review's entries: one list line ("Action 10.0, Agenda Item 4.3, ...") per action reviewed. */
    private static long reviewed(MinutesDraft draft) {
        return draft.sections().stream()
                .filter(s -> s.heading() != null && s.heading().toLowerCase(Locale.ROOT).contains("action log"))
                .mapToLong(s -> s.paragraphs().stream().filter(MinutesDraft.Paragraph::bullet).count()).sum();
    }

    /** Paragraphs labelled "Action:" outside the action log review. */
    private static long raised(MinutesDraft draft) {
        return draft.sections().stream()
                .filter(s -> s.heading() == null || !s.heading().toLowerCase(Locale.ROOT).contains("action log"))
                .flatMap(s -> s.paragraphs().stream())
                .filter(p -> p.label() != null && p.label().strip().toLowerCase(Locale.ROOT).startsWith("action"))
                .count();
    }
}
