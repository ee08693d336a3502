package io.boardclerk.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.FakeOpenIdProvider;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import io.boardclerk.graph.fake.FakeGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.boardclerk.bot.support.People.CHAIR;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A board's name over HTTP: never "Board 7b9bbb65". Teams' own name for the conversation is read through Graph (a
 * fake Graph on loopback) when the message does not carry it; without Graph, the first officer is asked once, and
 * {@code board name} names it.
 */
class BoardNameEndToEndTest {

    static final String APP_ID = "00000000-1111-2222-3333-444444444444";
    static final String TENANT = "tenant-fenshire";
    static final Pattern ID_NAME = Pattern.compile("Board [0-9A-Za-z]{8}\\b");

    @TempDir
    Path dir;
    FakeGraph graph;
    FakeOpenIdProvider openId;
    RunningBot bot;
    TeamsChat chat;

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        if (openId != null) {
            openId.close();
        }
        if (graph != null) {
            graph.close();
        }
    }

    void startWithGraph() throws Exception {
        graph = new FakeGraph();
        openId = new FakeOpenIdProvider();
        bot = RunningBot.start(dir, Map.of("MicrosoftAppId", APP_ID, "MicrosoftAppPassword", "s3cret-value",
                "MicrosoftAppTenantId", TENANT, "BOARDCLERK_BOT_OPENID_METADATA", openId.metadataUrl(),
                "BOARDCLERK_LOGIN_AUTHORITY", graph.authority(), "BOARDCLERK_GRAPH", "on",
                "BOARDCLERK_GRAPH_BASE_URL", graph.baseUrl()));
    }

    String say(Member from, String text, Member... mentioned) throws Exception {
        ObjectNode activity = chat.message(from, text, mentioned);
        int before = bot.connector.sentTo(chat.conversationId()).size();
        String authorization = openId == null ? null
                : "Bearer " + openId.token(APP_ID, bot.connector.serviceUrl(), Instant.now().plusSeconds(3600));
        HttpResponse<String> response = bot.client.post(activity.toString(), authorization);
        assertEquals(202, response.statusCode(), response.body());
        List<FakeConnector.Sent> sent = bot.connector.awaitSent(chat.conversationId(), before + 1,
                Duration.ofSeconds(20));
        assertTrue(sent.size() > before, "BoardClerk answered \"" + text + "\"");
        String reply = sent.get(before).text();
        assertFalse(ID_NAME.matcher(reply).find(), "no board is called by its conversation id: " + reply);
        return reply;
    }

    @Test
    void withoutANameFromTeamsTheFirstOfficerIsAskedOnceAndBoardNameNamesIt() throws Exception {
        bot = RunningBot.local(dir);
        chat = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:7f3c2a1e9d8b4c6a9e0f1b2c7b9bbb65@thread.v2",
                "tenant-local", null);
        bot.connector.roster(chat.conversationId(), SECRETARY, CHAIR);

        String appointed = say(SECRETARY, "secretary @Claire Dunmore", SECRETARY);
        assertTrue(appointed.startsWith("Claire Dunmore is now the secretary of this board."), appointed);
        assertTrue(appointed.contains("What should I call it? Say `board name \u2039name\u203A`"), appointed);

        String chair = say(SECRETARY, "chair @Helen Marsh", CHAIR);
        assertFalse(chair.contains("What should I call it?"), "asked once only: " + chair);
        assertTrue(say(SECRETARY, "start meeting").contains("Unnamed board"));

        assertTrue(say(SECRETARY, "board name Audit Committee").contains("now called **Audit Committee**"));
        String next = say(SECRETARY, "chair @Helen Marsh", CHAIR);
        assertTrue(next.contains("is now the chair of Audit Committee"), next);
    }

    @Test
    void aBoardAnEarlierVersionNamedAfterItsIdIsUnnamedNow() throws Exception {
        bot = RunningBot.local(dir);
        chat = TeamsChat.groupChat(bot.connector.serviceUrl(), "5eee813d-7657-49e1-96a2-51817d0dd5fe", "tenant-local",
                null);
        bot.connector.roster(chat.conversationId(), SECRETARY, CHAIR);
        say(SECRETARY, "secretary @Claire Dunmore", SECRETARY);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + bot.database);
             PreparedStatement update = db.prepareStatement("UPDATE boards SET name = 'Board 7d0dd5fe'")) {
            assertEquals(1, update.executeUpdate());
        }
        bot.restart();

        String opened = say(SECRETARY, "start meeting");
        assertTrue(opened.contains("Meeting of Unnamed board opened"), opened);
    }

    @Test
    void aGroupChatIsNamedAfterItsTopicThroughGraphAndGraphIsAskedOnce() throws Exception {
        startWithGraph();
        chat = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:fenshire-audit@thread.v2", TENANT, null);
        graph.chat(chat.conversationId(), "Fenshire Audit Committee");
        bot.connector.roster(chat.conversationId(), SECRETARY, CHAIR);

        String appointed = say(SECRETARY, "secretary @Claire Dunmore", SECRETARY);
        assertTrue(appointed.contains("is now the secretary of Fenshire Audit Committee."), appointed);
        assertFalse(appointed.contains("What should I call it?"), appointed);
        assertTrue(say(SECRETARY, "start meeting").contains("Fenshire Audit Committee"));
        assertEquals(List.of("/v1.0/chats/19:fenshire-audit@thread.v2"), graph.nameLookups(),
                "one Graph read, then the board has its name");
    }

    @Test
    void aChannelIsNamedAfterItsTeamAndChannelThroughGraph() throws Exception {
        startWithGraph();
        chat = TeamsChat.channel(bot.connector.serviceUrl(), "19:bcb-channel@thread.tacv2", TENANT,
                "19:team-general@thread.tacv2", "group-0000-pcc").withoutTeamNames();
        graph.channel("group-0000-pcc", "Police and Crime Commissioner", "19:bcb-channel@thread.tacv2",
                "Business Coordination Board");
        bot.connector.roster(chat.conversationId(), SECRETARY, CHAIR);

        String appointed = say(SECRETARY, "secretary @Claire Dunmore", SECRETARY);
        assertTrue(appointed.contains("of Police and Crime Commissioner / Business Coordination Board."), appointed);
    }

    @Test
    void whenGraphKnowsNoNameTheOfficerIsAsked() throws Exception {
        startWithGraph();
        chat = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:no-topic@thread.v2", TENANT, null);
        bot.connector.roster(chat.conversationId(), SECRETARY, CHAIR);

        String appointed = say(SECRETARY, "secretary @Claire Dunmore", SECRETARY);
        assertTrue(appointed.contains("What should I call it?"), appointed);
        say(SECRETARY, "start meeting");
        assertEquals(1, graph.nameLookups().size(), "a chat without a topic is not asked about on every turn: "
                + graph.nameLookups());
    }
}
