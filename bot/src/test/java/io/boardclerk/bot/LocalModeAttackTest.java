package io.boardclerk.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.StoredRows;
import io.boardclerk.bot.support.TeamsChat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Local mode (no app id, no authentication) fails closed: it answers only requests addressed to itself on loopback
 * (a DNS-rebinding page gets 421), and it applies the same channel, service URL and tenant rules as production.
 */
class LocalModeAttackTest {

    @TempDir
    static Path dir;
    static RunningBot bot;
    static FakeConnector elsewhere;

    @BeforeAll
    static void start() throws Exception {
        elsewhere = new FakeConnector();
        bot = RunningBot.start(dir, Map.of("BOARDCLERK_ALLOWED_TENANTS", "tenant-cambs, tenant-fens"));
    }

    @AfterAll
    static void stop() {
        bot.close();
        elsewhere.close();
    }

    /** A raw HTTP/1.1 request with the Host header given (the JDK client will not send a chosen Host). */
    private String raw(String method, String path, String host, String body) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), bot.port())) {
            socket.setSoTimeout(10_000);
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aForeignHostHeaderIs421AndNothingHappens() throws Exception {
        TeamsChat chat = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:rebind@thread.v2", "tenant-cambs", "R");
        String before = StoredRows.footprint(bot.database);
        int requests = bot.connector.requests();
        for (String host : new String[]{"evil.example.org", "evil.example.org:" + bot.port(), "127.0.0.1",
                "127.0.0.1:1", "localhost.evil.example.org:" + bot.port()}) {
            String answer = raw("POST", "/api/messages", host, chat.message(SECRETARY, "help").toString());
            assertTrue(answer.startsWith("HTTP/1.1 421"), host + ": " + answer);
            assertTrue(raw("GET", "/api/boards/1/export", host, null).startsWith("HTTP/1.1 421"), host);
        }
        assertEquals(before, StoredRows.footprint(bot.database));
        assertEquals(requests, bot.connector.requests());
        assertTrue(raw("GET", "/healthz", "127.0.0.1:" + bot.port(), null).startsWith("HTTP/1.1 200"));
        assertTrue(raw("GET", "/healthz", "localhost:" + bot.port(), null).startsWith("HTTP/1.1 200"));
    }

    private void refused(ObjectNode activity, int status) throws Exception {
        String before = StoredRows.footprint(bot.database);
        int requests = bot.connector.requests();
        HttpResponse<String> response = bot.client.post(activity);
        assertEquals(status, response.statusCode(), response.body());
        Thread.sleep(200);
        assertEquals(before, StoredRows.footprint(bot.database), "nothing was stored");
        assertEquals(requests, bot.connector.requests(), "nothing was sent");
        assertEquals(0, elsewhere.requests(), "nothing was sent elsewhere");
    }

    @Test
    void anotherChannelIs403() throws Exception {
        ObjectNode activity = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:slack@thread.v2", "tenant-cambs", "S")
                .message(SECRETARY, "secretary @Claire Dunmore", SECRETARY);
        activity.put("channelId", "slack");
        refused(activity, 403);
    }

    @Test
    void aServiceUrlOffTheListIs403EvenWithoutAuthentication() throws Exception {
        refused(TeamsChat.groupChat(elsewhere.serviceUrl(), "19:elsewhere@thread.v2", "tenant-cambs", "E")
                .message(SECRETARY, "secretary @Claire Dunmore", SECRETARY), 403);
    }

    @Test
    void onlyTheListedTenantsAreServed() throws Exception {
        refused(TeamsChat.groupChat(bot.connector.serviceUrl(), "19:other@thread.v2", "tenant-other", "O")
                .message(SECRETARY, "secretary @Claire Dunmore", SECRETARY), 403);
        TeamsChat fens = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:fens@thread.v2", "TENANT-FENS", "F");
        assertEquals(202, bot.client.post(fens.message(SECRETARY, "help")).statusCode());
    }
}
