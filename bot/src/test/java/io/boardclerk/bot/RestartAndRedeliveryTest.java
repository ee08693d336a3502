package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Teams redelivers; servers restart. Neither may lose or double anything. */
class RestartAndRedeliveryTest {

    @TempDir
    Path dir;
    RunningBot bot;
    TeamsChat chat;

    @BeforeEach
    void start() throws Exception {
        bot = RunningBot.local(dir);
        chat = TeamsChat.channel(bot.connector.serviceUrl(), "19:bcb-channel@thread.tacv2", "tenant-cambs",
                "19:team-general@thread.tacv2");
        bot.connector.roster("19:team-general@thread.tacv2", SECRETARY, JON);
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private String say(ObjectNode activity) throws Exception {
        int before = bot.connector.sentTo(chat.conversationId()).size();
        assertEquals(202, bot.client.post(activity).statusCode());
        var sent = bot.connector.awaitSent(chat.conversationId(), before + 1, Duration.ofSeconds(5));
        return sent.size() > before ? sent.get(sent.size() - 1).text() : null;
    }

    @Test
    void theSameActivityRecordsOnceEvenWhenDeliveredTwice() throws Exception {
        say(chat.message(SECRETARY, "secretary @Claire Dunmore", SECRETARY));
        say(chat.message(SECRETARY, "start meeting"));
        ObjectNode apologies = chat.message(SECRETARY, "Apologies were received from Jon Leigh, Chief Finance Officer.");
        assertTrue(say(apologies).contains("Apologies recorded"));
        int replies = bot.connector.sentTo(chat.conversationId()).size();
        assertEquals(202, bot.client.post(apologies).statusCode());
        assertEquals(202, bot.client.post(apologies).statusCode());
        Thread.sleep(200);
        assertEquals(replies, bot.connector.sentTo(chat.conversationId()).size(), "a redelivery gets no second reply");
        String list = say(chat.message(SECRETARY, "apologies"));
        assertEquals(1, list.split("Jon Leigh", -1).length - 1, list);
    }

    @Test
    void aRestartKeepsEverythingAndTheCommandLineExportsIt() throws Exception {
        assertTrue(say(chat.message(SECRETARY, "secretary @Claire Dunmore", SECRETARY)).contains("now the secretary"));
        say(chat.message(SECRETARY, "board name Business Coordination Board"));
        say(chat.message(SECRETARY, "start meeting"));
        say(chat.message(SECRETARY, "apologies Jon Leigh"));
        say(chat.message(SECRETARY, "There were no declarations of interest."));
        say(chat.message(SECRETARY, "action Bring the estates report owner: Constabulary due: 26/05/2027 item: 7"));

        bot.restart();

        String history = say(chat.message(SECRETARY, "history 1"));
        assertTrue(history.contains("History of action 1.0**: Bring the estates report"), history);
        assertTrue(history.contains("raised: Bring the estates report (by message)"), history);
        assertTrue(say(chat.message(SECRETARY, "action Second owner: OPCC")).contains("Action **2.0**"),
                "the secretary is still the secretary, and numbering continues");

        bot.close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.export(new String[]{"export", "--db", bot.database.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        JsonNode board = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("boards").get(0);
        assertEquals("Business Coordination Board", board.get("name").asText());
        JsonNode meeting = board.get("meetings").get(0);
        assertEquals("2026-11-23", meeting.get("date").asText());
        assertEquals("Jon Leigh", meeting.get("apologies").get(0).get("name").asText());
        assertTrue(meeting.get("noDeclarations").asBoolean());
        JsonNode first = board.get("actions").get(0);
        assertEquals("1.0", first.get("number").asText());
        assertEquals("7", first.get("agendaItem").asText());
        assertEquals("Constabulary", first.get("owner").asText());
        assertEquals("2027-05-26", first.get("targetDate").asText());
        assertEquals("open", first.get("status").asText());
        assertEquals("2.0", board.get("actions").get(1).get("number").asText());
    }

    @Test
    void theExportCommandSaysWhenThereIsNoDatabase() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.export(new String[]{"export", "--db", dir.resolve("missing.db").toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("There is no BoardClerk database"));
    }
}
