package io.boardclerk.bot.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.support.TestClock;
import io.boardclerk.core.clerk.Card;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DownloadCardTest {

    @Test
    void theCardHasTheTitleTheExpiryAndADownloadButton() {
        DownloadLinks links = new DownloadLinks(new byte[32], Duration.ofHours(24),
                new TestClock(Instant.parse("2026-11-23T10:00:00Z")),
                () -> Optional.of(URI.create("https://boardclerk.example.org")));
        Card.Download download = new Card.Download(7, null, Card.Document.ACTION_LOG_DOCX,
                "Action log – *Board* [1] – 23/11/2026 (DOCX)");
        DownloadLinks.Link link = (DownloadLinks.Link) links.mint(download);

        ObjectNode card = DownloadCard.render(download, link.uri());
        assertEquals("AdaptiveCard", card.get("type").asText());
        assertEquals("1.5", card.get("version").asText());
        JsonNode body = card.get("body");
        assertEquals("Action log – \\*Board\\* \\[1\\] – 23/11/2026 \\(DOCX\\)", body.get(0).get("text").asText());
        assertEquals("The action log as a Word document.", body.get(1).get("text").asText());
        String expiry = body.get(2).get("text").asText();
        assertTrue(expiry.contains("{{TIME(2026-11-24T10:00:00Z)}} on {{DATE(2026-11-24T10:00:00Z, LONG)}}"), expiry);
        JsonNode button = card.get("actions").get(0);
        assertEquals("Action.OpenUrl", button.get("type").asText());
        assertEquals("Download", button.get("title").asText());
        assertEquals(link.uri().toString(), button.get("url").asText());
    }

    @Test
    void userTextIsLiteralInATextBlock() {
        assertEquals("\\_a\\_ \\`b\\` \\~c\\~ \\#d \\>e \\\\f", DownloadCard.escape("_a_ `b` ~c~ #d >e \\f"));
        assertEquals("\\- item", DownloadCard.escape("- item"));
        assertEquals("\\+ item", DownloadCard.escape("+ item"));
        assertEquals("12\\. Board", DownloadCard.escape("12. Board"));
        assertEquals("Board 12. A-B", DownloadCard.escape("Board 12. A-B"));
        assertEquals("one two", DownloadCard.escape("one\ntwo"));
        assertEquals("{\u200B{DATE(x)}}", DownloadCard.escape("{{DATE(x)}}").replace("\\(", "(").replace("\\)", ")"));
        assertEquals("", DownloadCard.escape(null));
    }
}
