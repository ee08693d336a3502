package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.boardclerk.bot.documents.DownloadLinks;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import io.boardclerk.core.clerk.Card;
import io.boardclerk.core.view.ActionLogDocument;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.NINA;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two boards recorded through real Teams activities on the real server and SQLite file; their documents fetched
 * over HTTP through signed links, which expire, resist tampering and never cross from one board to the other.
 */
class DownloadsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;
    RunningBot bot;
    TeamsChat bcb;
    TeamsChat finance;
    long bcbId;
    long financeId;
    long bcbMeetingId;
    long financeMeetingId;

    @BeforeEach
    void recordTwoBoards() throws Exception {
        bot = RunningBot.local(dir);
        bcb = TeamsChat.channel(bot.connector.serviceUrl(), "19:bcb-channel@thread.tacv2", "tenant-cambs",
                "19:team-general@thread.tacv2");
        bot.connector.roster("19:team-general@thread.tacv2", SECRETARY, JON);
        say(bcb, SECRETARY, "secretary @Claire Dunmore", SECRETARY);
        say(bcb, SECRETARY, "board name Business Coordination Board");
        say(bcb, SECRETARY, "marking OFFICIAL");
        say(bcb, SECRETARY, "start meeting");
        say(bcb, SECRETARY, "Apologies were received from Jon Leigh, Chief Finance Officer.");
        say(bcb, SECRETARY, "There were no declarations of interest.");
        say(bcb, SECRETARY, "action Bring the estates report owner: Constabulary due: 26/05/2027 item: 7");
        say(bcb, SECRETARY, "action =HYPERLINK(\"http://evil.example\") review owner: OPCC due: 26/06/2027 item: 8");
        say(bcb, SECRETARY, "update 1 The paper is drafted, with costs");

        finance = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:finance@thread.v2", "tenant-cambs",
                "Finance Sub-Group");
        bot.connector.roster(finance.conversationId(), SECRETARY, NINA);
        say(finance, SECRETARY, "secretary @Claire Dunmore", SECRETARY);
        say(finance, SECRETARY, "board name Finance Sub-Group");
        say(finance, SECRETARY, "start meeting");
        say(finance, SECRETARY, "apologies Nina Hart");
        say(finance, SECRETARY, "action Audit the reserves owner: OPCC due: 26/05/2027 item: 3");

        Map<String, JsonNode> boards = new HashMap<>();
        for (int id = 1; id <= 4; id++) {
            HttpResponse<String> export = bot.client.get("/api/boards/" + id + "/export");
            if (export.statusCode() == 200) {
                JsonNode board = JSON.readTree(export.body()).get("boards").get(0);
                boards.put(board.get("name").asText(), board);
            }
        }
        bcbId = boards.get("Business Coordination Board").get("id").asLong();
        financeId = boards.get("Finance Sub-Group").get("id").asLong();
        bcbMeetingId = boards.get("Business Coordination Board").get("meetings").get(0).get("id").asLong();
        financeMeetingId = boards.get("Finance Sub-Group").get("meetings").get(0).get("id").asLong();
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private String say(TeamsChat chat, Member from, String text, Member... mentioned) throws Exception {
        int before = bot.connector.sentTo(chat.conversationId()).size();
        assertEquals(202, bot.client.post(chat.message(from, text, mentioned)).statusCode());
        var sent = bot.connector.awaitSent(chat.conversationId(), before + 1, Duration.ofSeconds(5));
        return sent.size() > before ? sent.get(sent.size() - 1).text() : null;
    }

    private DownloadLinks.Link mint(long board, Long meeting, Card.Document document) {
        return (DownloadLinks.Link) bot.server().downloadLinks().mint(new Card.Download(board, meeting, document,
                "test"));
    }

    private HttpResponse<byte[]> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(String token) throws Exception {
        return get(URI.create("http://127.0.0.1:" + bot.port() + "/files/" + token));
    }

    private static String token(DownloadLinks.Link link) {
        String path = link.uri().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The token with its claims rewritten and its signature kept, as someone guessing at other boards would. */
    private static String rewritten(String token, String from, String to) {
        int dot = token.indexOf('.');
        String claims = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.US_ASCII);
        assertTrue(claims.contains(from), claims);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(claims.replace(from, to)
                .getBytes(StandardCharsets.US_ASCII)) + token.substring(dot);
    }

    @Test
    void theCsvLinkServesThatBoardsLogAsAnAttachment() throws Exception {
        DownloadLinks.Link link = mint(bcbId, null, Card.Document.ACTION_LOG_CSV);
        assertEquals("127.0.0.1", link.uri().getHost());
        assertEquals(bot.port(), link.uri().getPort());

        HttpResponse<byte[]> response = get(link.uri());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("attachment; filename=\"Business-Coordination-Board-action-log-2026-11-23.csv\"; "
                        + "filename*=UTF-8''Business-Coordination-Board-action-log-2026-11-23.csv",
                response.headers().firstValue("Content-Disposition").orElseThrow());

        List<List<String>> rows = csv(response.body());
        assertEquals(List.of("OFFICIAL"), rows.get(0));
        assertEquals(List.of("Action log: Business Coordination Board, 23/11/2026"), rows.get(1));
        assertEquals(ActionLogDocument.COLUMNS, rows.get(3));
        List<String> first = rows.get(4);
        assertEquals("1.0", first.get(0));
        assertEquals("23/11/2026", first.get(1));
        assertEquals("7", first.get(2));
        assertEquals("Bring the estates report", first.get(3));
        assertEquals("Constabulary", first.get(4));
        assertEquals("26/05/2027", first.get(5));
        assertEquals("The paper is drafted, with costs", first.get(6));
        assertEquals("23/11/2026", first.get(7));
        assertEquals("open", first.get(8));
        assertTrue(rows.get(5).get(3).startsWith("'=HYPERLINK"), "a formula is defused: " + rows.get(5));
        assertEquals(6, rows.size(), "both of this board's actions and nothing of the other board's");
        assertFalse(new String(response.body(), StandardCharsets.UTF_8).contains("Audit the reserves"));
    }

    @Test
    void theWordLogAndTheMinutesDraftOpenInWord() throws Exception {
        HttpResponse<byte[]> log = get(mint(bcbId, null, Card.Document.ACTION_LOG_DOCX).uri());
        assertEquals(200, log.statusCode());
        assertEquals(Card.Document.ACTION_LOG_DOCX.mediaType(),
                log.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(log.headers().firstValue("Content-Disposition").orElseThrow()
                .contains("Business-Coordination-Board-action-log-2026-11-23.docx"));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(log.body()))) {
            assertEquals("OFFICIAL", doc.getParagraphs().get(0).getText());
            assertEquals("Action log: Business Coordination Board, 23/11/2026", doc.getParagraphs().get(1).getText());
            assertEquals("OFFICIAL", doc.getHeaderFooterPolicy().getDefaultHeader().getText().trim());
            assertEquals(ActionLogDocument.COLUMNS, doc.getTables().get(0).getRow(0).getTableCells().stream()
                    .map(XWPFTableCell::getText).toList());
            assertEquals("Bring the estates report", doc.getTables().get(0).getRow(1).getCell(3).getText());
            assertEquals(3, doc.getTables().get(0).getNumberOfRows());
        }

        HttpResponse<byte[]> minutes = get(mint(bcbId, bcbMeetingId, Card.Document.MINUTES_DOCX).uri());
        assertEquals(200, minutes.statusCode());
        assertTrue(minutes.headers().firstValue("Content-Disposition").orElseThrow()
                .contains("Business-Coordination-Board-minutes-2026-11-23.docx"));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(minutes.body()))) {
            List<String> lines = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertEquals("OFFICIAL – DRAFT until approved", lines.get(0));
            assertEquals("Business Coordination Board", lines.get(1));
            assertTrue(lines.contains("1. Welcome and Apologies"), lines.toString());
            assertTrue(lines.contains("2. Declarations of Interest"), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.contains("Jon Leigh")), lines.toString());
            assertTrue(lines.contains("There were no declarations of interest."), lines.toString());
            assertFalse(lines.stream().anyMatch(l -> l.contains("Nina Hart") || l.contains("reserves")),
                    "nothing of the other board: " + lines);
        }
    }

    @Test
    void theJsonLinkServesOnlyThatBoard() throws Exception {
        HttpResponse<byte[]> response = get(mint(financeId, null, Card.Document.EXPORT_JSON).uri());
        assertEquals(200, response.statusCode());
        JsonNode boards = JSON.readTree(response.body()).get("boards");
        assertEquals(1, boards.size());
        assertEquals("Finance Sub-Group", boards.get(0).get("name").asText());
        assertEquals("Audit the reserves", boards.get(0).get("actions").get(0).get("text").asText());
    }

    @Test
    void anExpiredLinkIsGoneAndSaysToAskForAFreshOne() throws Exception {
        DownloadLinks.Link link = mint(bcbId, null, Card.Document.ACTION_LOG_CSV);
        bot.clock.advance(Duration.ofHours(23));
        assertEquals(200, get(link.uri()).statusCode());
        bot.clock.advance(Duration.ofHours(1));
        HttpResponse<byte[]> gone = get(link.uri());
        assertEquals(410, gone.statusCode());
        String error = JSON.readTree(gone.body()).get("error").asText();
        assertTrue(error.contains("expired") && error.contains("fresh link"), error);
    }

    @Test
    void aTamperedOrUnknownTokenIs404AndNeverAnotherBoardsData() throws Exception {
        String csv = token(mint(bcbId, null, Card.Document.ACTION_LOG_CSV));
        String minutes = token(mint(bcbId, bcbMeetingId, Card.Document.MINUTES_DOCX));
        List<String> refused = new ArrayList<>(List.of(
                rewritten(csv, "file." + bcbId + ".", "file." + financeId + "."),
                rewritten(minutes, "file." + bcbId + "." + bcbMeetingId + ".",
                        "file." + financeId + "." + financeMeetingId + "."),
                rewritten(minutes, "." + bcbMeetingId + ".", "." + financeMeetingId + "."),
                rewritten(csv, ".ACTION_LOG_CSV.", ".EXPORT_JSON."),
                csv.substring(0, csv.length() - 2) + (csv.endsWith("AA") ? "BB" : "AA"),
                "not-a-token",
                csv + "x"));
        // Genuinely signed, but naming a meeting of the other board, or a board that does not exist.
        refused.add(token(mint(bcbId, financeMeetingId, Card.Document.MINUTES_DOCX)));
        refused.add(token(mint(999, null, Card.Document.ACTION_LOG_CSV)));
        refused.add(token(mint(bcbId, null, Card.Document.MINUTES_DOCX)));

        String body = null;
        for (String token : refused) {
            HttpResponse<byte[]> response = get(token);
            assertEquals(404, response.statusCode(), token);
            String text = new String(response.body(), StandardCharsets.UTF_8);
            assertFalse(text.contains("Finance") || text.contains("reserves") || text.contains("Coordination"), text);
            if (body != null) {
                assertEquals(body, text, "every refusal reads the same, so nothing is learnt about what exists");
            }
            body = text;
        }
        assertEquals(200, get(csv).statusCode(), "the untouched token still works");
    }

    @Test
    void aLinkKeepsWorkingAfterARestart() throws Exception {
        DownloadLinks.Link link = mint(financeId, null, Card.Document.ACTION_LOG_CSV);
        bot.restart();
        HttpResponse<byte[]> response = get(token(link));
        assertEquals(200, response.statusCode());
        assertEquals("Action log: Finance Sub-Group, 23/11/2026", csv(response.body()).get(0).get(0));
    }

    /** A strict RFC 4180 reader, after the byte order mark. */
    static List<List<String>> csv(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0), "a byte order mark for Excel");
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertFalse(quoted, "every quote is closed");
        assertTrue(row.isEmpty() && cell.length() == 0, "the last line ends with CRLF");
        return rows;
    }
}
