package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.BotInChat;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;

import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.LOUISA;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Teams' meeting events, roster changes, invokes and whole-message atomicity, over HTTP. */
class MeetingLifecycleTest {

    @RegisterExtension
    final BotInChat board = BotInChat.meeting("19:meeting_pcb@thread.v2", "tenant-cambs", "MCM-pcb", SECRETARY, JON);
    RunningBot bot;
    TeamsChat chat;

    @BeforeEach
    void start() {
        bot = board.bot();
        chat = board.chat();
    }

    String send(ObjectNode activity) throws Exception {
        // The text reply comes first; cards (the minutes draft at the meeting's end) follow as messages of their own.
        return board.send(activity).stream().filter(s -> s.card() == null).map(FakeConnector.Sent::text).findFirst()
                .orElse(null);
    }

    String say(Member from, String text, Member... mentioned) throws Exception {
        return send(chat.message(from, text, mentioned));
    }

    @Test
    void theMeetingOpensOnTeamsStartAndClosesOnTeamsEndWithItsDateInTheBoardsZone() throws Exception {
        // 23:30 UTC on 30 June is already 1 July in London (BST).
        String opened = send(chat.meetingStart("Performance Board", "2027-06-30T23:30:00Z"));
        assertTrue(opened.contains("1st July 2027"), opened);
        say(SECRETARY, "secretary @Claire Dunmore", SECRETARY);
        say(SECRETARY, "apologies Jon Leigh");
        say(SECRETARY, "There were no declarations of interest.");
        String closed = send(chat.meetingEnd("Performance Board", "2027-07-01T01:30:00Z"));
        assertTrue(closed.contains("closed: 1 apology, no declarations of interest, 0 action(s) raised"), closed);

        JsonNode meeting = export().path("meetings").get(0);
        assertEquals("2027-07-01", meeting.path("date").asText());
        assertEquals("Performance Board", meeting.path("title").asText());
        assertEquals("Performance Board", export().path("name").asText(), "the meeting title names the board");
        String after = say(SECRETARY, "apologies");
        assertTrue(after.contains("Jon Leigh"), "the list shows the last meeting's record once closed: " + after);
    }

    @Test
    void aMemberWhoJoinsIsKnownAfterTheConversationUpdate() throws Exception {
        say(SECRETARY, "secretary @Claire Dunmore", SECRETARY);
        int before = bot.connector.rosterRequests();
        bot.connector.roster(chat.conversationId(), SECRETARY, JON, LOUISA);
        assertEquals(202, bot.client.post(chat.membersAdded(LOUISA.id())).statusCode());
        assertTrue(bot.connector.rosterRequests() > before, "a membership change refreshes the roster");
        say(SECRETARY, "start meeting");
        String recorded = say(SECRETARY, "apologies Louisa Barry");
        assertTrue(recorded.contains("**Louisa Barry**") && !recorded.contains("not anyone I know"), recorded);
    }

    @Test
    void aMessageIsRecordedWholeOrNotAtAll() throws Exception {
        say(SECRETARY, "secretary @Claire Dunmore", SECRETARY);
        say(SECRETARY, "start meeting");
        String refused = say(SECRETARY, "apologies Jon Leigh\naction Report on fleet owner: Constabulary due: 31/02/2027");
        assertTrue(refused.contains("31/02/2027"), refused);
        assertTrue(refused.contains("Nothing in your message was recorded"), refused);
        assertTrue(say(SECRETARY, "apologies").contains("No apologies"), "the first line was rolled back too");
    }

    @Test
    void aConnectorThatRefusesTheReplyLosesNothingAndTheRedeliveryRecordsNothingTwice() throws Exception {
        say(SECRETARY, "secretary @Claire Dunmore", SECRETARY);
        say(SECRETARY, "start meeting");
        bot.connector.replyStatus(503);
        ObjectNode apologies = chat.message(SECRETARY, "apologies Jon Leigh");
        assertEquals(500, bot.client.post(apologies).statusCode(), "Teams will deliver it again");
        bot.connector.replyStatus(200);

        assertEquals(202, bot.client.post(apologies).statusCode());
        String list = say(SECRETARY, "apologies");
        assertEquals(1, list.split("Jon Leigh", -1).length - 1, "recorded once: " + list);
        assertEquals(1, export().path("meetings").get(0).path("apologies").size());
    }

    @Test
    void whatPeopleWriteIsEscapedInEveryReply() throws Exception {
        say(SECRETARY, "secretary @Claire Dunmore", SECRETARY);
        say(SECRETARY, "start meeting");
        String action = say(SECRETARY, "action Review <img src=x onerror=alert(1)> and [the link](http://evil.example) "
                + "**now** owner: <b>Fleet</b> Unit");
        assertTrue(action.contains("&lt;img src=x onerror=alert(1)&gt;"), action);
        assertTrue(action.contains("&#91;the link&#93;(http://evil.example)"), action);
        assertTrue(action.contains("&lt;b&gt;Fleet&lt;/b&gt; Unit"), action);
        assertFalse(action.contains("<img") || action.contains("<b>"), action);
        String apology = say(SECRETARY, "apologies Mal <script>x</script> Lory");
        assertFalse(apology.contains("<script>"), apology);
        assertTrue(apology.contains("&lt;script&gt;"), apology);
        assertEquals("Review <img src=x onerror=alert(1)> and [the link](http://evil.example) now",
                export().path("actions").get(0).path("text").asText(), "kept as written, less bold markers");
    }

    @Test
    void invokeActivitiesGetTheInvokeResponseNotA202() throws Exception {
        ObjectNode invoke = chat.message(SECRETARY, "");
        invoke.put("type", "invoke");
        invoke.put("name", "composeExtension/query");
        invoke.putObject("value").put("commandId", "search");
        HttpResponse<String> response = bot.client.post(invoke);
        assertEquals(501, response.statusCode(), "BoardClerk has no message extension; the SDK says so");
    }

    private JsonNode export() throws Exception {
        HttpResponse<String> response = bot.client.get("/api/boards/1/export");
        assertEquals(200, response.statusCode());
        return new ObjectMapper().readTree(response.body()).path("boards").get(0);
    }
}
