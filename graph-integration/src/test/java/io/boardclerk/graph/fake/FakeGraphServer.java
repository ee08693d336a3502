package io.boardclerk.graph.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.boardclerk.graph.fake.FakeHttp.respond;

/**
 * One fake Microsoft Graph on loopback, for tests that drive the real Graph SDK and azure-identity: Graph's side
 * (plain http, {@link #baseUrl()}) answers each request from the first route registered for its method and path, and
 * the identity authority (https, {@link #authority()}) issues the app's token. Each feature's fake (users and
 * messages, mail, calendar, meetings, files) is a set of routes on it; what they share is here once: the servers, the
 * token endpoint, the answers queued to be served before a route's own (a 429, a 503, a malformed or a slow answer),
 * a stall on every answer, and stopping.
 */
public final class FakeGraphServer implements AutoCloseable {

    /** Answers one request. */
    @FunctionalInterface
    public interface Route {
        void answer(Call call) throws IOException;
    }

    /** One request to Graph's side, read whole, with the route's match on its path. */
    public static final class Call {
        private final HttpExchange exchange;
        private final Matcher match;
        private final byte[] body;

        Call(HttpExchange exchange, Matcher match, byte[] body) {
            this.exchange = exchange;
            this.match = match;
            this.body = body;
        }

        public String method() {
            return exchange.getRequestMethod();
        }

        /** The path, percent-decoded. */
        public String path() {
            return exchange.getRequestURI().getPath();
        }

        /** The path as sent, still percent-encoded. */
        public String rawPath() {
            return exchange.getRequestURI().getRawPath();
        }

        public String rawQuery() {
            return exchange.getRequestURI().getRawQuery();
        }

        /** The query's parameters, decoded. */
        public Map<String, String> query() {
            return FakeHttp.query(rawQuery());
        }

        /** A group of the route's path pattern, percent-decoded. */
        public String group(int n) {
            return match.group(n);
        }

        public String header(String name) {
            return exchange.getRequestHeaders().getFirst(name);
        }

        public String authorization() {
            return header("Authorization");
        }

        public byte[] body() {
            return body;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Whether the request carries {@code token} as its bearer token. */
        public boolean bearer(String token) {
            return ("Bearer " + token).equals(authorization());
        }

        public void respond(int status, Map<String, String> headers, String body) throws IOException {
            FakeHttp.respond(exchange, status, headers, body);
        }

        public void respond(int status, String body) throws IOException {
            respond(status, Map.of(), body);
        }

        /** Graph's 401 for a missing or wrong token. */
        public void unauthorised() throws IOException {
            respond(401, error("InvalidAuthenticationToken", "Access token is empty."));
        }
    }

    /** An answer queued for the next request of a kind. {@code status} 0: no answer, only the delay. */
    public record Canned(int status, Map<String, String> headers, String body, long delayMillis) {
    }

    private record Registered(String method, Pattern path, String queue, Route route) {
    }

    private final String token;
    private final HttpServer server;
    private final HttpsServer login;
    private final List<Registered> routes = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Canned>> queues = new ConcurrentHashMap<>();
    private volatile Route loginRoute;
    private volatile Route seen = call -> { };
    private volatile Route notFound = call -> call.respond(404, error("NotFound", "no such path"));
    private volatile long stallMillis;

    /** @param token the app token the authority issues for client credentials */
    public FakeGraphServer(String token) throws IOException {
        this.token = token;
        this.loginRoute = this::clientCredentials;
        server = FakeHttp.graph(this::graph);
        login = FakeHttp.login(this::login);
    }

    /** The identity authority: tokens are served at {@code {authority}/{tenant}/oauth2/v2.0/token}. */
    public String authority() {
        return "https://127.0.0.1:" + login.getAddress().getPort();
    }

    /** Graph's base URL: plain http on loopback, which the SDK allows for loopback hosts only. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1.0";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The token issued for client credentials. */
    public String token() {
        return token;
    }

    /**
     * Routes {@code method} (null: any) on a path matching {@code pathRegex} (matched against the decoded path) to
     * {@code route}, after first serving what is queued on {@code queue} (null: nothing is ever queued for it).
     */
    public FakeGraphServer route(String method, String pathRegex, String queue, Route route) {
        routes.add(new Registered(method, Pattern.compile(pathRegex), queue, route));
        return this;
    }

    /** Is told of every request to Graph's side as it arrives, before any stall or queued answer (to record it). */
    public FakeGraphServer onEvery(Route recorder) {
        this.seen = recorder;
        return this;
    }

    /** Answers what no route matches (by default Graph's 404). */
    public FakeGraphServer otherwise(Route route) {
        this.notFound = route;
        return this;
    }

    /** Answers the identity authority's requests instead of the client-credentials token endpoint alone. */
    public FakeGraphServer login(Route route) {
        this.loginRoute = route;
        return this;
    }

    /** The next request routed with {@code queue} is answered with this, before its route is asked. */
    public FakeGraphServer queue(String queue, int status, Map<String, String> headers, String body,
                                 long delayMillis) {
        queues.computeIfAbsent(queue, q -> new ArrayDeque<>()).add(new Canned(status, headers, body, delayMillis));
        return this;
    }

    /** Takes the next answer queued on {@code queue}, or null. */
    public Canned next(String queue) {
        Deque<Canned> waiting = queue == null ? null : queues.get(queue);
        if (waiting == null) {
            return null;
        }
        synchronized (waiting) {
            return waiting.poll();
        }
    }

    /** Every Graph answer from now on waits this long first (0 to stop). */
    public FakeGraphServer stall(long millis) {
        this.stallMillis = millis;
        return this;
    }

    /** Serves a queued answer: after its delay, its status, headers and body. */
    public static void serve(Call call, Canned canned) throws IOException {
        if (!pause(canned.delayMillis())) {
            return;
        }
        call.respond(canned.status(), canned.headers(), canned.body());
    }

    /** Graph's error body. */
    public static String error(String code, String message) {
        return "{\"error\":{\"code\":" + FakeHttp.quote(code) + ",\"message\":" + FakeHttp.quote(message) + "}}";
    }

    /** Sleeps; false when interrupted (the server is stopping). */
    static boolean pause(long millis) {
        if (millis <= 0) {
            return true;
        }
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void graph(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            for (Registered registered : routes) {
                Matcher match = registered.path().matcher(path);
                if ((registered.method() == null || registered.method().equals(exchange.getRequestMethod()))
                        && match.matches()) {
                    Call call = new Call(exchange, match, exchange.getRequestBody().readAllBytes());
                    seen.answer(call);
                    if (!pause(stallMillis)) {
                        return;
                    }
                    Canned canned = next(registered.queue());
                    if (canned != null) {
                        serve(call, canned);
                        return;
                    }
                    registered.route().answer(call);
                    return;
                }
            }
            Call call = new Call(exchange, null, exchange.getRequestBody().readAllBytes());
            seen.answer(call);
            if (pause(stallMillis)) {
                notFound.answer(call);
            }
        }
    }

    private void login(HttpExchange exchange) throws IOException {
        try (exchange) {
            loginRoute.answer(new Call(exchange, null, exchange.getRequestBody().readAllBytes()));
        }
    }

    /** The client-credentials grant: the app's token, whatever was asked. */
    public void clientCredentials(Call call) throws IOException {
        call.respond(200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"ext_expires_in\":3600,"
                + "\"access_token\":\"" + token + "\"}");
    }

    /** Decodes a raw path as Graph does, a plus sign kept. */
    public static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        FakeHttp.stop(server, login);
    }
}
