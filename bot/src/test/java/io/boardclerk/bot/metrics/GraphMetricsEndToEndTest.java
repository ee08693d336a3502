package io.boardclerk.bot.metrics;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Graph requests as /metrics counts them, against a fake Graph on loopback: a directory lookup throttled once and
 * then answered is two requests, one throttled and one answered; a refused one is a client error. An invalid token
 * at /api/messages is counted as a refusal.
 */
class GraphMetricsEndToEndTest {

    static final String APP_ID = "00000000-1111-2222-3333-444444444444";
    static final String TENANT = "72f988bf-0000-0000-0000-000000000000";

    @TempDir
    Path dir;
    FakeGraph graph;
    FakeOpenIdProvider openId;
    RunningBot bot;
    TeamsChat chat;
    int metricsPort;

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph().user("a1a1a1a1-0000-0000-0000-00000000a77e", "Ann Other", "ann.other@fenshire.example",
                "aother@fenshire.onmicrosoft.example");
        openId = new FakeOpenIdProvider();
        bot = RunningBot.start(dir, Map.of("MicrosoftAppId", APP_ID, "MicrosoftAppPassword", "s3cret-value",
                "MicrosoftAppTenantId", TENANT, "BOARDCLERK_BOT_OPENID_METADATA", openId.metadataUrl(),
                "BOARDCLERK_LOGIN_AUTHORITY", graph.authority(), "BOARDCLERK_GRAPH", "on",
                "BOARDCLERK_GRAPH_BASE_URL", graph.baseUrl(), "BOARDCLERK_METRICS_PORT", "0"));
        metricsPort = bot.server().metricsPort().orElseThrow();
        chat = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:bcb-chat@thread.v2", TENANT,
                "Business Coordination Board");
        bot.connector.roster(chat.conversationId(), SECRETARY);
        assertTrue(say(SECRETARY, "secretary @Claire Dunmore", SECRETARY).contains("is now the secretary"));
    }

    @AfterEach
    void stop() {
        bot.close();
        openId.close();
        graph.close();
    }

    String say(Member from, String text, Member... mentioned) throws Exception {
        int before = bot.connector.sentTo(chat.conversationId()).size();
        String token = openId.token(APP_ID, bot.connector.serviceUrl(), Instant.now().plusSeconds(3600));
        HttpResponse<String> response = bot.client.post(chat.message(from, text, mentioned).toString(),
                "Bearer " + token);
        assertEquals(202, response.statusCode(), response.body());
        List<FakeConnector.Sent> sent = bot.connector.awaitSent(chat.conversationId(), before + 1,
                Duration.ofSeconds(20));
        return sent.get(before).text();
    }

    @Test
    void aThrottledLookupThatIsRetriedCountsOneThrottleAndOneAnswer() throws Exception {
        graph.fail(429, Map.of("Retry-After", "0"), "{\"error\":{\"code\":\"TooManyRequests\"}}");
        String reply = say(SECRETARY, "action Bring the report owner: ann.other@fenshire.example due: 26/05/2027");
        assertTrue(reply.contains("Ann Other"), reply);

        Scrape scrape = Scrape.of(metricsPort);
        assertEquals(1.0, scrape.value("boardclerk_graph_requests_total", "outcome", "throttled"), scrape.body());
        assertEquals(1.0, scrape.value("boardclerk_graph_requests_total", "outcome", "ok"), scrape.body());
        assertEquals(0.0, scrape.value("boardclerk_graph_requests_total", "outcome", "server_error"), scrape.body());
        assertFalse(scrape.body().contains(TENANT), "no tenant id in /metrics");
        assertFalse(scrape.body().contains("ann.other"), "no person in /metrics");
    }

    @Test
    void aRefusedLookupIsAClientErrorAndABadTokenARefusal() throws Exception {
        graph.fail(403, Map.of(), "{\"error\":{\"code\":\"Authorization_RequestDenied\"}}");
        say(SECRETARY, "action Bring the report owner: Zoe Stranger due: 26/05/2027");
        assertEquals(401, bot.client.post(chat.message(SECRETARY, "help").toString(), "Bearer not-a-token")
                .statusCode());

        Scrape scrape = Scrape.of(metricsPort);
        assertEquals(1.0, scrape.value("boardclerk_graph_requests_total", "outcome", "client_error"), scrape.body());
        assertEquals(1.0, scrape.value("boardclerk_refusals_total", "reason", "unauthenticated"), scrape.body());
        assertEquals(1.0, scrape.value("boardclerk_turns_seconds_count", Map.of("type", "message",
                "outcome", "refused")), scrape.body());
        assertEquals(2.0, scrape.value("boardclerk_turns_seconds_count", Map.of("type", "message",
                "outcome", "ok")), scrape.body());
    }
}
