package io.boardclerk.storage;

import io.boardclerk.core.attendance.AttendanceRetriever;
import io.boardclerk.core.clerk.Clerk;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.clerk.RosterEntry;
import io.boardclerk.core.clerk.Sender;
import io.boardclerk.core.model.AttendanceFetch;
import io.boardclerk.core.model.AttendanceReport;
import io.boardclerk.core.model.AttendanceReport.Attendee;
import io.boardclerk.core.model.AttendanceReport.Session;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.port.AttendanceAnswer;
import io.boardclerk.core.port.AttendanceSource;
import io.boardclerk.core.port.MeetingLocator;
import io.boardclerk.core.view.MinutesDraft;
import io.boardclerk.core.view.MinutesDrafter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attendance fetch's whole life on a real SQLite file: queued as the Teams meeting ends, tried when due (with a
 * scripted Teams and Graph here; the real ones are tested through the SDK and over HTTP), kept across failures,
 * bounded, posted once, and read back by {@code attendance}, {@code quorum} and the minutes draft.
 */
class AttendanceOnSqliteTest extends LedgerStoreTestSupport {

    private static final Conversation BOARD = new Conversation(TENANT, "19:meeting_fen@thread.v2",
            Conversation.Kind.MEETING, "Fenshire Board");
    private static final Sender HELEN = new Sender("29:helen", "aad-helen", "Helen Marsh", Sender.Standing.VOUCHED);
    private static final Sender CLAIRE = new Sender("29:claire", "aad-claire", "Claire Dunmore", Sender.Standing.VOUCHED);
    private static final Sender NINA = new Sender("29:nina", "aad-nina", "Nina Hart", Sender.Standing.VOUCHED);
    private static final Instant START = Instant.parse("2026-05-26T09:00:00Z");
    private static final Instant END = START.plus(Duration.ofMinutes(90));
    private static final String TEAMS_MEETING = "MCMxOTptZWV0aW5nX2Zlbg==";

    private final MovableClock clock = new MovableClock(END);
    private final Deque<AttendanceAnswer> answers = new ArrayDeque<>();
    private final List<AttendanceSource.OnlineMeeting> asked = new ArrayList<>();
    private final List<String> located = new ArrayList<>();
    private final List<String> posted = new ArrayList<>();
    private boolean postFails;
    private Clerk clerk;
    private AttendanceRetriever retriever;

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void setUp() {
        clerk = new Clerk(store, ZoneId.of("Europe/London")).attendanceFromTeams(true);
        clerk.syncRoster(BOARD, List.of(new RosterEntry("29:helen", "aad-helen", "Helen Marsh"),
                new RosterEntry("29:claire", "aad-claire", "Claire Dunmore"),
                new RosterEntry("29:jon", "aad-jon", "Jon Leigh"),
                new RosterEntry("29:jane", "aad-jane", "Jane Gifford"),
                new RosterEntry("29:vic", "aad-vic", "Vic Evers"),
                new RosterEntry("29:nina", "aad-nina", "Nina Hart")), true);
        say(HELEN, "chair Helen Marsh");
        say(HELEN, "secretary Claire Dunmore");
        say(HELEN, "Members: Jon Leigh, Chief Finance Officer In attendance: Claire Dunmore, Business Support "
                + "Officer");
        writeDo(l -> l.setServiceUrl(board().id(), "https://smba.example/teams/"));
        retriever = new AttendanceRetriever(store, (serviceUrl, teamsId) -> {
            located.add(serviceUrl + "|" + teamsId);
            return new MeetingLocator.Found("aad-helen", "graph-meeting-1", "https://teams.example/join/1");
        }, (tenant, meeting) -> {
            asked.add(meeting);
            return answers.isEmpty() ? new AttendanceAnswer.NotYet() : answers.poll();
        }, (board, markdown) -> {
            if (postFails) {
                return false;
            }
            posted.add(board.name() + ": " + markdown);
            return true;
        }, clock, ZoneId.of("Europe/London"));
    }

    private Board board() {
        return read(l -> l.findBoard(TENANT, BOARD.conversationId()).orElseThrow());
    }

    private String say(Sender who, String text) {
        return say(clerk, BOARD, who, text, clock.instant());
    }

    private Meeting heldMeeting() {
        clerk.onMeetingStart(BOARD, "start-1", TEAMS_MEETING, "Fenshire Board", START, START);
        say(HELEN, "apologies Vic Evers");
        clerk.onMeetingEnd(BOARD, "end-1", TEAMS_MEETING, END);
        return read(l -> l.meetingByTeamsId(board().id(), TEAMS_MEETING).orElseThrow());
    }

    private AttendanceFetch fetch(Meeting meeting) {
        return read(l -> l.attendanceFetch(meeting.id()).orElseThrow());
    }

    private static AttendanceReport report() {
        return new AttendanceReport(START, END, List.of(
                new Attendee("Helen Marsh", null, "aad-helen", "Organizer", List.of(new Session(START, END))),
                new Attendee("Claire Dunmore", null, "aad-claire", "Attendee", List.of(new Session(START, END))),
                new Attendee("Jon Leigh", null, "aad-jon", "Attendee",
                        List.of(new Session(START.plus(Duration.ofMinutes(20)), END))),
                new Attendee("Ann Other", "ann@elsewhere.example", null, "Attendee",
                        List.of(new Session(START, START.plus(Duration.ofMinutes(30)))))));
    }

    @Test
    void the_meetings_end_queues_a_fetch_five_minutes_on_and_nothing_is_asked_before() {
        Meeting meeting = heldMeeting();

        AttendanceFetch fetch = fetch(meeting);
        assertEquals(AttendanceFetch.State.PENDING, fetch.state());
        assertEquals(END.plus(Duration.ofMinutes(5)), fetch.nextTryAt());
        assertEquals(TEAMS_MEETING, fetch.teamsMeetingId());
        clock.advance(Duration.ofMinutes(4));
        assertEquals(0, retriever.runDue());
        assertTrue(asked.isEmpty());
    }

    @Test
    void a_fetch_one_run_has_taken_is_not_taken_by_another_until_its_lease_is_out() {
        Meeting meeting = heldMeeting();
        clock.advance(Duration.ofMinutes(5));
        Instant now = clock.instant();
        Instant lease = now.plus(Duration.ofMinutes(10));
        try (Database other = reopen()) {
            assertEquals(List.of(meeting.id()), write(l -> l.claimDueAttendanceFetches(now, lease)).stream()
                    .map(AttendanceFetch::meetingId).toList());
            assertEquals(List.of(), other.inTransaction(l -> l.claimDueAttendanceFetches(now.plusSeconds(1),
                    lease.plusSeconds(1))), "another instance's run finds it taken");
            assertEquals(1, other.inTransaction(l -> l.claimDueAttendanceFetches(lease, lease.plus(
                    Duration.ofMinutes(10)))).size(), "the first run died: once its lease is out, it is taken again");
        }
    }

    @Test
    void not_yet_is_tried_again_with_back_off_then_obtained_stored_and_posted_once() {
        Meeting meeting = heldMeeting();
        clock.advance(Duration.ofMinutes(5));

        assertEquals(1, retriever.runDue());
        AttendanceFetch waiting = fetch(meeting);
        assertEquals(1, waiting.tries());
        assertEquals(clock.instant().plus(Duration.ofMinutes(5)), waiting.nextTryAt());
        assertEquals(List.of("https://smba.example/teams/|" + TEAMS_MEETING), located);
        assertEquals(new AttendanceSource.OnlineMeeting("aad-helen", "graph-meeting-1",
                "https://teams.example/join/1", START), asked.get(0));
        assertTrue(say(NINA, "attendance").contains("not available yet"));

        answers.add(new AttendanceAnswer.Obtained(report()));
        clock.advance(Duration.ofMinutes(5));
        retriever.runDue();

        assertEquals(1, located.size(), "the meeting details are asked once and kept");
        assertEquals(AttendanceFetch.State.OBTAINED, fetch(meeting).state());
        assertTrue(fetch(meeting).posted());
        assertEquals(1, posted.size());
        String post = posted.get(0);
        assertTrue(post.contains("**Members present** (2): Helen Marsh; Jon Leigh, Chief Finance Officer (joined late)"), post);
        assertTrue(post.contains("**In attendance** (1): Claire Dunmore, Business Support Officer"), post);
        assertTrue(post.contains("**Apologies** (1): Vic Evers"), post);
        assertTrue(post.contains("**Absent without apologies** (2): Jane Gifford; Nina Hart"), post);
        assertTrue(post.contains("**Guests (not on the board)** (1): Ann Other"), post);
        assertFalse(post.contains("ann@elsewhere.example"), "addresses are for officers only");
        clock.advance(Duration.ofHours(1));
        assertEquals(0, retriever.runDue(), "posted once");
        assertEquals(1, posted.size());
    }

    @Test
    void a_post_that_fails_is_tried_again_and_the_report_is_not_asked_for_twice() {
        Meeting meeting = heldMeeting();
        answers.add(new AttendanceAnswer.Obtained(report()));
        postFails = true;
        clock.advance(Duration.ofMinutes(5));
        retriever.runDue();
        assertFalse(fetch(meeting).posted());

        postFails = false;
        retriever.runDue();

        assertEquals(1, posted.size());
        assertEquals(1, asked.size());
    }

    @Test
    void tries_are_bounded_then_an_officer_asking_gets_exactly_one_more() {
        Meeting meeting = heldMeeting();
        for (int i = 0; i < AttendanceRetriever.MAX_TRIES; i++) {
            clock.advance(Duration.ofHours(1));
            retriever.runDue();
        }
        AttendanceFetch gaveUp = fetch(meeting);
        assertEquals(AttendanceFetch.State.GAVE_UP, gaveUp.state());
        assertEquals(AttendanceRetriever.MAX_TRIES, gaveUp.tries());
        assertNull(gaveUp.nextTryAt());
        clock.advance(Duration.ofHours(1));
        assertEquals(0, retriever.runDue());

        String member = say(NINA, "attendance");
        assertTrue(member.contains("could not be obtained after 6 tries") && member.contains("chair or secretary"),
                member);
        assertEquals(AttendanceFetch.State.GAVE_UP, fetch(meeting).state(), "a member's asking changes nothing");
        String officer = say(CLAIRE, "attendance");
        assertTrue(officer.contains("trying once more"), officer);
        retriever.runDue();
        assertEquals(AttendanceFetch.State.GAVE_UP, fetch(meeting).state());
        assertEquals(AttendanceRetriever.MAX_TRIES + 1, asked.size());
    }

    @Test
    void refused_stops_and_says_which_permission_is_missing() {
        Meeting meeting = heldMeeting();
        answers.add(new AttendanceAnswer.Refused("Microsoft Graph refused BoardClerk (HTTP 403): ... "
                + "OnlineMeetingArtifact.Read.All ..."));
        clock.advance(Duration.ofMinutes(5));
        retriever.runDue();

        assertEquals(AttendanceFetch.State.REFUSED, fetch(meeting).state());
        clock.advance(Duration.ofHours(2));
        assertEquals(0, retriever.runDue(), "no retry until someone has put it right and asks");
        String reply = say(NINA, "attendance");
        assertTrue(reply.contains("refused") && reply.contains("OnlineMeetingArtifact.Read.All"), reply);
    }

    @Test
    void busy_waits_at_least_as_long_as_graph_asked() {
        Meeting meeting = heldMeeting();
        answers.add(new AttendanceAnswer.Busy("busy", Duration.ofMinutes(30)));
        clock.advance(Duration.ofMinutes(5));
        retriever.runDue();

        assertEquals(clock.instant().plus(Duration.ofMinutes(30)), fetch(meeting).nextTryAt());
    }

    @Test
    void a_meeting_graph_does_not_know_just_after_it_ended_is_asked_for_again() {
        Meeting meeting = heldMeeting();
        answers.add(new AttendanceAnswer.NotFound("Microsoft Graph cannot find the online meeting (HTTP 404).",
                true));
        answers.add(new AttendanceAnswer.Obtained(report()));
        clock.advance(Duration.ofMinutes(5));
        retriever.runDue();

        assertEquals(AttendanceFetch.State.PENDING, fetch(meeting).state(), "just after the meeting: asked again");
        clock.advance(AttendanceRetriever.backOff(1));
        retriever.runDue();
        assertEquals(AttendanceFetch.State.OBTAINED, fetch(meeting).state());
    }

    @Test
    void a_meeting_graph_still_does_not_know_on_the_third_try_is_not_found_and_says_why() {
        Meeting later = heldMeeting();
        for (int i = 0; i < AttendanceRetriever.NOT_FOUND_TRIES; i++) {
            answers.add(new AttendanceAnswer.NotFound("Microsoft Graph cannot find the online meeting (HTTP 404).",
                    true));
        }
        clock.advance(Duration.ofMinutes(5));
        for (int tries = 1; tries <= AttendanceRetriever.NOT_FOUND_TRIES; tries++) {
            retriever.runDue();
            clock.advance(AttendanceRetriever.backOff(tries));
        }
        assertEquals(AttendanceFetch.State.NOT_FOUND, fetch(later).state());
        assertTrue(say(NINA, "attendance").contains("HTTP 404"));
    }

    @Test
    void a_meeting_teams_does_not_know_is_not_found_and_not_retried() {
        retriever = new AttendanceRetriever(store, (url, id) -> new MeetingLocator.Unknown("Teams does not know it."),
                (tenant, meeting) -> new AttendanceAnswer.NotYet(), (b, m) -> true, clock, ZoneId.of("UTC"));
        Meeting meeting = heldMeeting();
        clock.advance(Duration.ofMinutes(5));
        retriever.runDue();

        assertEquals(AttendanceFetch.State.NOT_FOUND, fetch(meeting).state());
        assertTrue(say(NINA, "attendance").contains("Teams does not know it."));
    }

    @Test
    void attendance_tells_members_and_officers_apart_and_the_draft_takes_its_lists_from_the_report() {
        Meeting meeting = heldMeeting();
        say(CLAIRE, "quorum 4");
        answers.add(new AttendanceAnswer.Obtained(report()));
        clock.advance(Duration.ofMinutes(5));
        retriever.runDue();

        String member = say(NINA, "attendance");
        String officer = say(CLAIRE, "attendance");
        assertFalse(member.contains("ann@elsewhere.example"));
        assertTrue(officer.contains("Ann Other, ann@elsewhere.example"), officer);
        assertTrue(member.contains("The meeting was not quorate: 2 of 5 members present; the quorum is 4."), member);

        MinutesDraft draft = read(l -> MinutesDrafter.draft(l, l.meeting(meeting.id()).orElseThrow()));
        assertEquals(List.of("Helen Marsh", "Jon Leigh, Chief Finance Officer"), draft.members());
        assertEquals(List.of("Claire Dunmore, Business Support Officer"), draft.inAttendance());
        List<String> welcome = draft.sections().get(0).paragraphs().stream().map(MinutesDraft.Paragraph::text)
                .toList();
        assertEquals(List.of("Apologies were received from Vic Evers.",
                "Absent without apologies: Jane Gifford; Nina Hart.",
                "The meeting was not quorate: 2 of 5 members present; the quorum is 4."), welcome);
    }

    @Test
    void quorum_is_shown_to_anyone_set_by_officers_only_and_cleared() {
        assertTrue(say(NINA, "quorum").contains("has no quorum set"));
        String refused = say(NINA, "quorum 3");
        assertTrue(refused.contains("chair") && refused.contains("secretary"), refused);
        assertTrue(read(l -> l.quorum(board().id())).isEmpty());

        assertTrue(say(CLAIRE, "quorum 3").contains("is now 3 members"));
        assertEquals(3, read(l -> l.quorum(board().id())).getAsInt());
        String shown = say(NINA, "quorum");
        assertTrue(shown.contains("is 3 members"), shown);
        assertTrue(say(HELEN, "quorum 0").contains("from 1 to 99"));
        say(HELEN, "quorum off");
        assertTrue(read(l -> l.quorum(board().id())).isEmpty());
    }

    @Test
    void without_a_report_the_draft_still_says_whether_the_roster_made_a_quorum() {
        Meeting meeting = heldMeeting();
        say(CLAIRE, "quorum 3");

        MinutesDraft draft = read(l -> MinutesDrafter.draft(l, l.meeting(meeting.id()).orElseThrow()));

        assertEquals("The meeting was quorate: 4 of 5 members present; the quorum is 3.",
                draft.sections().get(0).paragraphs().get(1).text());
    }

    @Test
    void with_graph_off_nothing_is_queued_and_attendance_says_what_enabling_takes() {
        clerk = new Clerk(store, ZoneId.of("Europe/London"));
        Meeting meeting = heldMeeting();

        assertTrue(read(l -> l.attendanceFetch(meeting.id())).isEmpty());
        String reply = say(NINA, "attendance");
        assertTrue(reply.contains("Attendance from Teams is off") && reply.contains("BOARDCLERK_GRAPH=on"), reply);
    }

    @Test
    void a_meeting_still_under_way_has_no_report_yet() {
        clerk.onMeetingStart(BOARD, "start-2", TEAMS_MEETING, "Fenshire Board", START, START);

        assertTrue(say(NINA, "attendance").contains("still under way"));
    }

    @Test
    void ending_a_teams_meeting_by_command_queues_the_fetch_too() {
        clerk.onMeetingStart(BOARD, "start-3", TEAMS_MEETING, "Fenshire Board", START, START);
        say(CLAIRE, "end meeting");

        Meeting meeting = read(l -> l.meetingByTeamsId(board().id(), TEAMS_MEETING).orElseThrow());
        assertEquals(AttendanceFetch.State.PENDING, fetch(meeting).state());
    }

    @Test
    void the_rosters_addresses_are_kept_and_match_attendees_without_an_object_id() {
        clerk.syncRoster(BOARD, List.of(new RosterEntry("29:jane", "aad-jane", "Jane Gifford",
                "jane.gifford@fenshire.example")), false);
        Meeting meeting = heldMeeting();
        answers.add(new AttendanceAnswer.Obtained(new AttendanceReport(START, END, List.of(new Attendee(
                "Gifford, J", "JANE.GIFFORD@fenshire.example", null, "Attendee", List.of(new Session(START, END)))))));
        clock.advance(Duration.ofMinutes(5));
        retriever.runDue();

        assertEquals(java.util.Map.of(read(l -> l.personByTeamsId(board().id(), "29:jane").orElseThrow().id()),
                "jane.gifford@fenshire.example"), read(l -> l.personAddresses(board().id())));
        assertTrue(posted.get(0).contains("**Members present** (1): Jane Gifford"), posted.get(0));
    }

    @Test
    void a_source_that_throws_costs_one_try_and_holds_up_no_other_fetch() {
        retriever = new AttendanceRetriever(store, (url, id) -> new MeetingLocator.Found("aad-helen", "g", null),
                (tenant, meeting) -> {
                    throw new IllegalStateException("surprise");
                }, (b, m) -> true, clock, ZoneId.of("UTC"));
        Meeting meeting = heldMeeting();
        clock.advance(Duration.ofMinutes(5));

        assertEquals(1, retriever.runDue());

        AttendanceFetch fetch = fetch(meeting);
        assertEquals(AttendanceFetch.State.PENDING, fetch.state());
        assertEquals(1, fetch.tries());
        assertTrue(fetch.problem().contains("IllegalStateException"), fetch.problem());
    }
}
