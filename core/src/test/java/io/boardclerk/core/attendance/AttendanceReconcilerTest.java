package io.boardclerk.core.attendance;

import io.boardclerk.core.model.Apology;
import io.boardclerk.core.model.AttendanceReport;
import io.boardclerk.core.model.AttendanceReport.Attendee;
import io.boardclerk.core.model.AttendanceReport.Session;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Person;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AttendanceReconcilerTest {

    static final Instant START = Instant.parse("2026-05-26T09:00:00Z");
    static final Instant END = Instant.parse("2026-05-26T10:30:00Z");

    // Helen Marsh chairs, Claire Dunmore is secretary (in attendance); Jon, Jane, Vic and Nina are members.
    final Person helen = person(1, "Helen Marsh", "aad-helen", "Chair");
    final Person claire = person(2, "Claire Dunmore", "aad-claire", "Business Support Officer");
    final Person jon = person(3, "Jon Leigh", "aad-jon", "Chief Finance Officer");
    final Person jane = person(4, "Jane Gifford", null, "Deputy Chief Constable");
    final Person vic = person(5, "Vic Evers", "aad-vic", "Assistant Chief Constable");
    final Person nina = person(6, "Nina Hart", "aad-nina", null);
    final Board board = new Board(10, "tenant", "19:board", "Fenshire Board", false, 1L, 2L);
    final List<Person> people = new ArrayList<>(List.of(helen, claire, jon, jane, vic, nina));
    final Map<Long, Boolean> standings = new HashMap<>(Map.of(2L, false));
    final List<Apology> apologies = new ArrayList<>();
    final Map<Long, String> addresses = new HashMap<>(Map.of(4L, "jane.gifford@fenshire.example"));

    static Person person(long id, String name, String aad, String title) {
        return new Person(id, 10, "29:" + id, aad, name, title, null, true);
    }

    static Attendee attendee(String name, String aad, Instant... joinLeave) {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i + 1 < joinLeave.length; i += 2) {
            sessions.add(new Session(joinLeave[i], joinLeave[i + 1]));
        }
        return new Attendee(name, null, aad, "Attendee", sessions);
    }

    static Instant at(int minutes) {
        return START.plus(Duration.ofMinutes(minutes));
    }

    Reconciliation reconcile(OptionalInt quorum, Attendee... attendees) {
        return AttendanceReconciler.reconcile(new AttendanceReport(START, END, List.of(attendees)), board, people,
                standings, addresses, apologies, quorum, Reconciliation.Thresholds.DEFAULT);
    }

    static List<String> names(List<Reconciliation.Present> present) {
        return present.stream().map(Reconciliation.Present::described).toList();
    }

    @Test
    void present_members_and_those_in_attendance_follow_the_standings_officers_first() {
        Reconciliation r = reconcile(OptionalInt.empty(),
                attendee("Jon Leigh", "aad-jon", at(0), at(90)),
                attendee("Claire Dunmore", "aad-claire", at(0), at(90)),
                attendee("Helen Marsh", "aad-helen", at(0), at(90)));

        assertEquals(List.of("Helen Marsh, Chair", "Jon Leigh, Chief Finance Officer"), names(r.members()));
        assertEquals(List.of("Claire Dunmore, Business Support Officer"), names(r.inAttendance()));
        assertEquals(5, r.membersOfBoard());
    }

    @Test
    void the_object_id_wins_over_the_name_teams_shows() {
        Reconciliation r = reconcile(OptionalInt.empty(), attendee("J. Leigh (Finance)", "AAD-JON", at(0), at(90)));

        assertEquals(List.of("Jon Leigh, Chief Finance Officer"), names(r.members()));
        assertTrue(r.guests().isEmpty());
    }

    @Test
    void a_name_matches_when_one_person_has_it_even_with_a_guest_suffix() {
        Reconciliation r = reconcile(OptionalInt.empty(), attendee("jane  gifford (Guest)", null, at(0), at(90)));

        assertEquals(List.of("Jane Gifford, Deputy Chief Constable"), names(r.members()));
    }

    @Test
    void joining_more_than_ten_minutes_late_and_leaving_more_than_ten_early_are_noted_exactly_at_the_threshold_not() {
        Reconciliation r = reconcile(OptionalInt.empty(),
                attendee("Jon Leigh", "aad-jon", at(11), at(90)),
                attendee("Helen Marsh", "aad-helen", at(10), at(80)),
                attendee("Vic Evers", "aad-vic", at(0), at(79)));

        Map<String, Reconciliation.Present> byName = new HashMap<>();
        r.members().forEach(p -> byName.put(p.described().split(",")[0], p));
        assertTrue(byName.get("Jon Leigh").late());
        assertFalse(byName.get("Jon Leigh").leftEarly());
        assertFalse(byName.get("Helen Marsh").late(), "ten minutes is not late");
        assertFalse(byName.get("Helen Marsh").leftEarly(), "ten minutes before the end is not early");
        assertTrue(byName.get("Vic Evers").leftEarly());
    }

    @Test
    void several_sessions_count_from_the_first_joining_to_the_last_leaving() {
        Reconciliation r = reconcile(OptionalInt.empty(),
                attendee("Jon Leigh", "aad-jon", at(2), at(30), at(45), at(89)));

        Reconciliation.Present jonThere = r.members().get(0);
        assertEquals(at(2), jonThere.joined());
        assertEquals(at(89), jonThere.left());
        assertEquals(Duration.ofMinutes(72), jonThere.attended());
        assertFalse(jonThere.late());
        assertFalse(jonThere.leftEarly(), "the gap in the middle is not leaving early");
    }

    @Test
    void two_rows_for_one_person_are_joined() {
        Reconciliation r = reconcile(OptionalInt.empty(),
                attendee("Jon Leigh", "aad-jon", at(25), at(40)),
                attendee("Jon Leigh (phone)", "aad-jon", at(0), at(20)));

        assertEquals(1, r.members().size());
        assertEquals(at(0), r.members().get(0).joined());
        assertFalse(r.members().get(0).late());
    }

    @Test
    void attendees_not_on_the_board_are_guests() {
        Reconciliation r = reconcile(OptionalInt.empty(),
                new Attendee("Ann Other", "ann@elsewhere.example", null, "Attendee",
                        List.of(new Session(at(0), at(30)))),
                new Attendee(null, null, null, "Attendee", List.of()));

        assertEquals(List.of("Ann Other", "Unnamed guest"), r.guests().stream().map(Reconciliation.Guest::name)
                .toList());
        assertEquals("ann@elsewhere.example", r.guests().get(0).email());
    }

    @Test
    void apologies_then_present_is_present_and_noted() {
        apologies.add(new Apology(1, 7, 3L, "Jon Leigh", "Chief Finance Officer", 1));

        Reconciliation r = reconcile(OptionalInt.empty(), attendee("Jon Leigh", "aad-jon", at(0), at(90)));

        assertTrue(r.members().get(0).despiteApologies());
        assertFalse(r.absent().contains("Jon Leigh, Chief Finance Officer"));
        assertEquals(List.of("Jon Leigh, Chief Finance Officer"), r.apologies());
    }

    @Test
    void members_neither_present_nor_apologising_are_absent_without_apologies() {
        apologies.add(new Apology(1, 7, 5L, "Vic Evers", null, 1));
        apologies.add(new Apology(2, 7, null, "Nina Hart", null, 1));

        Reconciliation r = reconcile(OptionalInt.empty(), attendee("Helen Marsh", "aad-helen", at(0), at(90)));

        assertEquals(List.of("Jon Leigh, Chief Finance Officer", "Jane Gifford, Deputy Chief Constable"), r.absent(),
                "Vic by id and Nina by name sent apologies; Claire attends and is not counted absent");
    }

    @Test
    void a_name_two_people_share_marks_neither_present() {
        people.add(person(7, "Jon Leigh", null, "Head of Estates"));

        Reconciliation r = reconcile(OptionalInt.empty(), attendee("Jon Leigh", null, at(0), at(90)));

        assertTrue(r.members().isEmpty());
        assertEquals(1, r.unsure().size());
        assertEquals(List.of("Jon Leigh, Chief Finance Officer", "Jon Leigh, Head of Estates"),
                r.unsure().get(0).couldBe());
    }

    @Test
    void a_namesake_with_another_object_id_is_a_guest_not_the_member() {
        Reconciliation r = reconcile(OptionalInt.empty(), attendee("Jon Leigh", "aad-someone-else", at(0), at(90)));

        assertTrue(r.members().isEmpty());
        assertEquals("Jon Leigh", r.guests().get(0).name());
        assertTrue(r.absent().contains("Jon Leigh, Chief Finance Officer"));
    }

    @Test
    void people_off_the_roster_without_a_standing_are_not_expected() {
        people.add(new Person(8, 10, null, "aad-owner", "Colin Lusk", null, null, false));

        Reconciliation r = reconcile(OptionalInt.empty());

        assertFalse(r.absent().contains("Colin Lusk"));
        assertEquals(5, r.membersOfBoard());
    }

    @Test
    void the_quorum_says_whether_the_meeting_was_quorate() {
        Reconciliation quorate = reconcile(OptionalInt.of(3),
                attendee("Helen Marsh", "aad-helen", at(0), at(90)),
                attendee("Jon Leigh", "aad-jon", at(0), at(90)),
                attendee("Vic Evers", "aad-vic", at(0), at(90)),
                attendee("Claire Dunmore", "aad-claire", at(0), at(90)));
        Reconciliation short_ = reconcile(OptionalInt.of(4),
                attendee("Helen Marsh", "aad-helen", at(0), at(90)),
                attendee("Claire Dunmore", "aad-claire", at(0), at(90)));

        assertEquals("The meeting was quorate: 3 of 5 members present; the quorum is 3.",
                quorate.quorumSentence().orElseThrow(), "Claire attends and does not count");
        assertEquals("The meeting was not quorate: 1 of 5 members present; the quorum is 4.",
                short_.quorumSentence().orElseThrow());
        assertTrue(reconcile(OptionalInt.empty()).quorumSentence().isEmpty());
    }

    @Test
    void the_text_states_the_thresholds_and_escapes_names_and_shows_addresses_only_to_officers() {
        Reconciliation r = reconcile(OptionalInt.of(2),
                attendee("Jon Leigh", "aad-jon", at(15), at(90)),
                new Attendee("*Ann* <b>Other</b>", "ann@elsewhere.example", null, "Attendee",
                        List.of(new Session(at(0), at(30)))));
        ZoneId london = ZoneId.of("Europe/London");

        String everyone = AttendanceText.markdown("Attendance at the meeting of 26th May 2026", r, london, false);
        String officers = AttendanceText.markdown("Attendance at the meeting of 26th May 2026", r, london, true);

        assertTrue(everyone.contains("The meeting was not quorate: 1 of 5 members present; the quorum is 2."),
                everyone);
        assertTrue(everyone.contains("Jon Leigh, Chief Finance Officer (joined late)"), everyone);
        assertTrue(everyone.contains("more than 10 minutes after the start"), everyone);
        assertTrue(everyone.contains("\\*Ann\\* &lt;b&gt;Other&lt;/b&gt;"), everyone);
        assertFalse(everyone.contains("ann@elsewhere.example"), everyone);
        assertTrue(officers.contains("ann@elsewhere.example (10:00–10:30)"), officers);
        assertTrue(officers.contains("joined late, 10:15"), officers);
        assertTrue(everyone.contains("**Absent without apologies** (4): Helen Marsh, Chair; Jane Gifford"),
                everyone);
    }

    @Test
    void an_address_matches_after_the_object_id_and_before_the_name() {
        Reconciliation r = reconcile(OptionalInt.empty(),
                new Attendee("Gifford, Jane (Constabulary)", "Jane.Gifford@fenshire.example", "aad-in-another-tenant",
                        "Attendee", List.of(new Session(at(0), at(90)))));

        assertEquals(List.of("Jane Gifford, Deputy Chief Constable"), names(r.members()));
        assertTrue(r.guests().isEmpty());
    }
}
