package io.boardclerk.bot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.core.clerk.Card;
import io.boardclerk.core.view.MinutesDraft;
import io.boardclerk.core.view.MinutesDraft.Paragraph;
import io.boardclerk.core.view.MinutesDraft.Section;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinutesCardTest {

    static MinutesDraft draft() {
        return new MinutesDraft(1, 7, "OFFICIAL – DRAFT until approved", "Business Coordination Board",
                LocalDate.of(2026, 11, 23), "23rd November 2026 at 10:00", "Via Microsoft Teams",
                List.of("Helen Marsh, Police and Crime Commissioner"), List.of("Claire Dunmore"), List.of(
                new Section("1", "Welcome and Apologies", List.of(Paragraph.plain("Apologies were received from "
                        + "Vic Evers, Assistant Chief Constable; and Colin Lusk, Director of Estates."))),
                new Section("2", "Declarations of Interest", List.of(Paragraph.plain(
                        "There were no declarations of interest."))),
                new Section("3", "Action Log", List.of(
                        new Paragraph(null, "Action 6.0, Agenda Item 8.1, 16th May 2026 – sickness levels", true),
                        new Paragraph("Update:", "Report delayed to November.", false),
                        new Paragraph(null, "Action 7.0, Agenda Item 5.7, 16th May 2026 – estates", true))),
                new Section("5.7", "Safer Streets", List.of(
                        new Paragraph("Action:", "Constabulary to bring a report to the next Board.", false))),
                new Section("9", "Date of next meeting", List.of(Paragraph.plain("26th May 2027 at 10:00.")))),
                null, null);
    }

    @Test
    void summarisesTheDraft() {
        ObjectNode card = MinutesCard.render(new Card.Minutes(draft(), null));
        assertEquals("1.5", card.path("version").asText());
        JsonNode body = card.path("body");
        assertEquals("**OFFICIAL – DRAFT until approved**", body.get(0).path("text").asText());
        assertEquals("Business Coordination Board", body.get(1).path("text").asText());
        assertEquals("Draft minutes · 23rd November 2026 at 10:00 · Via Microsoft Teams",
                body.get(2).path("text").asText());
        String facts = body.get(3).toString();
        assertTrue(facts.contains("Apologies were received from Vic Evers"), facts);
        assertTrue(facts.contains("There were no declarations of interest."), facts);
        assertTrue(facts.contains("{\"title\":\"Actions reviewed\",\"value\":\"2\"}"), facts);
        assertTrue(facts.contains("{\"title\":\"Actions raised\",\"value\":\"1\"}"), facts);
        assertFalse(card.has("actions"), "the download is attached separately");
    }

    @Test
    void theDownloadLinkIsAButtonAddedToTheCard() {
        ObjectNode card = MinutesCard.withDownloadLink(MinutesCard.render(new Card.Minutes(draft(), null)),
                URI.create("https://boardclerk.example/d/abc?sig=1"), "Download the draft (Word)");
        JsonNode open = card.path("actions").get(0);
        assertEquals("Action.OpenUrl", open.path("type").asText());
        assertEquals("https://boardclerk.example/d/abc?sig=1", open.path("url").asText());
    }
}
