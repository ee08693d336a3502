package io.boardclerk.graph.fake;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.boardclerk.graph.fake.FakeHttp.quote;

/**
 * Microsoft Graph's {@code /users/{id}/calendarView}: a route on a {@link FakeGraphServer}. Users are known by id, mail
 * and user principal name; their events are served (times in UTC, as {@code Prefer: outlook.timezone="UTC"} asks) in
 * pages of {@link #pageSize} with {@code @odata.nextLink}, only those starting inside the window asked for.
 * {@link #fail} queues raw answers (429, 403, a malformed body ...) served before anything else; {@link #stall} makes
 * every answer wait.
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

    private static final String GRAPH = "graph";

    private final FakeGraphServer graph;
    private final Map<String, String> users = new HashMap<>();
    private final Map<String, Map<String, Event>> calendars = new HashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int pageSize = 3;

    public FakeCalendarGraph() throws IOException {
        graph = new FakeGraphServer(TOKEN)
                .onEvery(call -> received.add(new Received(call.rawPath(), call.query(), call.authorization(),
                        call.header("Prefer"))))
                .route("GET", "/v1\\.0/users/([^/]+)/calendarView", GRAPH, this::view);
    }

    public String authority() {
        return graph.authority();
    }

    public String baseUrl() {
        return graph.baseUrl();
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
    public FakeCalendarGraph fail(int status, Map<String, String> headers, String body) {
        graph.queue(GRAPH, status, headers, body, 0);
        return this;
    }

    /** Every Graph answer from now on waits this long first (0 to stop). */
    public FakeCalendarGraph stall(long millis) {
        graph.stall(millis);
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void forget() {
        received.clear();
    }

    private void view(FakeGraphServer.Call call) throws IOException {
        if (!call.bearer(TOKEN)) {
            call.unauthorised();
            return;
        }
        synchronized (this) {
            answer(call, call.group(1), call.rawPath(), call.query());
        }
    }

    private void answer(FakeGraphServer.Call call, String user, String rawPath, Map<String, String> query)
            throws IOException {
        String id = users.get(user.toLowerCase());
        if (id == null) {
            call.respond(404, error("ErrorInvalidUser", "The requested user '" + user + "' is invalid."));
            return;
        }
        Instant from;
        Instant to;
        try {
            from = Instant.parse(query.get("startDateTime"));
            to = Instant.parse(query.get("endDateTime"));
        } catch (RuntimeException e) {
            call.respond(400, error("ErrorInvalidParameter", "startDateTime and endDateTime are required."));
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
        call.respond(200, json.append('}').toString());
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
        return FakeGraphServer.error(code, message);
    }

    @Override
    public void close() {
        graph.close();
    }
}
