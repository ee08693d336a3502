package io.boardclerk.bot.metrics;

import io.boardclerk.bot.support.FakeConnector.Canned;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
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

import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /metrics over HTTP on its own port, against the real server: what a real activity, a refusal and a reminder sweep
 * leave there, that it is not on the public port, and that no tenant, conversation or person is named in it.
 */
class MetricsEndToEndTest {

    static final String TENANT = "tenant-fenshire-metrics";
    static final Instant BEFORE = Instant.parse("2026-12-03T08:00:00Z");

    @TempDir
    Path dir;
    RunningBot bot;
    TeamsChat chat;
    int metricsPort;

    @BeforeEach
    void start() throws Exception {
        bot = RunningBot.start(dir, Map.of("BOARDCLERK_METRICS_PORT", "0"));
        metricsPort = bot.server().metricsPort().orElseThrow();
        chat = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:metrics-chat@thread.v2", TENANT,
                "Business Coordination Board");
        bot.connector.roster(chat.conversationId(), SECRETARY, JON);
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    String say(Member from, String text, Member... mentioned) throws Exception {
        int before = bot.connector.sentTo(chat.conversationId()).size();
        HttpResponse<String> response = bot.client.post(chat.message(from, text, mentioned));
        assertEquals(202, response.statusCode(), response.body());
        List<FakeConnector.Sent> sent = bot.connector.awaitSent(chat.conversationId(), before + 1,
                Duration.ofSeconds(5));
        return sent.get(before).text();
    }

    @Test
    void aTurnAndItsLatencyAreCountedAfterARealActivity() throws Exception {
        Scrape empty = Scrape.of(metricsPort);
        assertEquals(200, empty.status());
        assertTrue(empty.contentType().startsWith("text/plain; version=0.0.4"), empty.contentType());
        assertTrue(Double.isNaN(empty.value("boardclerk_turns_seconds_count", "type", "message")), empty.body());

        assertTrue(say(SECRETARY, "secretary @Claire Dunmore", SECRETARY).contains("is now the secretary"));

        Scrape after = Scrape.of(metricsPort);
        assertEquals(1.0, after.value("boardclerk_turns_seconds_count", Map.of("type", "message", "outcome", "ok")),
                after.body());
        assertTrue(after.value("boardclerk_turns_seconds_sum", Map.of("type", "message")) > 0, after.body());
        assertEquals(1.0, after.value("boardclerk_turns_seconds_bucket", Map.of("type", "message", "le", "10.0")),
                after.body());
        assertTrue(after.body().contains("jvm_memory_used_bytes"), "the JVM's own figures are there too");
    }

    @Test
    void refusalsAreCountedByReason() throws Exception {
        assertEquals(400, bot.client.post("{\"type\": \"message\", ", null).statusCode());
        say(SECRETARY, "secretary @Claire Dunmore", SECRETARY);
        String refused = say(JON, "chair @Jon Leigh", JON);
        Scrape scrape = Scrape.of(metricsPort);
        assertEquals(1.0, scrape.value("boardclerk_refusals_total", "reason", "malformed"), scrape.body());
        assertEquals(1.0, scrape.value("boardclerk_refusals_total", "reason", "clerk"), refused + "\n" + scrape.body());
        assertEquals(0.0, scrape.value("boardclerk_refusals_total", "reason", "unauthenticated"), scrape.body());
    }

    @Test
    void reminderOutcomesAndTheQueueAreCountedByState() throws Exception {
        say(SECRETARY, "secretary @Claire Dunmore", SECRETARY);
        assertTrue(say(SECRETARY, "action Bring the estates report owner: Jon Leigh due: 10/12/2026")
                .contains("Action **1.0** recorded"));
        Scrape planned = Scrape.of(metricsPort);
        assertTrue(planned.value("boardclerk_queue_depth", "queue", "reminders_planned") >= 1, planned.body());
        assertEquals(0.0, planned.value("boardclerk_queue_depth", "queue", "deliveries_waiting"), planned.body());

        bot.connector.script(request -> Canned.status(503));
        bot.clock.set(BEFORE);
        assertEquals(1, bot.server().sweepReminders());
        Scrape retried = Scrape.of(metricsPort);
        assertEquals(1.0, retried.value("boardclerk_reminder_deliveries_total", "state", "retry"), retried.body());
        assertEquals(1.0, retried.value("boardclerk_queue_depth", "queue", "deliveries_waiting"), retried.body());

        bot.connector.script(request -> null);
        bot.clock.set(BEFORE.plus(Duration.ofHours(1)));
        assertEquals(1, bot.server().sweepReminders());
        Scrape sent = Scrape.of(metricsPort);
        assertEquals(1.0, sent.value("boardclerk_reminder_deliveries_total", "state", "sent"), sent.body());
        assertEquals(0.0, sent.value("boardclerk_queue_depth", "queue", "deliveries_waiting"), sent.body());
    }

    @Test
    void metricsAreNotOnThePublicPortAndNameNoTenantChatOrPerson() throws Exception {
        say(SECRETARY, "secretary @Claire Dunmore", SECRETARY);
        say(SECRETARY, "action Bring the estates report owner: Jon Leigh due: 10/12/2026");
        assertEquals(404, bot.client.get("/metrics").statusCode(), "not served on the port Teams reaches");

        String body = Scrape.of(metricsPort).body();
        for (String secret : List.of(TENANT, "fenshire", chat.conversationId(), "metrics-chat", "Claire", "Jon",
                "29:", "estates", "127.0.0.1:" + bot.connector.serviceUrl())) {
            assertFalse(body.contains(secret), "/metrics names " + secret);
        }
    }
}
