package io.boardclerk.storage;

import io.boardclerk.core.clerk.CalendarSync;
import io.boardclerk.core.clerk.Card;
import io.boardclerk.core.clerk.CardOutcome;
import io.boardclerk.core.clerk.CardTurn;
import io.boardclerk.core.clerk.Clerk;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.clerk.RosterEntry;
import io.boardclerk.core.clerk.Sender;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.MeetingStatus;
import io.boardclerk.core.model.RecordingKind;
import io.boardclerk.core.model.Source;
import io.boardclerk.core.port.CalendarSource;
import io.boardclerk.core.port.CalendarSource.Occurrence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Following an Outlook calendar against a real SQLite file: the sync's rules (new, moved, cancelled, gone, held
 * meetings untouched, summer and winter time) with the calendar itself stood in for by a list of occurrences.
 */
class CalendarSyncOnSqliteTest extends LedgerStoreTestSupport {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String CLAIRE = "claire.dunmore@fenshire.example";
    static final String JOIN = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_Fen%40thread.v2/0";
    private static final Conversation BOARD = new Conversation(TENANT, "19:board-a@thread.v2",
            Conversation.Kind.GROUP_CHAT, "Fenshire Board");
    private static final Sender SECRETARY = new Sender("29:claire", "aad-claire", "Claire Dunmore", Sender.Standing.VOUCHED);
    private static final Sender MEMBER = new Sender("29:jon", "aad-jon", "Jon Leigh", Sender.Standing.VOUCHED);

    /** The organiser's calendar: occurrences by event id, or a canned failure. */
    private final Map<String, Occurrence> calendar = new LinkedHashMap<>();
    private final List<String> asked = new ArrayList<>();
    private final List<String> posted = new ArrayList<>();
    private CalendarSource.Answer failure;
    private final MutableClock clock = new MutableClock(T0);
    private Clerk clerk;
    private CalendarSync sync;
    private long board;
    private int presses;

    @BeforeEach
    void follow() {
        clerk = new Clerk(store, LONDON).calendarFromOutlook(true);
        // Teams lists each member's address: BoardClerk follows only the asker's or an officer's calendar.
        clerk.syncRoster(BOARD, List.of(new RosterEntry("29:claire", "aad-claire", "Claire Dunmore",
                "claire.dunmore@fenshire.example"), new RosterEntry("29:helen", "aad-helen", "Helen Marsh",
                "helen.marsh@fenshire.example"), new RosterEntry("29:jon", "aad-jon", "Jon Leigh",
                "jon.leigh@fenshire.example")), true);
        say(SECRETARY, "secretary Claire Dunmore");
        say(MEMBER, "my actions");
        CalendarSource source = (tenant, organiser, from, to) -> {
            asked.add(tenant + " " + organiser + " " + from + " " + to);
            return failure != null ? failure : new CalendarSource.Answer.Obtained(calendar.values().stream()
                    .filter(o -> !o.start().isBefore(from) && o.start().isBefore(to)).toList());
        };
        sync = new CalendarSync(store, source, (b, text) -> posted.add(b.name() + ": " + text), clock, LONDON);
        board = read(l -> l.findBoard(TENANT, BOARD.conversationId()).orElseThrow().id());
    }

    private String say(Sender sender, String text) {
        return say(clerk, BOARD, sender, text, clock.instant());
    }

    private void board(String id, String at, String location, String join) {
        calendar.put(id, new Occurrence(id, "series-board", "Fenshire Board", Instant.parse(at), location, join,
                false));
    }

    private List<Meeting> meetings() {
        return read(l -> l.meetings(board));
    }

    private void followClaire() {
        assertTrue(confirm(CLAIRE, "Fenshire Board").contains("Reading it now"));
    }

    /** The secretary presses "Follow this series" on the card {@code calendar <organiser>} showed. */
    private String confirm(String organiser, String series) {
        CardOutcome outcome = clerk.onCardAction(new CardTurn(BOARD, SECRETARY, Card.Verbs.SAY, Map.of(
                Card.Verbs.SAY_TEXT, "calendar follow " + organiser + " series \"" + series + "\"",
                Card.Verbs.BOARD, String.valueOf(board)), "press-" + (++presses),
                clock.instant()));
        return outcome.announcement() == null ? String.valueOf(outcome.message()) : outcome.announcement();
    }

    @Test
    void a_calendar_one_run_has_taken_is_not_read_by_another_until_its_lease_is_out() {
        followClaire();
        java.time.Instant due = read(l -> l.calendarFollow(board)).orElseThrow().nextSyncAt();
        java.time.Instant lease = due.plus(java.time.Duration.ofMinutes(10));
        try (Database other = reopen()) {
            assertEquals(1, write(l -> l.claimDueCalendarFollows(due, lease)).size());
            assertEquals(List.of(), other.inTransaction(l -> l.claimDueCalendarFollows(due.plusSeconds(1),
                    lease.plusSeconds(1))), "another instance's run finds it taken");
            assertEquals(lease, read(l -> l.calendarFollow(board)).orElseThrow().nextSyncAt());
            assertEquals(1, other.inTransaction(l -> l.claimDueCalendarFollows(lease, lease.plusSeconds(600)))
                    .size(), "the first run died: once its lease is out, the calendar is read again");
        }
    }

    @Test
    void occurrences_become_scheduled_meetings_at_london_time_in_summer_and_winter_and_a_resync_adds_none() {
        board("occ-jan", "2027-01-14T10:00:00Z", "Police Headquarters", null);   // GMT: 10:00 is 10:00Z
        board("occ-jul", "2027-07-15T09:00:00Z", "Microsoft Teams Meeting", JOIN);   // BST: 10:00 is 09:00Z
        calendar.put("other", new Occurrence("other", "series-audit", "Audit Committee",
                Instant.parse("2027-01-20T10:00:00Z"), null, null, false));
        calendar.put("lunch", new Occurrence("lunch", null, "Lunch", Instant.parse("2027-01-21T12:00:00Z"), null,
                null, false));
        followClaire();

        CalendarSync.Outcome outcome = sync.sync(board);

        assertTrue(outcome.ok(), outcome.summary());
        assertEquals("Read claire.dunmore@fenshire.example's calendar: 2 meetings of Fenshire Board in the next 12 "
                + "months, the next on 14th January 2027; 2 new, 0 moved, 0 cancelled.", outcome.summary());
        List<Meeting> meetings = meetings();
        assertEquals(2, meetings.size(), "the Board's series only");
        assertEquals(LocalDate.of(2027, 1, 14), meetings.get(0).date());
        assertEquals(LocalTime.of(10, 0), meetings.get(0).time());
        assertEquals("Police Headquarters", meetings.get(0).location());
        assertEquals(LocalDate.of(2027, 7, 15), meetings.get(1).date());
        assertEquals(LocalTime.of(10, 0), meetings.get(1).time(), "10:00 British Summer Time");
        assertEquals("Via Microsoft Teams", meetings.get(1).location());
        assertEquals(List.of(TENANT + " " + CLAIRE + " 2026-11-23T00:00:00Z 2027-11-23T00:00:00Z"), asked,
                "from the start of today for twelve months");

        assertTrue(sync.sync(board).summary().endsWith("0 new, 0 moved, 0 cancelled."));
        assertEquals(2, meetings().size(), "keyed by event id: nothing duplicated");
    }

    @Test
    void the_next_board_resolves_to_the_synced_date_without_anyone_typing_it() {
        board("occ-jan", "2027-01-14T10:00:00Z", "Police Headquarters", null);
        board("occ-mar", "2027-03-11T10:00:00Z", "Police Headquarters", null);
        followClaire();
        sync.sync(board);

        say(SECRETARY, "Action: Jon Leigh to report on road safety by the next Board.");

        assertEquals(LocalDate.of(2027, 1, 14), action(BOARD, 1).target().date());
    }

    @Test
    void a_moved_occurrence_moves_its_meeting_and_the_targets_on_it_and_says_so() {
        board("occ-jan", "2027-01-14T10:00:00Z", "Police Headquarters", null);
        board("occ-mar", "2027-03-11T10:00:00Z", "Police Headquarters", null);
        followClaire();
        sync.sync(board);
        say(SECRETARY, "Action: Jon Leigh to report on road safety by the next Board.");
        say(SECRETARY, "Action: Jon Leigh to circulate the estates paper by the next Board.");
        say(SECRETARY, "Action: Jon Leigh to brief members by 01/12/2026.");

        board("occ-jan", "2027-01-21T14:00:00Z", "Police Headquarters", null);
        CalendarSync.Outcome outcome = sync.sync(board);

        assertEquals(List.of("The Board of 14/01/2027 moved to 21/01/2027; actions 1.0 and 2.0 follow it."),
                outcome.changes());
        assertEquals(LocalDate.of(2027, 1, 21), meetings().get(0).date());
        assertEquals(LocalTime.of(14, 0), meetings().get(0).time());
        assertEquals(LocalDate.of(2027, 1, 21), action(BOARD, 1).target().date());
        assertEquals(LocalDate.of(2026, 12, 1), action(BOARD, 3).target().date(), "a dated target stays");
        assertEquals(2, meetings().size());
    }

    @Test
    void a_cancelled_occurrence_with_nothing_recorded_is_removed_and_its_targets_fall_on_the_next_board() {
        board("occ-jan", "2027-01-14T10:00:00Z", "Police Headquarters", null);
        board("occ-mar", "2027-03-11T10:00:00Z", "Police Headquarters", null);
        followClaire();
        sync.sync(board);
        say(SECRETARY, "Action: Jon Leigh to report on road safety by the next Board.");

        calendar.put("occ-jan", new Occurrence("occ-jan", "series-board", "Canceled: Fenshire Board",
                Instant.parse("2027-01-14T10:00:00Z"), "Police Headquarters", null, true));
        CalendarSync.Outcome outcome = sync.sync(board);

        assertEquals(List.of("The Board of 14/01/2027 was cancelled in the calendar; action 1.0 now falls on the next "
                + "Board, 11/03/2027."), outcome.changes());
        assertEquals(List.of(LocalDate.of(2027, 3, 11)), meetings().stream().map(Meeting::date).toList());
        assertEquals(0, queryLong("SELECT COUNT(*) FROM meetings WHERE date = '2027-01-14'"), "removed outright");
        assertEquals(LocalDate.of(2027, 3, 11), action(BOARD, 1).target().date());
        assertTrue(sync.sync(board).changes().isEmpty(), "said once");
    }

    @Test
    void an_occurrence_gone_from_the_series_with_apologies_recorded_is_kept_but_leaves_the_schedule() {
        board("occ-jan", "2027-01-14T10:00:00Z", "Police Headquarters", null);
        followClaire();
        sync.sync(board);
        say(SECRETARY, "Action: Jon Leigh to report on road safety by the next Board.");
        long january = meetings().get(0).id();
        writeDo(l -> l.addApology(january, null, "Nina Hart", null, l.addRecording(board, RecordingKind.APOLOGIES,
                new Source("apology-1", SECRETARY.teamsId(), SECRETARY.name(), "apologies: Nina Hart",
                        clock.instant()))));
        board("occ-mar", "2027-03-11T10:00:00Z", "Police Headquarters", null);

        calendar.remove("occ-jan");
        CalendarSync.Outcome outcome = sync.sync(board);

        assertEquals(List.of("The Board of 14/01/2027 was cancelled in the calendar; action 1.0 now falls on the next "
                + "Board, 11/03/2027."), outcome.changes());
        assertEquals(List.of(LocalDate.of(2027, 3, 11)), meetings().stream().map(Meeting::date).toList());
        assertEquals(1, queryLong("SELECT COUNT(*) FROM meetings WHERE date = '2027-01-14' AND cancelled_at IS NOT NULL"),
                "kept, with Nina Hart's apology");
        assertEquals(1, read(l -> l.apologies(january)).size());
    }

    @Test
    void synced_meetings_get_their_digests_and_a_meeting_the_calendar_cancels_loses_its_digest() {
        board("occ-jan", "2027-01-14T10:00:00Z", "Police Headquarters", null);
        followClaire();
        sync.sync(board);
        long january = meetings().get(0).id();
        assertEquals(1, queryLong("SELECT COUNT(*) FROM reminders WHERE kind = 'DIGEST' AND state = 'PENDING'"
                + " AND meeting_id = " + january), "planned in the sync's own transaction");
        writeDo(l -> l.addApology(january, null, "Nina Hart", null, l.addRecording(board, RecordingKind.APOLOGIES,
                new Source("apology-2", SECRETARY.teamsId(), SECRETARY.name(), "apologies: Nina Hart",
                        clock.instant()))));
        board("occ-mar", "2027-03-11T10:00:00Z", "Police Headquarters", null);

        calendar.remove("occ-jan");
        sync.sync(board);

        assertEquals(1, queryLong("SELECT COUNT(*) FROM meetings WHERE id = " + january
                + " AND cancelled_at IS NOT NULL"), "kept, with the apology");
        assertEquals(0, queryLong("SELECT COUNT(*) FROM reminders WHERE kind = 'DIGEST' AND state = 'PENDING'"
                + " AND meeting_id = " + january), "no digest for a cancelled meeting");
    }

    @Test
    void a_cancelled_board_with_no_other_scheduled_leaves_its_targets_waiting() {
        board("occ-jan", "2027-01-14T10:00:00Z", "Police Headquarters", null);
        followClaire();
        sync.sync(board);
        say(SECRETARY, "Action: Jon Leigh to report on road safety by the next Board.");
        calendar.put("occ-jan", new Occurrence("occ-jan", "series-board", "Fenshire Board",
                Instant.parse("2027-01-14T10:00:00Z"), null, null, true));
        calendar.put("occ-single", new Occurrence("occ-x", "series-board", "Fenshire Board",
                Instant.parse("2026-11-22T10:00:00Z"), null, null, false));   // yesterday: outside the window

        CalendarSync.Outcome outcome = sync.sync(board);

        assertEquals(List.of("The Board of 14/01/2027 was cancelled in the calendar; action 1.0 now waits for the next "
                + "Board to be scheduled."), outcome.changes());
        assertNull(action(BOARD, 1).target().date());
    }

    @Test
    void meetings_already_held_or_under_way_are_never_changed() {
        board("occ-today", "2026-11-23T10:00:00Z", "Police Headquarters", null);
        board("occ-jan", "2027-01-14T10:00:00Z", "Police Headquarters", null);
        followClaire();
        sync.sync(board);
        say(SECRETARY, "start meeting");

        board("occ-today", "2026-11-30T10:00:00Z", "Elsewhere", null);
        CalendarSync.Outcome moved = sync.sync(board);
        assertTrue(moved.changes().isEmpty(), moved.summary());
        Meeting today = meetings().get(0);
        assertEquals(LocalDate.of(2026, 11, 23), today.date());
        assertEquals(MeetingStatus.OPEN, today.status());

        calendar.remove("occ-today");
        sync.sync(board);
        assertEquals(2, meetings().size(), "an open meeting gone from the calendar stays");
        say(SECRETARY, "end meeting");

        clock.set(Instant.parse("2027-01-15T09:00:00Z"));
        board("occ-jan", "2027-01-20T10:00:00Z", "Police Headquarters", null);
        sync.sync(board);
        assertEquals(LocalDate.of(2027, 1, 14), meetings().get(1).date(), "a date already past is not moved");
    }

    @Test
    void a_series_is_also_known_by_the_join_link_of_the_boards_teams_meeting() {
        say(SECRETARY, "start meeting");
        say(SECRETARY, "end meeting");
        long held = meetings().get(0).id();
        writeDo(l -> l.saveAttendanceFetch(io.boardclerk.core.model.AttendanceFetch.pending(held, board, "teams-1",
                clock.instant()).located("aad-helen", "graph-1", JOIN)));
        calendar.put("occ-jan", new Occurrence("occ-jan", "series-pcp", "Police and Crime Panel",
                Instant.parse("2027-01-14T10:00:00Z"), null, JOIN, false));
        calendar.put("occ-feb", new Occurrence("occ-feb", "series-pcp", "Police and Crime Panel (hybrid)",
                Instant.parse("2027-02-11T10:00:00Z"), "Police Headquarters", null, false));
        calendar.put("other", new Occurrence("other", "series-x", "Police and Crime Panel briefing",
                Instant.parse("2027-01-20T10:00:00Z"), null, "https://teams.microsoft.com/l/other", false));
        assertTrue(confirm(CLAIRE, "Fenshire Board").contains("follow the series \"Fenshire Board\""));

        assertTrue(sync.sync(board).ok());

        assertEquals(List.of(LocalDate.of(2026, 11, 23), LocalDate.of(2027, 1, 14), LocalDate.of(2027, 2, 11)),
                meetings().stream().map(Meeting::date).toList(), "the held meeting, then the series by its link");
    }

    @Test
    void following_another_calendar_takes_over_the_meetings_on_its_days_and_cancels_none() {
        board("occ-jan", "2027-01-14T10:00:00Z", "Police Headquarters", null);
        board("occ-mar", "2027-03-11T10:00:00Z", "Police Headquarters", null);
        followClaire();
        sync.sync(board);
        calendar.clear();
        calendar.put("helen-jan", new Occurrence("helen-jan", "helen-series", "Fenshire Board",
                Instant.parse("2027-01-14T09:30:00Z"), "Police Headquarters", null, false));

        String refused = say(SECRETARY, "calendar helen.marsh@fenshire.example");
        assertTrue(refused.contains("BoardClerk follows only your own calendar or the chair's or secretary's"),
                refused);
        assertTrue(say(SECRETARY, "calendar jon.leigh@fenshire.example").contains("follows only"), "a member's");
        assertTrue(say(SECRETARY, "chair Helen Marsh").contains("is now the chair"));
        assertTrue(confirm("helen.marsh@fenshire.example", "Fenshire Board").contains("helen.marsh"));
        CalendarSync.Outcome outcome = sync.sync(board);

        assertTrue(outcome.changes().isEmpty(), outcome.summary());
        assertEquals(List.of(LocalDate.of(2027, 1, 14), LocalDate.of(2027, 3, 11)),
                meetings().stream().map(Meeting::date).toList(), "March stays, as a meeting typed by hand would");
        assertEquals(LocalTime.of(9, 30), meetings().get(0).time());
        assertEquals(Map.of("helen-jan", meetings().get(0).id()), read(l -> l.calendarMeetings(board)));
    }

    @Test
    void a_meeting_typed_with_next_meeting_is_taken_over_not_doubled() {
        say(SECRETARY, "next meeting 14/01/2027");
        board("occ-jan", "2027-01-14T10:00:00Z", "Police Headquarters", null);
        followClaire();

        sync.sync(board);

        assertEquals(1, meetings().size());
        assertEquals(LocalTime.of(10, 0), meetings().get(0).time());
    }

    @Test
    void a_failed_read_changes_nothing_but_the_note_and_is_tried_again_later() {
        board("occ-jan", "2027-01-14T10:00:00Z", "Police Headquarters", null);
        followClaire();
        sync.sync(board);
        failure = new CalendarSource.Answer.Refused("Microsoft Graph refused BoardClerk (HTTP 403): Calendars.Read");
        calendar.clear();

        CalendarSync.Outcome outcome = sync.sync(board);

        assertFalse(outcome.ok());
        assertTrue(outcome.summary().contains("the schedule is unchanged") && outcome.summary()
                .contains("Calendars.Read"), outcome.summary());
        assertEquals(1, meetings().size(), "nothing cancelled because of a failure");
        var follow = read(l -> l.calendarFollow(board)).orElseThrow();
        assertEquals(clock.instant().plus(CalendarSync.RETRY), follow.nextSyncAt());
        assertTrue(say(SECRETARY, "calendar").contains("The last read failed"));
    }

    @Test
    void a_calendar_with_none_of_the_series_changes_nothing() {
        board("occ-jan", "2027-01-14T10:00:00Z", "Police Headquarters", null);
        followClaire();
        sync.sync(board);
        calendar.clear();
        calendar.put("x", new Occurrence("x", "s2", "Fenshire Bored Games", Instant.parse("2027-02-01T10:00:00Z"),
                null, null, false));

        CalendarSync.Outcome outcome = sync.sync(board);

        assertFalse(outcome.ok());
        assertTrue(outcome.summary().contains("no meeting in the next 12 months has the subject \"Fenshire Board\""),
                outcome.summary());
        assertEquals(1, meetings().size());
    }

    @Test
    void the_schedule_reads_each_followed_calendar_every_six_hours_and_tells_the_chat_what_changed() {
        board("occ-jan", "2027-01-14T10:00:00Z", "Police Headquarters", null);
        followClaire();
        assertEquals(1, sync.runDue(), "due as soon as it is set");
        assertTrue(posted.isEmpty(), "new meetings are no news: the reply to the command said so");
        assertEquals(0, sync.runDue());

        board("occ-jan", "2027-01-21T10:00:00Z", "Police Headquarters", null);
        clock.set(T0.plus(CalendarSync.EVERY).minusSeconds(1));
        assertEquals(0, sync.runDue());
        clock.set(T0.plus(CalendarSync.EVERY));
        assertEquals(1, sync.runDue());
        assertEquals(List.of("Fenshire Board: The Board of 14/01/2027 moved to 21/01/2027."), posted);
    }

    @Test
    void a_synced_meeting_is_moved_in_outlook_not_by_hand_until_the_calendar_is_off() {
        board("occ-jan", "2027-01-14T10:00:00Z", "Police Headquarters", null);
        followClaire();
        sync.sync(board);
        say(SECRETARY, "Action: Jon Leigh to report on road safety by the next Board.");

        String refused = say(SECRETARY, "move meeting 14/01/2027 to 21/01/2027");

        assertTrue(refused.contains("comes from claire.dunmore@fenshire.example's Outlook calendar"), refused);
        assertTrue(refused.contains("`calendar off`"), refused);
        assertEquals(LocalDate.of(2027, 1, 14), meetings().get(0).date(), "nothing moved");
        assertEquals(LocalDate.of(2027, 1, 14), action(BOARD, 1).target().date());
        assertTrue(sync.sync(board).summary().endsWith("0 new, 0 moved, 0 cancelled."));

        say(SECRETARY, "calendar off");
        String moved = say(SECRETARY, "move meeting 14/01/2027 to 21/01/2027");

        assertTrue(moved.startsWith("The meeting of 14th January 2027 moves to 21st January 2027."), moved);
        assertEquals(LocalDate.of(2027, 1, 21), action(BOARD, 1).target().date());
    }

    @Test
    void only_the_chair_or_secretary_sets_it_and_off_stops_it() {
        String refused = say(MEMBER, "calendar " + CLAIRE);
        assertTrue(refused.contains("Only the chair or secretary"), refused);
        assertTrue(read(l -> l.calendarFollow(board)).isEmpty());

        followClaire();
        assertTrue(say(MEMBER, "calendar").contains("follow the series \"Fenshire Board\" in " + CLAIRE));
        assertTrue(say(SECRETARY, "calendar off").contains("no longer follow"));
        assertTrue(read(l -> l.calendarFollow(board)).isEmpty());
        assertTrue(sync.sync(board).summary().startsWith("This board follows no calendar."));
    }

    @Test
    void with_graph_off_the_commands_say_what_enabling_them_takes() {
        Clerk off = new Clerk(store, LONDON);
        String answer = say(off, BOARD, SECRETARY, "calendar " + CLAIRE, clock.instant());
        assertTrue(answer.contains("BOARDCLERK_GRAPH=on") && answer.contains("Calendars.Read"), answer);
        assertTrue(read(l -> l.calendarFollow(board)).isEmpty());
        assertTrue(say(off, BOARD, SECRETARY, "calendar sync", clock.instant()).contains("is off"));
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant at) {
            now = at;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
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
}
