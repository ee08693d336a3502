package io.boardclerk.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.support.FakeConnector;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static io.boardclerk.bot.support.People.CHAIR;
import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A directory lookup never holds the database's single writer: while Graph stalls on one board's lookup, another
 * board's message is recorded and answered; the stalled board's message then completes once Graph answers.
 */
class GraphOutsideTheTransactionTest {

    static final String APP_ID = "00000000-1111-2222-3333-444444444444";
    static final String TENANT = "tenant-fenshire";

    @TempDir
    Path dir;
    FakeGraph graph;
    FakeOpenIdProvider openId;
    RunningBot bot;
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph().user("a1", "Ann Other", "ann.other@fenshire.example", "aother@fenshire.example")
                .stall("Ann Other", release);
        openId = new FakeOpenIdProvider();
        // BOARDCLERK_GRAPH is not set: outside local mode, with credentials, Graph is on by default.
        bot = RunningBot.start(dir, Map.of("MicrosoftAppId", APP_ID, "MicrosoftAppPassword", "s3cret-value",
                "MicrosoftAppTenantId", TENANT, "BOARDCLERK_BOT_OPENID_METADATA", openId.metadataUrl(),
                "BOARDCLERK_LOGIN_AUTHORITY", graph.authority(), "BOARDCLERK_GRAPH", "",
                "BOARDCLERK_GRAPH_BASE_URL", graph.baseUrl()));
    }

    @AfterEach
    void stop() {
        release.countDown();
        bot.close();
        openId.close();
        graph.close();
    }

    private TeamsChat board(String id, String name) throws Exception {
        TeamsChat chat = TeamsChat.groupChat(bot.connector.serviceUrl(), id, TENANT, name);
        bot.connector.roster(chat.conversationId(), SECRETARY, CHAIR, JON);
        assertTrue(post(chat, "secretary @Claire Dunmore", SECRETARY).join().statusCode() == 202);
        return chat;
    }

    private CompletableFuture<HttpResponse<String>> post(TeamsChat chat, String text, FakeConnector.Member... mentioned) {
        ObjectNode activity = chat.message(SECRETARY, text, mentioned);
        String token = openId.token(APP_ID, bot.connector.serviceUrl(), Instant.now().plusSeconds(3600));
        return CompletableFuture.supplyAsync(() -> {
            try {
                return bot.client.post(activity.toString(), "Bearer " + token);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void another_board_is_recorded_and_answered_while_graph_stalls_on_one_boards_lookup() throws Exception {
        TeamsChat finance = board("19:finance@thread.v2", "Finance Committee");
        TeamsChat audit = board("19:audit@thread.v2", "Audit Committee");
        int financeBefore = bot.connector.sentTo(finance.conversationId()).size();
        int auditBefore = bot.connector.sentTo(audit.conversationId()).size();

        CompletableFuture<HttpResponse<String>> stalled = post(finance,
                "action Bring the fleet report owner: Ann Other due: 26/05/2027");
        awaitLookupOf("Ann Other");
        HttpResponse<String> other = post(audit, "action Check the risk register owner: Jon Leigh due: 26/05/2027").get();

        assertEquals(202, other.statusCode(), other.body());
        String otherReply = bot.connector.awaitSent(audit.conversationId(), auditBefore + 1, Duration.ofSeconds(20))
                .get(auditBefore).text();
        assertTrue(otherReply.contains("Action **1.0** recorded") && otherReply.contains("Jon Leigh"), otherReply);
        assertFalse(stalled.isDone(), "the finance committee's message still waits for Graph");
        assertEquals(financeBefore, bot.connector.sentTo(finance.conversationId()).size());

        release.countDown();
        assertEquals(202, stalled.get().statusCode());
        List<FakeConnector.Sent> sent = bot.connector.awaitSent(finance.conversationId(), financeBefore + 1,
                Duration.ofSeconds(20));
        String reply = sent.get(financeBefore).text();
        assertTrue(reply.contains("Action **1.0** recorded") && reply.contains("found in the organisation's "
                + "directory"), reply);
    }

    private void awaitLookupOf(String words) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            if (graph.received().stream().anyMatch(r -> r.filter() != null && r.filter().contains(words))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Graph was never asked about " + words);
    }
}
