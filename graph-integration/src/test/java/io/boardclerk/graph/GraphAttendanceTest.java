package io.boardclerk.graph;

import io.boardclerk.core.model.AttendanceReport;
import io.boardclerk.core.port.AttendanceAnswer;
import io.boardclerk.core.port.AttendanceSource.OnlineMeeting;
import io.boardclerk.graph.fake.FakeMeetingsGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.boardclerk.graph.fake.FakeMeetingsGraph.attendee;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attendance reports through the real Graph SDK and azure-identity, against a fake Graph on loopback. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GraphAttendanceTest {

    static final String TENANT = "11111111-2222-3333-4444-555555555555";
    static final String ORGANISER = "0a0a0a0a-0000-0000-0000-00000000000a";
    static final String MEETING = "MSo1N2Y5ZGFjYy03MWJmLTQ3NDMtYjQxMy01M2EdFGkdRWHJlQ";
    static final String JOIN = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_Fen%40thread.v2/0?context=%7b%7d";
    static final Instant START = Instant.parse("2026-05-26T09:00:00Z");
    static final Instant END = Instant.parse("2026-05-26T10:30:00Z");

    private FakeMeetingsGraph graph;
    private GraphAttendance attendance;
    private final RecordedWaits retries = new RecordedWaits();

    @BeforeEach
    void start() throws Exception {
        graph = new FakeMeetingsGraph().meeting(ORGANISER, MEETING, JOIN);
        attendance = new GraphAttendance(new GraphClients(settings(graph, 20, 1), retries));
    }

    static GraphSettings settings(FakeMeetingsGraph graph, int timeoutSeconds, long retryDelay) {
        return new GraphSettings("app-id", "app-secret", null, null, "", graph.authority(), graph.baseUrl(),
                Duration.ofSeconds(timeoutSeconds), 3, retryDelay, Duration.ofSeconds(5), 100, Duration.ofMinutes(5));
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    private void publishFive() {
        graph.report(MEETING, "report-1", START, END, List.of(
                attendee("u-helen", "Helen Marsh", "helen.marsh@fenshire.example", START, END),
                attendee("u-jon", "Jon Leigh", "jon.leigh@fenshire.example", START.plusSeconds(60),
                        START.plusSeconds(1800), START.plusSeconds(2400), END),
                attendee(null, "Ann Other (Guest)", "ann@elsewhere.example", START, END),
                attendee("u-jane", "Jane Gifford", "jane.gifford@fenshire.example", START.plusSeconds(1500), END),
                attendee("u-claire", "Claire Dunmore", "claire.dunmore@fenshire.example", START, END)));
    }

    @Test
    void the_report_is_read_with_every_page_of_records_at_the_exact_paths_with_the_apps_token() {
        publishFive();

        AttendanceAnswer answer = attendance.fetch(TENANT, new OnlineMeeting(ORGANISER, MEETING, JOIN, START));

        AttendanceReport report = assertInstanceOf(AttendanceAnswer.Obtained.class, answer).report();
        assertEquals(START, report.meetingStart());
        assertEquals(END, report.meetingEnd());
        assertEquals(List.of("Helen Marsh", "Jon Leigh", "Ann Other (Guest)", "Jane Gifford", "Claire Dunmore"),
                report.attendees().stream().map(AttendanceReport.Attendee::name).toList());
        AttendanceReport.Attendee jon = report.attendees().get(1);
        assertEquals("u-jon", jon.objectId());
        assertEquals("jon.leigh@fenshire.example", jon.email());
        assertEquals(2, jon.sessions().size(), "both of Jon's sessions");
        assertNull(report.attendees().get(2).objectId());
        String base = "/v1.0/users/" + ORGANISER + "/onlineMeetings/" + MEETING + "/attendanceReports";
        assertEquals(List.of(base, base + "/report-1/attendanceRecords", base + "/report-1/attendanceRecords",
                base + "/report-1/attendanceRecords"), graph.paths(), "three pages of two records");
        assertEquals(List.of("", "2", "4"), graph.received().subList(1, 4).stream()
                .map(r -> r.query().getOrDefault("$skiptoken", "")).toList(), "each @odata.nextLink followed");
        for (FakeMeetingsGraph.Received r : graph.received()) {
            assertEquals("Bearer " + FakeMeetingsGraph.TOKEN, r.authorization(), "the app's token on " + r.path());
        }
    }

    @Test
    void without_graphs_id_the_meeting_is_found_by_its_join_link() {
        publishFive();

        AttendanceAnswer answer = attendance.fetch(TENANT, new OnlineMeeting(ORGANISER, null, JOIN, START));

        assertInstanceOf(AttendanceAnswer.Obtained.class, answer);
        FakeMeetingsGraph.Received first = graph.received().get(0);
        assertEquals("/v1.0/users/" + ORGANISER + "/onlineMeetings", first.path());
        assertEquals("JoinWebUrl eq '" + JOIN + "'", first.query().get("$filter"));
    }

    @Test
    void a_join_link_graph_does_not_know_is_not_found() {
        AttendanceAnswer answer = attendance.fetch(TENANT, new OnlineMeeting(ORGANISER, null,
                "https://teams.microsoft.com/l/meetup-join/other", START));

        AttendanceAnswer.NotFound notFound = assertInstanceOf(AttendanceAnswer.NotFound.class, answer);
        assertTrue(notFound.problem().contains("join link"), notFound.problem());
        assertTrue(notFound.mayYetAppear(), "Graph may not know a meeting that has only just ended");
    }

    @Test
    void a_meeting_graph_cannot_find_is_not_found() {
        AttendanceAnswer answer = attendance.fetch(TENANT, new OnlineMeeting(ORGANISER, "no-such-meeting", null,
                START));

        AttendanceAnswer.NotFound notFound = assertInstanceOf(AttendanceAnswer.NotFound.class, answer);
        assertTrue(notFound.problem().contains("404"), notFound.problem());
        assertTrue(notFound.mayYetAppear());
    }

    @Test
    void no_report_yet_is_not_yet() {
        assertInstanceOf(AttendanceAnswer.NotYet.class, attendance.fetch(TENANT,
                new OnlineMeeting(ORGANISER, MEETING, JOIN, START)));
    }

    @Test
    void of_several_sessions_the_report_nearest_the_start_is_read() {
        graph.report(MEETING, "earlier", START.minus(Duration.ofDays(28)), END.minus(Duration.ofDays(28)),
                List.of(attendee("u-x", "Someone Else", null, START, END)));
        publishFive();

        AttendanceAnswer answer = attendance.fetch(TENANT, new OnlineMeeting(ORGANISER, MEETING, JOIN,
                START.plusSeconds(120)));

        assertEquals(5, assertInstanceOf(AttendanceAnswer.Obtained.class, answer).report().attendees().size());
        assertTrue(graph.paths().get(1).endsWith("/report-1/attendanceRecords"));
    }

    @Test
    void throttling_honours_retry_after_then_succeeds() {
        publishFive();
        graph.fail(429, Map.of("Retry-After", "1"), FakeMeetingsGraph.error("TooManyRequests", "slow down"));

        AttendanceAnswer answer = attendance.fetch(TENANT, new OnlineMeeting(ORGANISER, MEETING, JOIN, START));

        assertInstanceOf(AttendanceAnswer.Obtained.class, answer);
        assertEquals(5, graph.received().size(), "the throttled call once more, then reports and three pages");
        assertEquals(List.of(Duration.ofSeconds(1)), retries.all(), "waited as Retry-After said");
    }

    @Test
    void a_retry_after_longer_than_we_may_wait_becomes_busy_with_the_wait_asked_for() {
        graph.fail(429, Map.of("Retry-After", "600"), FakeMeetingsGraph.error("TooManyRequests", "slow down"));

        AttendanceAnswer answer = attendance.fetch(TENANT, new OnlineMeeting(ORGANISER, MEETING, JOIN, START));

        AttendanceAnswer.Busy busy = assertInstanceOf(AttendanceAnswer.Busy.class, answer);
        assertEquals(Duration.ofSeconds(600), busy.retryAfter());
        assertEquals(1, graph.received().size(), "not retried in line");
        assertEquals(List.of(), retries.all(), "no wait asked for");
    }

    @Test
    void unavailable_is_retried_with_back_off_and_bounded() {
        for (int i = 0; i < 6; i++) {
            graph.fail(i % 2 == 0 ? 503 : 504, Map.of(), "");
        }

        AttendanceAnswer answer = attendance.fetch(TENANT, new OnlineMeeting(ORGANISER, MEETING, JOIN, START));

        assertInstanceOf(AttendanceAnswer.Busy.class, answer);
        assertEquals(4, graph.received().size(), "the first try and three retries");
        retries.assertBackOff(Duration.ofSeconds(1), 3);
    }

    @Test
    void forbidden_names_the_permission_consent_and_policy() {
        graph.fail(403, Map.of(), FakeMeetingsGraph.error("Forbidden", "Insufficient privileges."));

        String problem = assertInstanceOf(AttendanceAnswer.Refused.class, attendance.fetch(TENANT,
                new OnlineMeeting(ORGANISER, MEETING, JOIN, START))).problem();

        assertTrue(problem.contains("OnlineMeetingArtifact.Read.All") && problem.contains("OnlineMeetingArtifact"
                + ".Read.Chat") && problem.contains("application access policy"), problem);
        assertTrue(!problem.contains("app-secret") && !problem.contains(FakeMeetingsGraph.TOKEN), problem);
    }

    @Test
    void a_missing_application_access_policy_is_named_as_such() {
        graph.fail(403, Map.of(), FakeMeetingsGraph.error("General",
                "No Application Access Policy found for this app."));

        String problem = assertInstanceOf(AttendanceAnswer.Refused.class, attendance.fetch(TENANT,
                new OnlineMeeting(ORGANISER, MEETING, JOIN, START))).problem();

        assertTrue(problem.startsWith("Microsoft Graph refused BoardClerk (HTTP 403): no application access policy"),
                problem);
        assertTrue(problem.contains("Grant-CsApplicationAccessPolicy"), problem);
    }

    @Test
    void unauthorised_is_refused_too() {
        graph.fail(401, Map.of(), FakeMeetingsGraph.error("InvalidAuthenticationToken", "no"));

        assertInstanceOf(AttendanceAnswer.Refused.class, attendance.fetch(TENANT,
                new OnlineMeeting(ORGANISER, MEETING, JOIN, START)));
    }

    @Test
    void a_malformed_answer_fails_cleanly() {
        graph.fail(200, Map.of(), "{\"value\":[{\"id\":");

        String problem = assertInstanceOf(AttendanceAnswer.Failed.class, attendance.fetch(TENANT,
                new OnlineMeeting(ORGANISER, MEETING, JOIN, START))).problem();

        assertTrue(problem.contains("could not be read"), problem);
    }

    @Test
    void a_timeout_fails_cleanly() {
        publishFive();
        graph.stall(3_000);
        GraphAttendance impatient = new GraphAttendance(settings(graph, 1, 0));

        String problem = assertInstanceOf(AttendanceAnswer.Failed.class, impatient.fetch(TENANT,
                new OnlineMeeting(ORGANISER, MEETING, JOIN, START))).problem();

        assertTrue(problem.contains("did not answer in time"), problem);
    }

    @Test
    void an_unknown_organiser_or_tenant_is_not_found_without_asking_graph() {
        assertInstanceOf(AttendanceAnswer.NotFound.class, attendance.fetch(TENANT,
                new OnlineMeeting(null, MEETING, JOIN, START)));
        assertInstanceOf(AttendanceAnswer.NotFound.class, attendance.fetch("",
                new OnlineMeeting(ORGANISER, MEETING, JOIN, START)));
        assertEquals(0, graph.received().size());
    }
}
