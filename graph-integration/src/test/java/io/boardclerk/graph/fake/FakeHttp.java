package io.boardclerk.graph.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the fake Graph servers share: starting Graph (plain http on loopback) and the identity authority (https, which
 * azure-identity demands; this JVM is made to trust its certificate), JSON string quoting, reading a query string,
 * writing a JSON answer, and stopping.
 */
final class FakeHttp {

    private FakeHttp() {
    }

    /** A JSON string literal, or {@code null}. */
    static String quote(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A query string's parameters, decoded. */
    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(key, value);
        }
        return out;
    }

    /** Answers with a JSON body (none when empty) and the given headers. */
    static void respond(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Graph's side: plain http on a free loopback port, answered by {@code handler}. */
    static HttpServer graph(HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return server;
    }

    /** The identity authority: https on a free loopback port, with a certificate this JVM is made to trust. */
    static HttpsServer login(HttpHandler handler) throws IOException {
        HttpsServer login = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        login.setHttpsConfigurator(new HttpsConfigurator(TestTls.serverContext()));
        login.createContext("/", handler);
        login.setExecutor(Executors.newFixedThreadPool(2));
        login.start();
        TestTls.trustForTests();
        return login;
    }

    static void stop(HttpServer... servers) {
        for (HttpServer server : servers) {
            server.stop(0);
            ((ExecutorService) server.getExecutor()).shutdownNow();
        }
    }
}
