package io.boardclerk.bot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.core.clerk.Card;
import io.boardclerk.core.model.ActionStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.boardclerk.bot.cards.CardFixtures.row;
import static io.boardclerk.bot.cards.CardFixtures.sickness;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionReviewCardTest {

    @Test
    void showsTheActionAndItsFourButtonsEachCarryingNumberAndVersion() {
        ObjectNode card = ActionReviewCard.render(new Card.ActionReview(1, "Business Coordination Board",
                sickness(6), null, true));
        assertEquals("1.5", card.path("version").asText());
        String json = card.toString();
        assertTrue(json.contains("Action 6.0 · Item 8.1"), json);
        assertTrue(json.contains("Chief Constable to report back"), json);
        assertTrue(json.contains("18/09/2026: Report delayed"), json);
        assertTrue(json.contains("\"value\":\"ongoing\""), json);

        JsonNode actions = card.path("actions");
        List<String> titles = new ArrayList<>();
        actions.forEach(a -> titles.add(a.path("title").asText()));
        assertEquals(List.of("Post update", "Done", "Keep open", "New target"), titles);

        JsonNode update = actions.get(0);
        assertEquals("Action.ShowCard", update.path("type").asText());
        assertEquals(Card.Verbs.TEXT, update.path("card").path("body").get(0).path("id").asText());
        assertExecute(update.path("card").path("actions").get(0), Card.Verbs.UPDATE);
        assertExecute(actions.get(1), Card.Verbs.DONE);
        assertExecute(actions.get(2), Card.Verbs.KEEP_OPEN);
        JsonNode target = actions.get(3);
        JsonNode input = target.path("card").path("body").get(0);
        assertEquals(Card.Verbs.TARGET, input.path("id").asText());
        assertEquals("26/05/2026 or the next Board", input.path("placeholder").asText());
        assertExecute(target.path("card").path("actions").get(0), Card.Verbs.NEW_TARGET);

        JsonNode refresh = card.path("refresh").path("action");
        assertEquals("Action.Execute", refresh.path("type").asText());
        assertEquals(Card.Verbs.REFRESH, refresh.path("verb").asText());
        assertEquals(6, refresh.path("data").path(Card.Verbs.NUMBER).asInt());
        assertFalse(card.path("refresh").has("userIds"), "left out so Teams refreshes for every member");
    }

    private static void assertExecute(JsonNode action, String verb) {
        assertEquals("Action.Execute", action.path("type").asText(), action.toString());
        assertEquals(verb, action.path("verb").asText());
        assertEquals(6, action.path("data").path(Card.Verbs.NUMBER).asInt());
        assertEquals(3, action.path("data").path(Card.Verbs.VERSION).asInt());
    }

    @Test
    void aClosedActionShowsItsOutcomeWithoutButtons() {
        ObjectNode card = ActionReviewCard.render(new Card.ActionReview(1, "Business Coordination Board",
                row(6, "Circulate the workforce plan", ActionStatus.CLOSED, null), "Closed by Helen Marsh", false));
        assertFalse(card.has("actions"));
        assertFalse(card.has("refresh"));
        String json = card.toString();
        assertTrue(json.contains("**Closed by Helen Marsh**"), json);
        assertTrue(json.contains("\"value\":\"closed\""), json);
    }

    @Test
    void escapesUserText() {
        ObjectNode card = ActionReviewCard.render(new Card.ActionReview(1, "[x](http://evil)",
                row(6, "<img src=x onerror=alert(1)>", ActionStatus.OPEN, null), "*Kept* open by [Jon](http://e)",
                true));
        String json = card.toString();
        assertFalse(json.contains("<img src=x onerror=alert(1)>"), json);
        assertFalse(json.contains("[x](http://evil)"), json);
        assertFalse(json.contains("[Jon](http://e)"), json);
    }

    @Test
    void aPathologicalActionStillFitsOneMessage() {
        String slashes = "\\*[]".repeat(1_500);
        ObjectNode card = ActionReviewCard.render(new Card.ActionReview(1, "Business Coordination Board",
                row(6, slashes, ActionStatus.OPEN, null, new io.boardclerk.core.model.ActionUpdate(
                        CardFixtures.TODAY, slashes, slashes)), slashes, true));
        assertTrue(AdaptiveCards.bytes(card) <= ActionLogCard.BUDGET_BYTES, AdaptiveCards.bytes(card) + " bytes");
        assertTrue(card.has("actions"), "the buttons are never dropped");
    }
}
