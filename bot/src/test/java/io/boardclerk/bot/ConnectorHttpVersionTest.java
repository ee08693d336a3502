package io.boardclerk.bot;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import io.boardclerk.graph.fake.TestTls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connector client's HTTP version, against a raw loopback server that behaves as the Agents Playground and many
 * Node and proxy servers do: a request offering {@code Upgrade: h2c} gets its connection dropped without a byte. Over
 * plain http the client must speak HTTP/1.1 without the offer; over TLS it offers HTTP/2 in ALPN and takes what the
 * server picks (here HTTP/1.1).
 */
class ConnectorHttpVersionTest {

    private RawServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void plainHttpConnectorGetsHttp11WithoutAnUpgradeOffer() throws Exception {
        server = RawServer.plain();
        Connector connector = new Connector(Optional.empty(), HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5)).build(), ServiceUrlHosts.parse("127.0.0.1:" + server.port()));
        Activity incoming = incoming("http://127.0.0.1:" + server.port() + "/_connector");

        connector.reply(incoming, "Noted.");
        connector.get(incoming.getServiceUrl(), "v3/conversations/chat-1/pagedmembers");

        assertEquals(2, server.requests.size(), "both calls reached the server: " + server.requests);
        for (String head : server.requests) {
            assertTrue(head.startsWith("POST /_connector/v3/conversations/chat-1/activities/act-1 HTTP/1.1")
                    || head.startsWith("GET /_connector/v3/conversations/chat-1/pagedmembers HTTP/1.1"), head);
            assertFalse(head.toLowerCase(Locale.ROOT).contains("\nupgrade:"), "no h2c offer: " + head);
            assertFalse(head.toLowerCase(Locale.ROOT).contains("http2-settings"), "no h2c settings: " + head);
        }
    }

    @Test
    void tlsConnectorOffersHttp2InAlpnAndTakesWhatTheServerPicks() throws Exception {
        server = RawServer.tls();
        Connector connector = new Connector(Optional.empty(), HttpClient.newBuilder()
                .sslContext(TestTls.clientContext()).connectTimeout(Duration.ofSeconds(5)).build(),
                ServiceUrlHosts.parse("127.0.0.1:" + server.port()));
        Activity incoming = incoming("https://127.0.0.1:" + server.port() + "/_connector");

        connector.reply(incoming, "Noted.");

        assertEquals(List.of("h2", "http/1.1"), server.offered, "ALPN offer");
        assertEquals(1, server.requests.size());
        assertTrue(server.requests.get(0).startsWith("POST /_connector/v3/conversations/chat-1/activities/act-1 "
                + "HTTP/1.1"), server.requests.get(0));
    }

    private static Activity incoming(String serviceUrl) {
        Activity activity = new Activity(ActivityTypes.MESSAGE);
        activity.setId("act-1");
        activity.setServiceUrl(serviceUrl);
        activity.setChannelId("msteams");
        activity.setConversation(new ConversationAccount(false, "chat-1", null));
        activity.setFrom(new ChannelAccount("user-1", "Ada"));
        activity.setRecipient(new ChannelAccount("bot-1", "BoardClerk"));
        activity.setText("hello");
        return activity;
    }

    /**
     * One thread answering HTTP/1.1 requests with {@code 200 {"members":[]}}; a request with an Upgrade header is
     * dropped unanswered, as the Playground does. {@code requests} holds each request's head as received.
     */
    static final class RawServer implements AutoCloseable {
        final List<String> requests = new CopyOnWriteArrayList<>();
        volatile List<String> offered = List.of();
        private final ServerSocket socket;
        private final Thread thread;

        private RawServer(ServerSocket socket) {
            this.socket = socket;
            this.thread = new Thread(this::serve, "raw-connector");
            thread.setDaemon(true);
            thread.start();
        }

        static RawServer plain() throws IOException {
            return new RawServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        }

        static RawServer tls() throws IOException {
            SSLServerSocket socket = (SSLServerSocket) TestTls.serverContext().getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            return new RawServer(socket);
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    if (client instanceof SSLSocket tls) {
                        tls.setHandshakeApplicationProtocolSelector((engine, protocols) -> {
                            offered = Collections.unmodifiableList(new ArrayList<>(protocols));
                            return protocols.contains("http/1.1") ? "http/1.1" : null;
                        });
                    }
                    client.setSoTimeout(5000);
                    answer(client);
                } catch (IOException e) {
                    // a dropped or closed connection: the next one is served
                }
            }
        }

        /** Answers requests on one connection until it closes or one offers an upgrade (dropped, unanswered). */
        private void answer(Socket client) throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            OutputStream out = client.getOutputStream();
            while (true) {
                StringBuilder head = new StringBuilder();
                int length = 0;
                String line;
                while ((line = in.readLine()) != null && !line.isEmpty()) {
                    head.append(line).append('\n');
                    String lower = line.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                if (line == null) {
                    return;
                }
                requests.add(head.toString());
                if (head.toString().toLowerCase(Locale.ROOT).contains("\nupgrade:")) {
                    return; // dropped without a byte, as the Playground does
                }
                for (int i = 0; i < length; i++) {
                    in.read();
                }
                byte[] body = "{\"members\":[]}".getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
