package io.boardclerk.bot;

import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the HTTP edge answers to malformed, oversized and ordinary requests. */
class HttpBoundaryTest {

    @TempDir
    Path dir;
    RunningBot bot;

    @BeforeEach
    void start() throws Exception {
        bot = RunningBot.local(dir);
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    @Test
    void malformedJsonIs400() throws Exception {
        HttpResponse<String> response = bot.client.post("{\"type\": \"message\", ", null);
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("not valid activity JSON"), response.body());
        assertEquals(400, bot.client.post("[1,2,3]", null).statusCode());
        assertEquals(400, bot.client.post("{\"text\":\"no type\"}", null).statusCode());
    }

    @Test
    void aTimestampWithoutFractionalSecondsIsReadAndANonDateIsNamed() throws Exception {
        TeamsChat chat = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:time@thread.v2", "t1", "Time");
        var whole = chat.message(SECRETARY, "secretary Claire Dunmore");
        whole.put("timestamp", "2026-11-23T15:00:00Z");
        whole.put("localTimestamp", "2026-11-23T15:00:00+00:00");

        assertEquals(202, bot.client.post(whole).statusCode());
        List<FakeConnector.Sent> replies = bot.connector.awaitSent("19:time@thread.v2", 1, Duration.ofSeconds(10));
        assertTrue(replies.get(0).text().contains("Claire Dunmore"), replies.get(0).text());

        var garbage = chat.message(SECRETARY, "help");
        garbage.put("timestamp", "yesterday");
        HttpResponse<String> refused = bot.client.post(garbage);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("timestamp is not an ISO 8601 date and time"), refused.body());
    }

    @Test
    void aBodyOver256KbIs413() throws Exception {
        TeamsChat chat = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:big@thread.v2", "t1", "Big");
        String body = chat.message(SECRETARY, "apologies " + "A".repeat(300 * 1024)).toString();
        assertEquals(413, bot.client.post(body, null).statusCode());
        assertEquals(0, bot.connector.sent().size(), "nothing was handled");
    }

    @Test
    void ordinaryActivitiesAre202AndHealthReportsTheDatabase() throws Exception {
        TeamsChat chat = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:small@thread.v2", "t1", "Small");
        assertEquals(202, bot.client.post(chat.message(SECRETARY, "help")).statusCode());
        HttpResponse<String> health = bot.client.get("/healthz");
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"database\":\"reachable\""), health.body());
    }

    @Test
    void unknownBoardsAndBadIdsOnTheExport() throws Exception {
        assertEquals(404, bot.client.get("/api/boards/42/export").statusCode());
        assertEquals(400, bot.client.get("/api/boards/abc/export").statusCode());
    }
}
