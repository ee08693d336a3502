package io.boardclerk.graph.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
 * Microsoft Graph's online meetings, attendance reports and attendance records on loopback, with a Microsoft identity
 * token endpoint, for tests that drive the real Graph SDK and azure-identity. Records are served in pages of
 * {@link #pageSize} with {@code @odata.nextLink}; {@link #fail} queues raw answers (429, 403, a malformed body ...)
 * served before anything else, and {@link #stall} makes the next answer wait.
 */
public final class FakeMeetingsGraph implements AutoCloseable {

    public static final String TOKEN = "fake-meetings-app-token";

    /** One request Graph received: path, decoded query, and the Authorization header. */
    public record Received(String path, Map<String, String> query, String authorization) {
    }

    /** An attendance record as Graph holds it. */
    public record Attendee(String id, String name, String email, String role, List<Instant[]> intervals) {
    }

    private record Report(String id, Instant start, Instant end, List<Attendee> attendees) {
    }

    private record Canned(int status, Map<String, String> headers, String body) {
    }

    private static final Pattern MEETINGS = Pattern.compile("/v1\\.0/users/([^/]+)/onlineMeetings");
    private static final Pattern REPORTS = Pattern.compile("/v1\\.0/users/([^/]+)/onlineMeetings/([^/]+)"
            + "/attendanceReports");
    private static final Pattern RECORDS = Pattern.compile("/v1\\.0/users/([^/]+)/onlineMeetings/([^/]+)"
            + "/attendanceReports/([^/]+)/attendanceRecords");

    private final HttpServer server;
    private final HttpsServer login;
    private final Map<String, String> joinUrls = new HashMap<>();
    private final Map<String, String> organizers = new HashMap<>();
    private final Map<String, List<Report>> reports = new LinkedHashMap<>();
    private final Deque<Canned> canned = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int pageSize = 2;
    private volatile long stallMillis;

    public FakeMeetingsGraph() throws IOException {
        server = FakeHttp.graph(this::handle);
        login = FakeHttp.login(this::token);
    }

    public String authority() {
        return "https://127.0.0.1:" + login.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0";
    }

    /** An online meeting the organiser has, with its join link. */
    public synchronized FakeMeetingsGraph meeting(String organizerId, String meetingId, String joinUrl) {
        organizers.put(meetingId, organizerId);
        joinUrls.put(meetingId, joinUrl);
        reports.putIfAbsent(meetingId, new ArrayList<>());
        return this;
    }

    /** Publishes an attendance report of the meeting. */
    public synchronized FakeMeetingsGraph report(String meetingId, String reportId, Instant start, Instant end,
                                                 List<Attendee> attendees) {
        reports.get(meetingId).add(new Report(reportId, start, end, List.copyOf(attendees)));
        return this;
    }

    public FakeMeetingsGraph pageSize(int size) {
        this.pageSize = size;
        return this;
    }

    /** The next Graph request is answered with this, before anything else. */
    public synchronized FakeMeetingsGraph fail(int status, Map<String, String> headers, String body) {
        canned.add(new Canned(status, headers, body));
        return this;
    }

    /** Every Graph answer from now on waits this long first (0 to stop). */
    public FakeMeetingsGraph stall(long millis) {
        this.stallMillis = millis;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The raw (still percent-encoded) paths of the Graph requests, in order. */
    public List<String> paths() {
        return received.stream().map(Received::path).toList();
    }

    public static Attendee attendee(String id, String name, String email, Instant... joinLeave) {
        List<Instant[]> intervals = new ArrayList<>();
        for (int i = 0; i + 1 < joinLeave.length; i += 2) {
            intervals.add(new Instant[] {joinLeave[i], joinLeave[i + 1]});
        }
        return new Attendee(id, name, email, "Attendee", intervals);
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
            received.add(new Received(path, query, exchange.getRequestHeaders().getFirst("Authorization")));
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
                answer(exchange, decode(path), path, query);
            }
        }
    }

    private void answer(HttpExchange exchange, String path, String rawPath, Map<String, String> query) throws IOException {
        Matcher m;
        if ((m = RECORDS.matcher(path)).matches()) {
            String reportId = m.group(3);
            Report report = reports.getOrDefault(m.group(2), List.of()).stream()
                    .filter(r -> r.id().equals(reportId)).findFirst().orElse(null);
            if (report == null || !m.group(1).equals(organizers.get(m.group(2)))) {
                respond(exchange, 404, Map.of(), error("NotFound", "No such report."));
                return;
            }
            int skip = Integer.parseInt(query.getOrDefault("$skiptoken", "0"));
            List<Attendee> page = report.attendees().subList(Math.min(skip, report.attendees().size()),
                    Math.min(skip + pageSize, report.attendees().size()));
            StringBuilder json = new StringBuilder("{\"@odata.context\":\"x\",\"value\":[");
            for (int i = 0; i < page.size(); i++) {
                json.append(i == 0 ? "" : ",").append(record(page.get(i)));
            }
            json.append(']');
            if (skip + pageSize < report.attendees().size()) {
                json.append(",\"@odata.nextLink\":").append(quote(baseUrl() + rawPath.substring("/v1.0".length())
                        + "?$skiptoken=" + (skip + pageSize)));
            }
            respond(exchange, 200, Map.of(), json.append('}').toString());
        } else if ((m = REPORTS.matcher(path)).matches()) {
            if (!reports.containsKey(m.group(2)) || !m.group(1).equals(organizers.get(m.group(2)))) {
                respond(exchange, 404, Map.of(), error("NotFound", "The meeting was not found."));
                return;
            }
            StringBuilder json = new StringBuilder("{\"value\":[");
            List<Report> list = reports.get(m.group(2));
            for (int i = 0; i < list.size(); i++) {
                Report r = list.get(i);
                json.append(i == 0 ? "" : ",").append("{\"id\":").append(quote(r.id()))
                        .append(",\"totalParticipantCount\":").append(r.attendees().size())
                        .append(",\"meetingStartDateTime\":").append(quote(r.start().toString()))
                        .append(",\"meetingEndDateTime\":").append(quote(r.end().toString())).append('}');
            }
            respond(exchange, 200, Map.of(), json.append("]}").toString());
        } else if ((m = MEETINGS.matcher(path)).matches()) {
            String filter = query.getOrDefault("$filter", "");
            StringBuilder json = new StringBuilder("{\"value\":[");
            boolean first = true;
            for (Map.Entry<String, String> e : joinUrls.entrySet()) {
                String wanted = "JoinWebUrl eq '" + e.getValue().replace("'", "''") + "'";
                if (filter.equals(wanted) && m.group(1).equals(organizers.get(e.getKey()))) {
                    json.append(first ? "" : ",").append("{\"id\":").append(quote(e.getKey()))
                            .append(",\"joinWebUrl\":").append(quote(e.getValue())).append('}');
                    first = false;
                }
            }
            respond(exchange, 200, Map.of(), json.append("]}").toString());
        } else {
            respond(exchange, 404, Map.of(), error("NotFound", "no such path"));
        }
    }

    private static String record(Attendee a) {
        StringBuilder json = new StringBuilder("{\"id\":").append(quote(a.email() == null ? a.name() : a.email()))
                .append(",\"emailAddress\":").append(quote(a.email())).append(",\"role\":").append(quote(a.role()))
                .append(",\"identity\":{\"id\":").append(quote(a.id())).append(",\"displayName\":")
                .append(quote(a.name())).append("},\"attendanceIntervals\":[");
        long total = 0;
        for (int i = 0; i < a.intervals().size(); i++) {
            Instant[] interval = a.intervals().get(i);
            long seconds = interval[1].getEpochSecond() - interval[0].getEpochSecond();
            total += seconds;
            json.append(i == 0 ? "" : ",").append("{\"joinDateTime\":").append(quote(interval[0].toString()))
                    .append(",\"leaveDateTime\":").append(quote(interval[1].toString()))
                    .append(",\"durationInSeconds\":").append(seconds).append('}');
        }
        return json.append("],\"totalAttendanceInSeconds\":").append(total).append('}').toString();
    }

    public static String error(String code, String message) {
        return "{\"error\":{\"code\":" + quote(code) + ",\"message\":" + quote(message) + "}}";
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        FakeHttp.stop(server, login);
    }
}
