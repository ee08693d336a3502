package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import io.boardclerk.core.clerk.Card;
import io.boardclerk.core.clerk.CardOutcome;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.view.ActionRow;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The three shapes of a Universal Actions response, as the clerk's outcomes map onto them. */
class InvokeResponsesTest {

    static final Card.ActionReview REVIEW = new Card.ActionReview(1, "Business Coordination Board",
            new ActionRow(1, 12, LocalDate.of(2026, 5, 16), "4", "Bring the fleet report", "Jon Leigh", "02/11/2026",
                    LocalDate.of(2026, 11, 2), List.of(), ActionStatus.OPEN, 4), null, true);

    @Test
    void aCardReplacesThePressedOne() {
        JsonNode body = InvokeResponses.of(new CardOutcome(REVIEW, null, "Update posted", false));
        assertEquals(200, body.path("statusCode").asInt());
        assertEquals("application/vnd.microsoft.card.adaptive", body.path("type").asText());
        assertEquals("AdaptiveCard", body.path("value").path("type").asText());
        assertEquals("Action 12.0 · Item 4", body.path("value").path("body").get(0).path("text").asText());
    }

    @Test
    void aRefusalWithACardShowsWhyOnTopForThePresserOnly() {
        JsonNode body = InvokeResponses.of(new CardOutcome(REVIEW, "This card was out of date, so nothing was "
                + "recorded.", null, true));
        assertEquals(200, body.path("statusCode").asInt());
        JsonNode banner = body.path("value").path("body").get(0);
        assertEquals("⚠ This card was out of date, so nothing was recorded.", banner.path("text").asText());
        assertEquals("Attention", banner.path("color").asText());
    }

    @Test
    void aRefusalAloneIsABadRequestInPlainWords() {
        JsonNode body = InvokeResponses.of(CardOutcome.refused("Only the chair or secretary can keep action "
                + "**12.0** open; the chair is Helen Marsh &lt;HM&gt;."));
        assertEquals(400, body.path("statusCode").asInt());
        assertEquals("application/vnd.microsoft.error", body.path("type").asText());
        assertEquals("BadRequest", body.path("value").path("code").asText());
        assertEquals("Only the chair or secretary can keep action 12.0 open; the chair is Helen Marsh <HM>.",
                body.path("value").path("message").asText());
    }

    @Test
    void aMessageAloneIsAMessageResponse() {
        JsonNode body = InvokeResponses.of(new CardOutcome(null, "You have **no** open actions.", null, false));
        assertEquals(200, body.path("statusCode").asInt());
        assertEquals("application/vnd.microsoft.activity.message", body.path("type").asText());
        assertEquals("You have no open actions.", body.path("value").asText());
        assertFalse(InvokeResponses.of(new CardOutcome(null, null, null, false)).path("value").asText().isBlank());
    }
}
