package io.boardclerk.bot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.core.clerk.Card;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.ActionUpdate;
import io.boardclerk.core.view.ActionLogView;
import io.boardclerk.core.view.ActionLogView.Kind;
import io.boardclerk.core.view.ActionLogView.Section;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.boardclerk.bot.cards.CardFixtures.TODAY;
import static io.boardclerk.bot.cards.CardFixtures.row;
import static io.boardclerk.bot.cards.CardFixtures.sickness;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionLogCardTest {

    @Test
    void rendersTitleCountsAndTheFourSectionsInOrder() {
        ActionLogView view = CardFixtures.view(List.of(
                new Section(Kind.OVERDUE, Kind.OVERDUE.title(), List.of(sickness(6))),
                new Section(Kind.DUE_AT_THIS_MEETING, Kind.DUE_AT_THIS_MEETING.title(),
                        List.of(row(11, "Review the estates strategy", ActionStatus.OPEN, LocalDate.of(2027, 5, 26)))),
                new Section(Kind.OTHER_OPEN, Kind.OTHER_OPEN.title(),
                        List.of(row(12, "Keep the risk register under review", ActionStatus.ONGOING, null))),
                new Section(Kind.CLOSED_SINCE_LAST_MEETING, Kind.CLOSED_SINCE_LAST_MEETING.title(),
                        List.of(row(3, "Circulate the workforce plan", ActionStatus.CLOSED, null)))));
        ObjectNode card = ActionLogCard.render(new Card.ActionLog(view, 0));

        assertEquals("AdaptiveCard", card.path("type").asText());
        assertEquals("1.5", card.path("version").asText());
        assertEquals(AdaptiveCards.SCHEMA, card.path("$schema").asText());
        JsonNode body = card.path("body");
        assertEquals("Action log: Business Coordination Board", body.get(0).path("text").asText());
        assertTrue(body.get(1).path("text").asText().startsWith("As of 23/11/2026"), body.get(1).toString());
        assertEquals("FactSet", body.get(2).path("type").asText());
        assertTrue(body.get(2).toString().contains("Due at this meeting (26 May 2027)"), body.get(2).toString());

        List<String> headings = new ArrayList<>();
        for (JsonNode item : body) {
            if ("Medium".equals(item.path("size").asText())) {
                headings.add(item.path("text").asText());
            }
        }
        assertEquals(List.of("⚠ Overdue (1)", "Due at this meeting (1)", "Other open (1)",
                "Closed since the last meeting (1)"), headings);

        String json = card.toString();
        assertTrue(json.contains("**6.0** · Item 8.1 · raised 16/05/2026"), json);
        assertTrue(json.contains("⚠ OVERDUE, ongoing"), "overdue in words, not colour alone: " + json);
        assertTrue(json.contains("18/09/2026: Report delayed"), json);
        assertTrue(json.contains("(Claire Dunmore)"), json);
        assertTrue(json.contains("\"value\":\"closed\""), json);
        assertTrue(json.contains("Constabulary; Jo Grant"), json);
        assertFalse(card.has("actions"), "one page, no More button");
    }

    @Test
    void longTextIsShortenedWithTheFullTextOneTapAway() {
        String text = "Chief Constable to report back to the July Board on the reasons for the increase in sickness "
                + "levels, with a breakdown by department, by rank and by cause, and the plan to bring them down.";
        ActionLogView view = CardFixtures.view(List.of(new Section(Kind.OTHER_OPEN, "Other open",
                List.of(row(6, text, ActionStatus.OPEN, null)))));
        ObjectNode card = ActionLogCard.render(new Card.ActionLog(view, 0));
        JsonNode row = card.path("body").get(4);
        JsonNode shortText = row.path("items").get(1);
        assertTrue(shortText.path("text").asText().endsWith("…"), shortText.toString());
        assertTrue(shortText.path("text").asText().length() <= 122);
        JsonNode full = row.path("items").get(2);
        assertFalse(full.path("isVisible").asBoolean(true));
        assertEquals(text, full.path("items").get(0).path("text").asText());
        JsonNode toggle = row.path("items").get(4).path("actions").get(0);
        assertEquals("Action.ToggleVisibility", toggle.path("type").asText());
        assertEquals(Set.of(shortText.path("id").asText(), full.path("id").asText()),
                Set.of(toggle.path("targetElements").get(0).asText(), toggle.path("targetElements").get(1).asText()));
    }

    @Test
    void userTextIsEscapedEverywhere() {
        ActionLogView view = new ActionLogView(1, "[x](http://evil)", TODAY, "owner <img src=x onerror=alert(1)>",
                "owner <img>", null, new ActionLogView.Counts(1, 0, 0, 0, 0), List.of(new Section(Kind.BOARD,
                "# Finance *Sub-Group*", List.of(new io.boardclerk.core.view.ActionRow(1, 1, TODAY, "5",
                "<img src=x onerror=alert(1)> and [x](http://evil)", "- Jo _Grant_", "1. the next Board", null,
                List.of(new ActionUpdate(TODAY, "**done**", "[Jon](http://evil)")), ActionStatus.OPEN, 1)))));
        String json = ActionLogCard.render(new Card.ActionLog(view, 0)).toString();
        assertFalse(json.contains("[x](http://evil)"), json);
        assertFalse(json.contains("<img src=x onerror=alert(1)>"), json);
        assertFalse(json.contains("**done**"), json);
        assertTrue(json.contains("\\\\<img src=x onerror=alert\\\\(1\\\\)\\\\>"), json);
        assertTrue(json.contains("Action log: \\\\[x\\\\]\\\\(http://evil\\\\)"), json);
        assertTrue(json.contains("\\\\# Finance \\\\*Sub-Group\\\\* (1)"), json);
        assertTrue(json.contains("\\\\- Jo \\\\_Grant\\\\_"), json);
        assertTrue(json.contains("1\\\\. the next Board"), json);
    }

    @Test
    void fiveHundredLongActionsPageUnderTheBudgetWithMoreButtons() {
        ActionLogView view = CardFixtures.big(500);
        int pages = ActionLogCard.pageCount(view);
        assertTrue(pages > 3, "pages: " + pages);
        Set<String> numbers = new HashSet<>();
        for (int p = 0; p < pages; p++) {
            ObjectNode card = ActionLogCard.render(new Card.ActionLog(view, p));
            int bytes = AdaptiveCards.bytes(card);
            assertTrue(bytes <= ActionLogCard.BUDGET_BYTES, "page " + p + " is " + bytes + " bytes");
            assertTrue(card.path("body").get(1).path("text").asText().contains("Page " + (p + 1) + " of " + pages));
            for (JsonNode item : card.path("body")) {
                if ("Container".equals(item.path("type").asText())) {
                    numbers.add(item.path("items").get(0).path("text").asText().split("\\*\\*")[1]);
                }
            }
            JsonNode actions = card.path("actions");
            if (p + 1 < pages) {
                JsonNode more = actions.get(0);
                assertEquals("Action.Execute", more.path("type").asText());
                assertEquals(Card.Verbs.MORE, more.path("verb").asText());
                assertEquals(p + 1, more.path("data").path(Card.Verbs.PAGE).asInt());
                assertEquals("", more.path("data").path(Card.Verbs.QUERY).asText("missing"));
            } else {
                assertFalse(actions.toString().contains("More"), actions.toString());
            }
        }
        assertEquals(500, numbers.size(), "every action on exactly one page");
    }

    @Test
    void aPathologicalRowStillFitsOnePage() {
        String huge = "Constabulary to report ".repeat(200).substring(0, 4_000);
        String stars = "*_[](){}<>#~`\\".repeat(600);
        ActionLogView view = CardFixtures.view(List.of(new Section(Kind.OVERDUE, "Overdue", List.of(
                row(1, huge, ActionStatus.OPEN, TODAY.minusDays(3), new ActionUpdate(TODAY, huge, huge)),
                row(2, stars, ActionStatus.OPEN, TODAY.minusDays(3), new ActionUpdate(TODAY, stars, stars))))));
        int pages = ActionLogCard.pageCount(view);
        for (int p = 0; p < pages; p++) {
            ObjectNode card = ActionLogCard.render(new Card.ActionLog(view, p));
            assertTrue(AdaptiveCards.bytes(card) <= ActionLogCard.BUDGET_BYTES, "page " + p);
        }
        String first = ActionLogCard.render(new Card.ActionLog(view, 0)).toString();
        assertTrue(first.contains("Constabulary to report Constabulary"), first.substring(0, 400));
    }

    @Test
    void aPageBeyondTheLastShowsTheLastAndAnEmptyLogSaysSo() {
        ActionLogView empty = CardFixtures.view(List.of());
        ObjectNode card = ActionLogCard.render(new Card.ActionLog(empty, 5));
        assertTrue(card.toString().contains("There are no actions in the log yet."), card.toString());
        ActionLogView view = CardFixtures.big(500);
        int pages = ActionLogCard.pageCount(view);
        assertEquals(ActionLogCard.render(new Card.ActionLog(view, pages - 1)),
                ActionLogCard.render(new Card.ActionLog(view, pages + 3)));
    }
}
