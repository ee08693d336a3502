package io.boardclerk.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.FakeOpenIdProvider;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import io.boardclerk.graph.fake.FakeGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.boardclerk.bot.support.People.CHAIR;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over HTTP with the app id set, so Graph is on: an owner nobody on the roster has is looked up in the organisation's
 * directory through the real Graph SDK and azure-identity, against a fake Graph and token endpoint on loopback.
 */
class GraphDirectoryEndToEndTest {

    static final String APP_ID = "00000000-1111-2222-3333-444444444444";
    static final String TENANT = "tenant-fenshire";
    static final String ANN_ID = "a1a1a1a1-0000-0000-0000-00000000a77e";

    @TempDir
    Path dir;
    FakeGraph graph;
    FakeOpenIdProvider openId;
    RunningBot bot;
    TeamsChat chat;

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph().user(ANN_ID, "Ann Other", "ann.other@fenshire.example",
                "aother@fenshire.onmicrosoft.example");
        openId = new FakeOpenIdProvider();
        bot = RunningBot.start(dir, Map.of("MicrosoftAppId", APP_ID, "MicrosoftAppPassword", "s3cret-value",
                "MicrosoftAppTenantId", TENANT, "BOARDCLERK_BOT_OPENID_METADATA", openId.metadataUrl(),
                "BOARDCLERK_LOGIN_AUTHORITY", graph.authority(), "BOARDCLERK_GRAPH", "on",
                "BOARDCLERK_GRAPH_BASE_URL", graph.baseUrl()));
        chat = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:bcb-chat@thread.v2", TENANT,
                "Business Coordination Board");
        bot.connector.roster(chat.conversationId(), SECRETARY, CHAIR);
        assertTrue(say(SECRETARY, "secretary @Claire Dunmore", SECRETARY).contains("is now the secretary"));
    }

    @AfterEach
    void stop() {
        bot.close();
        openId.close();
        graph.close();
    }

    String say(Member from, String text, Member... mentioned) throws Exception {
        ObjectNode activity = chat.message(from, text, mentioned);
        int before = bot.connector.sentTo(chat.conversationId()).size();
        String token = openId.token(APP_ID, bot.connector.serviceUrl(), Instant.now().plusSeconds(3600));
        HttpResponse<String> response = bot.client.post(activity.toString(), "Bearer " + token);
        assertEquals(202, response.statusCode(), response.body());
        List<FakeConnector.Sent> sent = bot.connector.awaitSent(chat.conversationId(), before + 1,
                Duration.ofSeconds(20));
        assertTrue(sent.size() > before, "BoardClerk answered \"" + text + "\"");
        return sent.get(before).text();
    }

    @Test
    void an_owner_by_email_is_found_in_the_directory_and_kept_with_their_entra_object_id() throws Exception {
        String reply = say(SECRETARY, "action Bring the report owner: ann.other@fenshire.example due: 26/05/2027");

        assertTrue(reply.contains("Action **1.0** recorded"), reply);
        assertTrue(reply.contains("Ann Other"), reply);
        assertTrue(reply.contains("found in the organisation's directory"), reply);
        assertFalse(reply.contains("kept as written"), reply);
        FakeGraph.Received lookup = graph.received().get(0);
        assertEquals("mail eq 'ann.other@fenshire.example' or userPrincipalName eq 'ann.other@fenshire.example'",
                lookup.filter());
        assertEquals("Bearer " + FakeGraph.TOKEN, lookup.authorization());
        String graphScope = java.net.URLEncoder.encode(graph.baseUrl().replace("/v1.0", "/.default"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(graph.tokenRequests().stream().anyMatch(t -> t.contains("client_id=" + APP_ID)
                && t.contains(graphScope)), "the app asked for a Graph token: " + graph.tokenRequests());
        assertEquals(0, graph.otherRequests(), "no instance discovery against the non-public authority");
        assertEquals(List.of("Ann Other"), peopleWithEntraId(ANN_ID));

        String again = say(SECRETARY, "action Bring the second report owner: Ann.Other@fenshire.example due: 26/05/2027");
        assertTrue(again.contains("Ann Other"), again);
        assertEquals(1, graph.received().size(), "the second lookup came from the cache");
        assertEquals(List.of("Ann Other"), peopleWithEntraId(ANN_ID), "the person is kept once");
    }

    @Test
    void a_refusal_from_graph_keeps_the_owner_as_written_and_names_the_missing_permission() throws Exception {
        graph.fail(403, Map.of(), "{\"error\":{\"code\":\"Authorization_RequestDenied\","
                + "\"message\":\"Insufficient privileges to complete the operation.\"}}");

        String reply = say(SECRETARY, "action Bring the report owner: Zoe Stranger due: 26/05/2027");

        assertTrue(reply.contains("Action **1.0** recorded"), reply);
        assertTrue(reply.contains("Zoe Stranger is not anyone I know on this board: kept as written."), reply);
        assertTrue(reply.contains("User.Read.All"), reply);
    }

    private List<String> peopleWithEntraId(String objectId) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + bot.database);
             PreparedStatement query = db.prepareStatement("SELECT name FROM people WHERE aad_object_id = ?")) {
            query.setString(1, objectId);
            try (ResultSet rows = query.executeQuery()) {
                List<String> names = new java.util.ArrayList<>();
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
                return names;
            }
        }
    }
}
