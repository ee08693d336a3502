package io.boardclerk.bot;

import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A burst of pathological messages on one board (as long as Teams allows, each costly to read) delays another
 * board's answer by well under a second; beyond what the pool lets wait, the burst is answered 503 with Retry-After.
 * The delay is measured against the same board's answers just before, in the same run, and judged generously: this
 * is about one board not waiting for another's queue, not about speed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardFairnessTest {

    @TempDir
    static Path dir;
    RunningBot bot;
    TeamsChat noisy;
    TeamsChat quiet;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() throws Exception {
        bot = RunningBot.local(dir);
        noisy = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:noisy@thread.v2", "tenant-cambs", "Noisy");
        quiet = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:quiet@thread.v2", "tenant-cambs", "Quiet");
        bot.connector.roster(noisy.conversationId(), SECRETARY, JON);
        bot.connector.roster(quiet.conversationId(), SECRETARY, JON);
        for (TeamsChat chat : List.of(noisy, quiet)) {
            assertEquals(202, bot.client.post(chat.message(SECRETARY, "secretary @Claire Dunmore", SECRETARY))
                    .statusCode());
            assertEquals(202, bot.client.post(chat.message(SECRETARY, "start meeting 20/11/2026")).statusCode());
        }
    }

    @Test
    void aBurstOnOneBoardBarelyDelaysAnother() throws Exception {
        long before = medianMillis(quietAnswers(7));
        String[] shapes = {"action " + "a ".repeat(14_000), "apologies " + "Jon Leigh, ".repeat(2_500),
                "update 1 " + "é".repeat(27_000), "Members: " + "Jon Leigh, Chief Finance Officer; ".repeat(800),
                "next meeting " + "1/".repeat(13_900)};
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String text = shapes[i % shapes.length];
            burst.add(http.sendAsync(post(noisy.message(SECRETARY, text.substring(0, Math.min(text.length(),
                    BoardClerkBot.MAX_TEXT_CHARS))).toString()), HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(300);
        long during = medianMillis(quietAnswers(7));
        int served = 0;
        int busy = 0;
        for (CompletableFuture<HttpResponse<String>> each : burst) {
            HttpResponse<String> response = each.get();
            if (response.statusCode() == 202) {
                served++;
            } else {
                assertEquals(503, response.statusCode(), response.body());
                assertEquals("2", response.headers().firstValue("Retry-After").orElse(null));
                busy++;
            }
        }
        System.out.printf("quiet board median answer: %d ms before the burst, %d ms during it; burst: %d served, "
                + "%d told to retry%n", before, during, served, busy);
        assertTrue(during - before < 1_000, "the quiet board waited " + (during - before) + " ms longer");
        assertTrue(busy > 0, "what the pool cannot queue is answered 503 with Retry-After");
        assertTrue(served > 0);
    }

    private HttpRequest post(String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/api/messages"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private long[] quietAnswers(int count) throws Exception {
        long[] millis = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(post(quiet.message(JON, "my apologies").toString()),
                    HttpResponse.BodyHandlers.ofString());
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            assertEquals(202, response.statusCode(), response.body());
        }
        return millis;
    }

    private static long medianMillis(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    @org.junit.jupiter.api.AfterAll
    void stop() {
        bot.close();
    }
}
