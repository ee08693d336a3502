package io.boardclerk.bot.documents;

import io.boardclerk.core.clerk.Card;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File names a download offers: safe in any file system and in the header, yet still the board's own name. */
class DownloadEndpointTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @Test
    void theBoardsNameBecomesASafeFileName() {
        assertEquals("Business-Coordination-Board-action-log-2026-11-23.csv",
                DownloadEndpoint.fileName("Business Coordination Board", "action-log", DAY,
                        Card.Document.ACTION_LOG_CSV));
        assertEquals("etc-passwd-Board-minutes-2026-11-23.docx", DownloadEndpoint.fileName("../etc/passwd \"Board\"",
                "minutes", DAY, Card.Document.MINUTES_DOCX));
        assertEquals("board-export-2026-11-23.json", DownloadEndpoint.fileName("***", "export", DAY,
                Card.Document.EXPORT_JSON));
        assertEquals(60, DownloadEndpoint.slug("A".repeat(200)).length());
    }

    @Test
    void aNameBeyondAsciiHasAPlainFallbackAndItsExactFormEncoded() {
        String name = DownloadEndpoint.fileName("Bwrdd Cydlynu Ŵyl", "action-log", DAY, Card.Document.ACTION_LOG_DOCX);
        assertEquals("Bwrdd-Cydlynu-Ŵyl-action-log-2026-11-23.docx", name);
        String header = DownloadEndpoint.contentDisposition(name);
        assertEquals("attachment; filename=\"Bwrdd-Cydlynu-Wyl-action-log-2026-11-23.docx\"; "
                + "filename*=UTF-8''Bwrdd-Cydlynu-%C5%B4yl-action-log-2026-11-23.docx", header);
        assertTrue(header.chars().allMatch(c -> c >= 0x20 && c < 0x7F), "the header is plain ASCII");
    }
}
