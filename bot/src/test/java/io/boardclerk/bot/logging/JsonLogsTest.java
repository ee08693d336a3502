package io.boardclerk.bot.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.boardclerk.bot.support.BotClient;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeOpenIdProvider;
import io.boardclerk.bot.support.TeamsChat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BOARDCLERK_LOG_FORMAT=json, in BoardClerk run as its own process (java ... io.boardclerk.bot.Main) the way it is
 * deployed, with an app id, a secret and a link key: every line it writes is one JSON object with the time, level,
 * logger, thread and message, and none carries the secret, the link key or any token, though a good token, forged
 * ones and a malformed activity were all sent.
 */
class JsonLogsTest {

    static final String APP_ID = "00000000-1111-2222-3333-444444444444";
    static final String SECRET = "s3cret-json-logs-value";
    static final String LINK_KEY = "link-key-that-is-long-enough-0123456789";

    @TempDir
    Path dir;

    @Test
    void everyLineIsJsonAndNoneCarriesASecret() throws Exception {
        List<String> tokens = new ArrayList<>();
        Path log = dir.resolve("server.log");
        try (FakeConnector connector = new FakeConnector(); FakeOpenIdProvider openId = new FakeOpenIdProvider()) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            // The client compiler alone and the serial collector: a server that lives for seconds starts sooner.
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                    System.getProperty("java.class.path"), "io.boardclerk.bot.Main");
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("BOARDCLERK_") || name.startsWith("Microsoft"));
            env.put("PORT", String.valueOf(port));
            env.put("BOARDCLERK_DB", dir.resolve("boardclerk.db").toString());
            env.put("MicrosoftAppId", APP_ID);
            env.put("MicrosoftAppPassword", SECRET);
            env.put("BOARDCLERK_LINK_KEY", LINK_KEY);
            env.put("BOARDCLERK_BOT_OPENID_METADATA", openId.metadataUrl());
            env.put("BOARDCLERK_LOGIN_AUTHORITY", connector.authority());
            env.put("BOARDCLERK_GRAPH", "off");
            env.put("BOARDCLERK_GRAPH_BASE_URL", "http://127.0.0.1:9/v1.0");
            env.put("BOARDCLERK_LOG_FORMAT", "json");
            env.put("BOARDCLERK_SERVICE_URL_HOSTS", connector.hostEntry());
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            Process process = builder.start();
            try {
                BotClient client = new BotClient(port);
                awaitHealthy(process, client, log);
                TeamsChat chat = TeamsChat.groupChat(connector.serviceUrl(), "19:json-logs@thread.v2",
                        "tenant-json", "BCB");
                connector.roster(chat.conversationId(), SECRETARY);

                String good = openId.token(APP_ID, connector.serviceUrl(), Instant.now().plusSeconds(3600));
                String stranger = openId.tokenSignedByStranger(APP_ID, connector.serviceUrl());
                String expired = openId.token(APP_ID, connector.serviceUrl(), Instant.now().minusSeconds(3600));
                tokens.addAll(List.of(good, stranger, expired, FakeConnector.BOT_TOKEN));
                assertEquals(202, client.post(chat.message(SECRETARY, "help").toString(), "Bearer " + good)
                        .statusCode());
                connector.awaitSent(chat.conversationId(), 1, Duration.ofSeconds(20));
                assertEquals(401, client.post(chat.message(SECRETARY, "help").toString(), "Bearer " + stranger)
                        .statusCode());
                assertEquals(401, client.post(chat.message(SECRETARY, "help").toString(), "Bearer " + expired)
                        .statusCode());
                assertEquals(400, client.post("{\"type\": [", "Bearer " + good).statusCode());
            } finally {
                process.destroy();
                assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server stopped");
            }
        }

        List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
        assertTrue(lines.size() >= 3, String.join("\n", lines));
        ObjectMapper json = new ObjectMapper();
        List<String> messages = new ArrayList<>();
        for (String line : lines) {
            JsonNode event = json.readTree(line);
            assertTrue(event.isObject(), line);
            for (String field : List.of("time", "level", "logger", "thread", "message")) {
                assertTrue(event.path(field).isTextual(), field + " in " + line);
            }
            Instant.parse(event.get("time").asText());
            messages.add(event.get("message").asText());
            for (String secret : tokens) {
                assertFalse(line.contains(secret), "a token was logged: " + line);
            }
            assertFalse(line.contains(SECRET), "the app's secret was logged: " + line);
            assertFalse(line.contains(LINK_KEY), "the link key was logged: " + line);
        }
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("BoardClerk listening on")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("Refused activity")), messages.toString());
    }

    private static void awaitHealthy(Process process, BotClient client, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The server stopped: " + Files.readString(log));
            }
            try {
                if (client.get("/healthz").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("The server did not start: " + Files.readString(log));
    }
}
