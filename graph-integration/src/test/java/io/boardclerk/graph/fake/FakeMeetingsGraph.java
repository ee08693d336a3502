package io.boardclerk.graph.fake;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.boardclerk.graph.fake.FakeHttp.quote;

/**
 * Microsoft Graph's online meetings, attendance reports and attendance records: routes on a {@link FakeGraphServer}.
 * Records are served in pages of {@link #pageSize} with {@code @odata.nextLink}; {@link #fail} queues raw answers (429,
 * 403, a malformed body ...) served before anything else, and {@link #stall} makes the next answer wait.
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

    private static final String GRAPH = "graph";
    private static final Pattern MEETINGS = Pattern.compile("/v1\\.0/users/([^/]+)/onlineMeetings");
    private static final Pattern REPORTS = Pattern.compile("/v1\\.0/users/([^/]+)/onlineMeetings/([^/]+)"
            + "/attendanceReports");
    private static final Pattern RECORDS = Pattern.compile("/v1\\.0/users/([^/]+)/onlineMeetings/([^/]+)"
            + "/attendanceReports/([^/]+)/attendanceRecords");

    private final FakeGraphServer graph;
    private final Map<String, String> joinUrls = new HashMap<>();
    private final Map<String, String> organizers = new HashMap<>();
    private final Map<String, List<Report>> reports = new LinkedHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int pageSize = 2;

    public FakeMeetingsGraph() throws IOException {
        graph = new FakeGraphServer(TOKEN)
                .onEvery(call -> received.add(new Received(call.rawPath(), call.query(), call.authorization())))
                .route(null, "/v1\\.0/.*", GRAPH, this::answer);
    }

    public String authority() {
        return graph.authority();
    }

    public String baseUrl() {
        return graph.baseUrl();
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
    public FakeMeetingsGraph fail(int status, Map<String, String> headers, String body) {
        graph.queue(GRAPH, status, headers, body, 0);
        return this;
    }

    /** Every Graph answer from now on waits this long first (0 to stop). */
    public FakeMeetingsGraph stall(long millis) {
        graph.stall(millis);
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

    private void answer(FakeGraphServer.Call call) throws IOException {
        if (!call.bearer(TOKEN)) {
            call.unauthorised();
            return;
        }
        synchronized (this) {
            answer(call, FakeGraphServer.decode(call.rawPath()), call.rawPath(), call.query());
        }
    }

    private void answer(FakeGraphServer.Call call, String path, String rawPath, Map<String, String> query)
            throws IOException {
        Matcher m;
        if ((m = RECORDS.matcher(path)).matches()) {
            String reportId = m.group(3);
            Report report = reports.getOrDefault(m.group(2), List.of()).stream()
                    .filter(r -> r.id().equals(reportId)).findFirst().orElse(null);
            if (report == null || !m.group(1).equals(organizers.get(m.group(2)))) {
                call.respond(404, error("NotFound", "No such report."));
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
            call.respond(200, json.append('}').toString());
        } else if ((m = REPORTS.matcher(path)).matches()) {
            if (!reports.containsKey(m.group(2)) || !m.group(1).equals(organizers.get(m.group(2)))) {
                call.respond(404, error("NotFound", "The meeting was not found."));
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
            call.respond(200, json.append("]}").toString());
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
            call.respond(200, json.append("]}").toString());
        } else {
            call.respond(404, error("NotFound", "no such path"));
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
        return FakeGraphServer.error(code, message);
    }

    @Override
    public void close() {
        graph.close();
    }
}
