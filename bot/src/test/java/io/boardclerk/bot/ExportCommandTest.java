package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import io.boardclerk.bot.support.TestClock;
import io.boardclerk.core.view.ActionLogDocument;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.boardclerk.bot.support.People.NINA;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code export --format csv|docx|json [--board ID] [--out FILE] [--db FILE]} on a real database file. */
class ExportCommandTest {

    @TempDir
    Path dir;

    /** The board's name and its one action, recorded over HTTP; returns the database file once the server stops. */
    private Path record(String... boards) throws Exception {
        try (RunningBot bot = RunningBot.local(dir)) {
            int n = 0;
            for (String board : boards) {
                TeamsChat chat = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:chat-" + (++n) + "@thread.v2",
                        "tenant-cambs", board);
                bot.connector.roster(chat.conversationId(), SECRETARY, NINA);
                say(bot, chat, SECRETARY, "secretary @Claire Dunmore", SECRETARY);
                say(bot, chat, SECRETARY, "board name " + board);
                say(bot, chat, SECRETARY, "start meeting");
                say(bot, chat, SECRETARY, "action Report on " + board + " owner: OPCC due: 26/05/2027 item: 4");
            }
            return bot.database;
        }
    }

    private static void say(RunningBot bot, TeamsChat chat, Member from, String text, Member... mentioned)
            throws Exception {
        int before = bot.connector.sentTo(chat.conversationId()).size();
        assertEquals(202, bot.client.post(chat.message(from, text, mentioned)).statusCode());
        bot.connector.awaitSent(chat.conversationId(), before + 1, Duration.ofSeconds(5));
    }

    private record Run(int status, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    private static Run export(boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "export";
        System.arraycopy(args, 0, all, 1, args.length);
        int status = Main.export(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal,
                new TestClock(Instant.parse("2026-11-23T23:30:00Z")));
        return new Run(status, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withOneBoardTheCsvNeedsNoBoardAndDocxGoesToAFile() throws Exception {
        Path db = record("Finance Sub-Group");

        Run csv = export(true, "--format", "csv", "--db", db.toString());
        assertEquals(0, csv.status(), csv.err());
        List<List<String>> rows = DownloadsEndToEndTest.csv(csv.out());
        assertEquals(List.of("Action log: Finance Sub-Group, 23/11/2026"), rows.get(0),
                "the date is the board's: 23:30 UTC in November is still the 23rd in London");
        assertEquals(ActionLogDocument.COLUMNS, rows.get(2));
        assertEquals(List.of("1.0", "23/11/2026", "4", "Report on Finance Sub-Group", "OPCC", "26/05/2027", "", "",
                "open"), rows.get(3));

        Path file = dir.resolve("log.docx");
        Run docx = export(true, "--format", "docx", "--out", file.toString(), "--db", db.toString());
        assertEquals(0, docx.status(), docx.err());
        assertTrue(docx.err().contains("Wrote the action log of Finance Sub-Group to " + file), docx.err());
        assertEquals(0, docx.out().length);
        try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(file))) {
            assertEquals("Action log: Finance Sub-Group, 23/11/2026", doc.getParagraphs().get(0).getText());
            assertEquals("Report on Finance Sub-Group", doc.getTables().get(0).getRow(1).getCell(3).getText());
        }
    }

    @Test
    void aWordDocumentGoesToStandardOutputOnlyWhenThatIsNotATerminal() throws Exception {
        Path db = record("Finance Sub-Group");
        Run refused = export(true, "--format", "docx", "--db", db.toString());
        assertEquals(2, refused.status());
        assertTrue(refused.err().contains("--out FILE"), refused.err());
        assertEquals(0, refused.out().length);

        Run piped = export(false, "--format", "docx", "--db", db.toString());
        assertEquals(0, piped.status(), piped.err());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(piped.out()))) {
            assertEquals("Action log: Finance Sub-Group, 23/11/2026", doc.getParagraphs().get(0).getText());
        }
    }

    @Test
    void withSeveralBoardsTheCsvAsksWhichAndListsThem() throws Exception {
        Path db = record("Business Coordination Board", "Finance Sub-Group");
        Run ambiguous = export(true, "--format", "csv", "--db", db.toString());
        assertEquals(2, ambiguous.status());
        assertTrue(ambiguous.err().contains("say which with --board ID"), ambiguous.err());
        assertTrue(ambiguous.err().contains("1  Business Coordination Board"), ambiguous.err());
        assertTrue(ambiguous.err().contains("2  Finance Sub-Group"), ambiguous.err());

        Run second = export(true, "--format", "csv", "--board", "2", "--db", db.toString());
        assertEquals(0, second.status(), second.err());
        assertTrue(second.text().contains("Report on Finance Sub-Group"));
        assertTrue(!second.text().contains("Business Coordination"), "only the board asked for");

        Run missing = export(true, "--format", "csv", "--board", "9", "--db", db.toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("There is no board 9.") && missing.err().contains("Finance Sub-Group"),
                missing.err());

        Run json = export(true, "--board", "1", "--db", db.toString());
        assertEquals(0, json.status(), json.err());
        JsonNode boards = new ObjectMapper().readTree(json.out()).get("boards");
        assertEquals(1, boards.size());
        assertEquals("Business Coordination Board", boards.get(0).get("name").asText());

        Run everything = export(true, "--db", db.toString());
        assertEquals(2, new ObjectMapper().readTree(everything.out()).get("boards").size(), "json stays the default");
    }

    @Test
    void badOptionsAreRefusedWithTheUsage() {
        for (String[] args : new String[][]{{"--format", "pdf"}, {"--board", "one"}, {"--colour", "red"},
                {"--db"}, {"stray"}}) {
            Run run = export(true, args);
            assertEquals(2, run.status(), String.join(" ", args));
            assertTrue(run.err().contains("Usage: java -jar boardclerk.jar export [--format csv|docx|json]"),
                    run.err());
        }
    }
}
