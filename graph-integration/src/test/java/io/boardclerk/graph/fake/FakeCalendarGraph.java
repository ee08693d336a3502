package io.boardclerk.graph.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.boardclerk.graph.fake.FakeHttp.quote;
import static io.boardclerk.graph.fake.FakeHttp.query;
import static io.boardclerk.graph.fake.FakeHttp.respond;

/**
 * Microsoft Graph's {@code /users/{id}/calendarView} on loopback, with a Microsoft identity token endpoint, for tests
 * that drive the real Graph SDK and azure-identity. Users are known by id, mail and user principal name; their events
 * are served (times in UTC, as {@code Prefer: outlook.timezone="UTC"} asks) in pages of {@link #pageSize} with
 * {@code @odata.nextLink}, only those starting inside the window asked for. {@link #fail} queues raw answers (429,
 * 403, a malformed body ...) served before anything else; {@link #stall} makes every answer wait.
 */
public final class FakeCalendarGraph implements AutoCloseable {

    public static final String TOKEN = "fake-calendar-app-token";
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS")
            .withZone(ZoneOffset.UTC);

    /** One request Graph received: raw path, decoded query, Authorization and Prefer headers. */
    public record Received(String path, Map<String, String> query, String authorization, String prefer) {
    }

    /** An event occurrence as the organiser's calendar holds it. */
    public record Event(String id, String seriesMasterId, String subject, Instant start, String location,
                        String joinUrl, boolean cancelled) {
    }

    private record Canned(int status, Map<String, String> headers, String body) {
    }

    private static final Pattern VIEW = Pattern.compile("/v1\\.0/users/([^/]+)/calendarView");

    private final HttpServer server;
    private final HttpsServer login;
    private final Map<String, String> users = new HashMap<>();
    private final Map<String, Map<String, Event>> calendars = new HashMap<>();
    private final Deque<Canned> canned = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int pageSize = 3;
    private volatile long stallMillis;

    public FakeCalendarGraph() throws IOException {
        server = FakeHttp.graph(this::handle);
        login = FakeHttp.login(this::token);
    }

    public String authority() {
        return "https://127.0.0.1:" + login.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0";
    }

    /** A user with a mailbox, known by their object id and their address. */
    public synchronized FakeCalendarGraph user(String id, String address) {
        users.put(id, id);
        users.put(address.toLowerCase(), id);
        calendars.putIfAbsent(id, new LinkedHashMap<>());
        return this;
    }

    /** Adds or replaces (by id) an event in the user's calendar. */
    public synchronized FakeCalendarGraph event(String user, Event event) {
        calendars.get(users.get(user.toLowerCase())).put(event.id(), event);
        return this;
    }

    /** Deletes an occurrence, as an organiser cancelling one does. */
    public synchronized FakeCalendarGraph remove(String user, String eventId) {
        calendars.get(users.get(user.toLowerCase())).remove(eventId);
        return this;
    }

    public FakeCalendarGraph pageSize(int size) {
        this.pageSize = size;
        return this;
    }

    /** The next Graph request is answered with this, before anything else. */
    public synchronized FakeCalendarGraph fail(int status, Map<String, String> headers, String body) {
        canned.add(new Canned(status, headers, body));
        return this;
    }

    /** Every Graph answer from now on waits this long first (0 to stop). */
    public FakeCalendarGraph stall(long millis) {
        this.stallMillis = millis;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void forget() {
        received.clear();
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            respond(exchange, 200, Map.of(), "{\"token_type\":\"Bearer\",\"expires_in\":3600,"
                    + "\"ext_expires_in\":3600,\"access_token\":\"" + TOKEN + "\"}");
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            received.add(new Received(path, query, exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Prefer")));
            if (stallMillis > 0) {
                try {
                    Thread.sleep(stallMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Canned next;
            synchronized (this) {
                next = canned.poll();
            }
            if (next != null) {
                respond(exchange, next.status(), next.headers(), next.body());
                return;
            }
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, Map.of(), error("InvalidAuthenticationToken", "Access token is empty."));
                return;
            }
            synchronized (this) {
                answer(exchange, URLDecoder.decode(path, StandardCharsets.UTF_8), path, query);
            }
        }
    }

    private void answer(HttpExchange exchange, String path, String rawPath, Map<String, String> query)
            throws IOException {
        Matcher m = VIEW.matcher(path);
        if (!m.matches() || !"GET".equals(exchange.getRequestMethod())) {
            respond(exchange, 404, Map.of(), error("NotFound", "no such path"));
            return;
        }
        String id = users.get(m.group(1).toLowerCase());
        if (id == null) {
            respond(exchange, 404, Map.of(), error("ErrorInvalidUser",
                    "The requested user '" + m.group(1) + "' is invalid."));
            return;
        }
        Instant from;
        Instant to;
        try {
            from = Instant.parse(query.get("startDateTime"));
            to = Instant.parse(query.get("endDateTime"));
        } catch (RuntimeException e) {
            respond(exchange, 400, Map.of(), error("ErrorInvalidParameter", "startDateTime and endDateTime are "
                    + "required."));
            return;
        }
        List<Event> window = calendars.get(id).values().stream()
                .filter(e -> !e.start().isBefore(from) && e.start().isBefore(to))
                .sorted(Comparator.comparing(Event::start)).toList();
        int skip = Integer.parseInt(query.getOrDefault("$skip", "0"));
        List<Event> page = window.subList(Math.min(skip, window.size()), Math.min(skip + pageSize, window.size()));
        StringBuilder json = new StringBuilder("{\"@odata.context\":\"x\",\"value\":[");
        for (int i = 0; i < page.size(); i++) {
            json.append(i == 0 ? "" : ",").append(event(page.get(i)));
        }
        json.append(']');
        if (skip + pageSize < window.size()) {
            json.append(",\"@odata.nextLink\":").append(quote(baseUrl() + rawPath.substring("/v1.0".length())
                    + "?startDateTime=" + query.get("startDateTime") + "&endDateTime=" + query.get("endDateTime")
                    + "&$top=" + query.getOrDefault("$top", "") + "&$skip=" + (skip + pageSize)));
        }
        respond(exchange, 200, Map.of(), json.append('}').toString());
    }

    private static String event(Event e) {
        return "{\"id\":" + quote(e.id()) + ",\"seriesMasterId\":" + quote(e.seriesMasterId())
                + ",\"type\":" + quote(e.seriesMasterId() == null ? "singleInstance" : "occurrence")
                + ",\"subject\":" + quote(e.subject()) + ",\"isCancelled\":" + e.cancelled()
                + ",\"isOnlineMeeting\":" + (e.joinUrl() != null)
                + ",\"start\":{\"dateTime\":" + quote(GRAPH_TIME.format(e.start())) + ",\"timeZone\":\"UTC\"}"
                + ",\"location\":{\"displayName\":" + quote(e.location() == null ? "" : e.location()) + "}"
                + ",\"onlineMeeting\":" + (e.joinUrl() == null ? "null" : "{\"joinUrl\":" + quote(e.joinUrl()) + "}")
                + "}";
    }

    public static String error(String code, String message) {
        return "{\"error\":{\"code\":" + quote(code) + ",\"message\":" + quote(message) + "}}";
    }

    @Override
    public void close() {
        FakeHttp.stop(server, login);
    }
}
