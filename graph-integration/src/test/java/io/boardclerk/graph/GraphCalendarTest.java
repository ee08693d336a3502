package io.boardclerk.graph;

import io.boardclerk.core.port.CalendarSource.Answer;
import io.boardclerk.core.port.CalendarSource.Occurrence;
import io.boardclerk.graph.fake.FakeCalendarGraph;
import io.boardclerk.graph.fake.FakeCalendarGraph.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The organiser's calendar through the real Graph SDK and azure-identity, against a fake Graph on loopback. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GraphCalendarTest {

    static final String TENANT = "11111111-2222-3333-4444-555555555555";
    static final String CLAIRE_ID = "0c0c0c0c-0000-0000-0000-00000000000c";
    static final String CLAIRE = "claire.dunmore@fenshire.example";
    static final String JOIN = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_Fen%40thread.v2/0";
    static final Instant FROM = Instant.parse("2026-11-23T00:00:00Z");
    static final Instant TO = Instant.parse("2027-11-23T00:00:00Z");

    private FakeCalendarGraph graph;
    private GraphCalendar calendar;
    private final RecordedWaits retries = new RecordedWaits();

    @BeforeEach
    void start() throws Exception {
        graph = new FakeCalendarGraph().user(CLAIRE_ID, CLAIRE).pageSize(2);
        calendar = new GraphCalendar(new GraphClients(settings(graph, 20, 1), retries));
    }

    static GraphSettings settings(FakeCalendarGraph graph, int timeoutSeconds, long retryDelay) {
        return new GraphSettings("app-id", "app-secret", null, null, "", graph.authority(), graph.baseUrl(),
                Duration.ofSeconds(timeoutSeconds), 3, retryDelay, Duration.ofSeconds(5), 100, Duration.ofMinutes(5));
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    private void fiveBoards() {
        for (int i = 0; i < 5; i++) {
            graph.event(CLAIRE, new Event("occ-" + i, "series-board", "Fenshire Board",
                    Instant.parse("2027-0" + (i + 1) + "-14T10:00:00Z"), i == 2 ? "" : "Police Headquarters",
                    i == 2 ? JOIN : null, i == 4));
        }
        graph.event(CLAIRE, new Event("lunch", null, "Lunch", Instant.parse("2027-01-15T12:00:00Z"), null, null,
                false));
        graph.event(CLAIRE, new Event("long-ago", "series-board", "Fenshire Board",
                Instant.parse("2026-05-14T09:00:00Z"), null, null, false));
    }

    @Test
    void every_page_of_the_window_is_read_at_the_exact_path_with_the_apps_token_and_utc_times() {
        fiveBoards();

        Answer answer = calendar.read(TENANT, CLAIRE, FROM, TO);

        List<Occurrence> occurrences = assertInstanceOf(Answer.Obtained.class, answer).occurrences();
        assertEquals(List.of("occ-0", "lunch", "occ-1", "occ-2", "occ-3", "occ-4"),
                occurrences.stream().map(Occurrence::eventId).toList(), "in the window only, every page");
        Occurrence third = occurrences.get(3);
        assertEquals("series-board", third.seriesMasterId());
        assertEquals(Instant.parse("2027-03-14T10:00:00Z"), third.start());
        assertEquals(JOIN, third.joinUrl());
        assertEquals("Police Headquarters", occurrences.get(0).location());
        assertNull(occurrences.get(1).seriesMasterId());
        assertTrue(occurrences.get(5).cancelled());
        assertFalse(occurrences.get(4).cancelled());

        List<FakeCalendarGraph.Received> received = graph.received();
        assertEquals(3, received.size(), "six events in pages of two");
        FakeCalendarGraph.Received first = received.get(0);
        assertEquals("/v1.0/users/claire.dunmore%40fenshire.example/calendarView", first.path(), "the address escaped");
        assertEquals("2026-11-23T00:00:00Z", first.query().get("startDateTime"));
        assertEquals("2027-11-23T00:00:00Z", first.query().get("endDateTime"));
        assertEquals(String.join(",", GraphCalendar.FIELDS), first.query().get("$select"));
        assertEquals("50", first.query().get("$top"));
        assertEquals("4", received.get(2).query().get("$skip"), "the third page follows the second's next link");
        for (FakeCalendarGraph.Received r : received) {
            assertEquals("Bearer " + FakeCalendarGraph.TOKEN, r.authorization(), "the token reaches the Graph host");
            assertEquals("outlook.timezone=\"UTC\"", r.prefer());
        }
    }

    @Test
    void an_organiser_graph_does_not_know_is_not_found() {
        Answer answer = calendar.read(TENANT, "nobody@fenshire.example", FROM, TO);

        String problem = assertInstanceOf(Answer.NotFound.class, answer).problem();
        assertTrue(problem.contains("no user with that address"), problem);
    }

    @Test
    void no_tenant_or_no_organiser_is_not_found_without_asking_graph() {
        assertInstanceOf(Answer.NotFound.class, calendar.read("", CLAIRE, FROM, TO));
        assertInstanceOf(Answer.NotFound.class, calendar.read(TENANT, " ", FROM, TO));
        assertEquals(0, graph.received().size());
    }

    @Test
    void throttling_honours_retry_after_then_succeeds() {
        fiveBoards();
        graph.fail(429, Map.of("Retry-After", "1"), FakeCalendarGraph.error("TooManyRequests", "slow down"));

        assertInstanceOf(Answer.Obtained.class, calendar.read(TENANT, CLAIRE, FROM, TO));
        assertEquals(4, graph.received().size(), "the throttled call once more, then three pages");
        assertEquals(List.of(Duration.ofSeconds(1)), retries.all(), "waited as Retry-After said");
    }

    @Test
    void a_retry_after_longer_than_we_may_wait_fails_without_waiting() {
        graph.fail(429, Map.of("Retry-After", "600"), FakeCalendarGraph.error("TooManyRequests", "slow down"));

        String problem = assertInstanceOf(Answer.Failed.class, calendar.read(TENANT, CLAIRE, FROM, TO)).problem();

        assertTrue(problem.contains("busy (HTTP 429)"), problem);
        assertEquals(1, graph.received().size(), "not retried in line");
        assertEquals(List.of(), retries.all(), "no wait asked for");
    }

    @Test
    void unavailable_is_retried_with_back_off_and_bounded() {
        for (int i = 0; i < 6; i++) {
            graph.fail(i % 2 == 0 ? 503 : 504, Map.of(), "");
        }

        assertInstanceOf(Answer.Failed.class, calendar.read(TENANT, CLAIRE, FROM, TO));
        assertEquals(4, graph.received().size(), "the first try and three retries");
        retries.assertBackOff(Duration.ofSeconds(1), 3);
    }

    @Test
    void forbidden_names_the_permission() {
        graph.fail(403, Map.of(), FakeCalendarGraph.error("ErrorAccessDenied", "Access is denied."));

        String problem = assertInstanceOf(Answer.Refused.class, calendar.read(TENANT, CLAIRE, FROM, TO)).problem();

        assertTrue(problem.contains("HTTP 403") && problem.contains("Calendars.Read"), problem);
        assertTrue(!problem.contains("app-secret") && !problem.contains(FakeCalendarGraph.TOKEN), problem);
    }

    @Test
    void an_access_policy_that_leaves_the_organiser_out_is_named_as_such() {
        graph.fail(403, Map.of(), FakeCalendarGraph.error("ErrorAccessDenied",
                "Access to OData is disabled: blocked by tenant configured AppOnly AccessPolicy settings."));

        String problem = assertInstanceOf(Answer.Refused.class, calendar.read(TENANT, CLAIRE, FROM, TO)).problem();

        assertTrue(problem.contains("application access policy"), problem);
    }

    @Test
    void unauthorised_is_refused_too() {
        graph.fail(401, Map.of(), FakeCalendarGraph.error("InvalidAuthenticationToken", "no"));

        String problem = assertInstanceOf(Answer.Refused.class, calendar.read(TENANT, CLAIRE, FROM, TO)).problem();
        assertTrue(problem.contains("HTTP 401") && problem.contains("Calendars.Read"), problem);
    }

    @Test
    void a_malformed_answer_fails_cleanly() {
        graph.fail(200, Map.of(), "{\"value\":[{\"id\":");

        String problem = assertInstanceOf(Answer.Failed.class, calendar.read(TENANT, CLAIRE, FROM, TO)).problem();

        assertTrue(problem.contains("could not be read"), problem);
    }

    @Test
    void an_event_without_a_start_or_with_a_nonsense_one_fails_the_whole_read() {
        graph.fail(200, Map.of(), "{\"value\":[{\"id\":\"occ-1\",\"subject\":\"Fenshire Board\"}]}");
        graph.fail(200, Map.of(), "{\"value\":[{\"id\":\"occ-1\",\"start\":{\"dateTime\":\"next Tuesday\","
                + "\"timeZone\":\"UTC\"}}]}");
        graph.fail(200, Map.of(), "{\"odata\":\"no value\"}");

        assertTrue(assertInstanceOf(Answer.Failed.class, calendar.read(TENANT, CLAIRE, FROM, TO)).problem()
                .contains("without a start"));
        assertTrue(assertInstanceOf(Answer.Failed.class, calendar.read(TENANT, CLAIRE, FROM, TO)).problem()
                .contains("not a date and time"));
        assertTrue(assertInstanceOf(Answer.Failed.class, calendar.read(TENANT, CLAIRE, FROM, TO)).problem()
                .contains("no list of events"));
    }

    @Test
    void a_timeout_fails_cleanly() {
        fiveBoards();
        graph.stall(3_000);
        GraphCalendar impatient = new GraphCalendar(settings(graph, 1, 0));

        String problem = assertInstanceOf(Answer.Failed.class, impatient.read(TENANT, CLAIRE, FROM, TO)).problem();

        assertTrue(problem.contains("did not answer in time"), problem);
    }

    @Test
    void a_start_in_a_named_zone_is_read_in_that_zone() {
        com.microsoft.graph.models.DateTimeTimeZone start = new com.microsoft.graph.models.DateTimeTimeZone();
        start.setDateTime("2027-07-14T10:00:00.0000000");
        start.setTimeZone("Europe/London");
        assertEquals(Instant.parse("2027-07-14T09:00:00Z"), GraphCalendar.start(start));
        start.setTimeZone("UTC");
        assertEquals(Instant.parse("2027-07-14T10:00:00Z"), GraphCalendar.start(start));
    }
}
