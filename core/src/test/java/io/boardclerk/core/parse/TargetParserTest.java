package io.boardclerk.core.parse;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Month;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TargetParserTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static TargetSpec spec(String words) {
        TargetParser.Reading reading = TargetParser.read(words, TODAY);
        assertTrue(reading.ok(), "\"" + words + "\" should read as a target: " + reading.problem());
        assertNull(reading.problem());
        return reading.spec();
    }

    // --- reading target words -------------------------------------------------------------------------------

    @Test
    void the_next_board_is_the_next_meeting_in_any_month() {
        assertEquals(new TargetSpec.NextMeeting(null), spec("the next Board"));
        assertEquals(new TargetSpec.NextMeeting(null), spec("next meeting"));
        assertEquals(new TargetSpec.NextMeeting(null), spec("the next scheduled Board"));
    }

    @Test
    void the_next_board_in_may_is_the_next_meeting_held_in_may() {
        assertEquals(new TargetSpec.NextMeeting(Month.MAY), spec("the next Board in May"));
    }

    @Test
    void the_may_board_is_a_meeting_in_may_of_no_stated_year() {
        assertEquals(new TargetSpec.MeetingIn(Month.MAY, null), spec("the May Board"));
        assertEquals(new TargetSpec.MeetingIn(Month.MAY, null), spec("the Board in May"));
    }

    @Test
    void the_july_2019_board_is_the_meeting_in_july_2019() {
        assertEquals(new TargetSpec.MeetingIn(Month.JULY, 2019), spec("the July 2019 Board"));
        assertEquals(new TargetSpec.MeetingIn(Month.NOVEMBER, 2019), spec("the Board in November 2019"));
    }

    @Test
    void in_3_months_is_a_span_from_the_day_the_action_was_raised() {
        assertEquals(new TargetSpec.Within(Period.ofMonths(3)), spec("in 3 months"));
        assertEquals(new TargetSpec.Within(Period.ofWeeks(2)), spec("within two weeks"));
        assertEquals(new TargetSpec.Within(Period.ofYears(1)), spec("in a year"));
    }

    @Test
    void on_going_in_any_spelling_has_no_date() {
        assertEquals(new TargetSpec.Ongoing(), spec("on-going"));
        assertEquals(new TargetSpec.Ongoing(), spec("ongoing"));
        assertEquals(new TargetSpec.Ongoing(), spec("On going"));
    }

    @Test
    void a_plain_date_is_that_day() {
        assertEquals(new TargetSpec.OnDate(LocalDate.of(2022, 5, 26)), spec("26/05/2022"));
        assertEquals(new TargetSpec.OnDate(LocalDate.of(2019, 11, 14)), spec("14th November 2019"));
    }

    @Test
    void the_reading_keeps_the_words_without_a_trailing_full_stop() {
        assertEquals("the next Board", TargetParser.read("the next Board.", TODAY).words());
    }

    @Test
    void an_impossible_date_is_a_problem_that_names_the_format() {
        TargetParser.Reading reading = TargetParser.read("31/02/2022", TODAY);

        assertFalse(reading.ok());
        assertNull(reading.spec());
        assertTrue(reading.problem().contains("\"31/02/2022\" is not a date on the calendar"), reading.problem());
        assertTrue(reading.problem().contains("dd/mm/yyyy"), reading.problem());
    }

    @Test
    void words_that_are_no_target_are_a_problem_that_lists_what_would_do() {
        TargetParser.Reading reading = TargetParser.read("someday soon", TODAY);

        assertFalse(reading.ok());
        assertTrue(reading.problem().startsWith("I can't read \"someday soon\" as a target."), reading.problem());
        assertTrue(reading.problem().contains("the next Board"), reading.problem());
        assertTrue(reading.problem().contains("on-going"), reading.problem());
    }

    // --- finding the target phrase in an action sentence ----------------------------------------------------

    @Test
    void the_phrase_is_found_in_the_2022_safer_streets_action() {
        assertEquals(Optional.of("the next Board in May"), TargetParser.findPhrase(
                "Constabulary to bring a report on Safer Streets Project to the next Board in May.", TODAY));
    }

    @Test
    void the_phrase_is_found_in_an_action_for_the_may_board() {
        assertEquals(Optional.of("the May Board"), TargetParser.findPhrase(
                "Constabulary to provide a report on Op Lantern/Op Beacon to the May Board.", TODAY));
    }

    @Test
    void the_phrase_is_found_in_an_action_for_the_july_2019_board() {
        assertEquals(Optional.of("the July 2019 Board"), TargetParser.findPhrase(
                "Chief Constable to report back to the July 2019 Board on the reasons for the increase in sickness "
                        + "levels.", TODAY));
    }

    @Test
    void the_phrase_is_found_in_an_action_for_3_months_time() {
        assertEquals(Optional.of("in 3 months"), TargetParser.findPhrase(
                "The Constabulary to provide a summary perspective around Knife Crime to the Board in 3 months.",
                TODAY));
    }

    @Test
    void a_date_in_an_action_sentence_is_its_phrase() {
        assertEquals(Optional.of("26th May 2027"), TargetParser.findPhrase(
                "Director of Estates to report on the estates strategy by 26th May 2027.", TODAY));
    }

    @Test
    void the_end_of_a_month_is_its_last_day_this_year_or_next() {
        assertEquals(new TargetSpec.OnDate(LocalDate.of(2027, 3, 31)), spec("the end of March"));
        assertEquals(new TargetSpec.OnDate(LocalDate.of(2026, 11, 30)), spec("end of November"));
        assertEquals(new TargetSpec.OnDate(LocalDate.of(2028, 2, 29)), spec("the end of February 2028"));
        assertEquals(new TargetSpec.OnDate(LocalDate.of(2027, 4, 30)), spec("end of Apr 2027"));
    }

    @Test
    void the_end_of_a_month_is_found_in_an_action_sentence() {
        assertEquals(Optional.of("the end of March 2027"), TargetParser.findPhrase(
                "Director of Estates to circulate the estates strategy by the end of March 2027.", TODAY));
        assertEquals(Optional.of("end of January"), TargetParser.findPhrase(
                "OPCC to publish the panel's annual report by end of January.", TODAY));
    }

    @Test
    void tomorrow_and_today_are_read_only_as_a_target_on_their_own() {
        assertEquals(new TargetSpec.OnDate(LocalDate.of(2026, 11, 24)), spec("tomorrow"));
        assertEquals(new TargetSpec.OnDate(LocalDate.of(2026, 11, 23)), spec("today"));
        assertEquals(Optional.empty(), TargetParser.findPhrase(
                "Constabulary to confirm whether today's figures include the rural beat.", TODAY));
    }

    @Test
    void an_action_with_no_target_has_no_phrase() {
        assertEquals(Optional.empty(), TargetParser.findPhrase(
                "The Commissioner is to sign a Decision Notice on the approval of the spend for additional "
                        + "Constabulary resources.", TODAY));
    }

    // --- resolving a target against the board's meetings ---------------------------------------------------

    private static final LocalDate RAISED = LocalDate.of(2022, 2, 10);

    @Test
    void a_date_resolves_to_itself_whatever_the_schedule() {
        assertEquals(Optional.of(LocalDate.of(2022, 5, 26)),
                new TargetSpec.OnDate(LocalDate.of(2022, 5, 26)).resolve(RAISED, List.of()));
        assertFalse(new TargetSpec.OnDate(LocalDate.of(2022, 5, 26)).followsSchedule());
    }

    @Test
    void in_3_months_resolves_to_three_months_after_it_was_raised() {
        assertEquals(Optional.of(LocalDate.of(2022, 5, 10)),
                new TargetSpec.Within(Period.ofMonths(3)).resolve(RAISED, List.of(LocalDate.of(2022, 5, 26))));
        assertFalse(new TargetSpec.Within(Period.ofMonths(3)).followsSchedule());
    }

    @Test
    void the_next_board_stays_unresolved_until_a_later_meeting_is_scheduled() {
        TargetSpec next = spec("the next Board");

        assertTrue(next.followsSchedule());
        assertEquals(Optional.empty(), next.resolve(RAISED, List.of()));
        assertEquals(Optional.empty(), next.resolve(RAISED, List.of(LocalDate.of(2022, 1, 20), RAISED)),
                "neither an earlier meeting nor the meeting that raised it is the next Board");
        assertEquals(Optional.of(LocalDate.of(2022, 5, 26)), next.resolve(RAISED,
                List.of(LocalDate.of(2022, 7, 14), LocalDate.of(2022, 1, 20), LocalDate.of(2022, 5, 26))));
    }

    @Test
    void the_next_board_moves_when_its_meeting_moves() {
        TargetSpec next = spec("the next Board");

        assertEquals(Optional.of(LocalDate.of(2022, 5, 26)), next.resolve(RAISED, List.of(LocalDate.of(2022, 5, 26))));
        assertEquals(Optional.of(LocalDate.of(2022, 6, 9)), next.resolve(RAISED, List.of(LocalDate.of(2022, 6, 9))));
    }

    @Test
    void the_next_board_in_may_skips_meetings_in_other_months() {
        assertEquals(Optional.of(LocalDate.of(2022, 5, 26)), new TargetSpec.NextMeeting(Month.MAY).resolve(RAISED,
                List.of(LocalDate.of(2022, 3, 10), LocalDate.of(2022, 5, 26), LocalDate.of(2023, 5, 25))));
        assertEquals(Optional.empty(), new TargetSpec.NextMeeting(Month.MAY).resolve(RAISED,
                List.of(LocalDate.of(2022, 3, 10), LocalDate.of(2022, 4, 14))));
    }

    @Test
    void the_may_board_is_the_first_may_meeting_after_it_was_raised() {
        TargetSpec may = spec("the May Board");

        assertTrue(may.followsSchedule());
        assertEquals(Optional.of(LocalDate.of(2022, 5, 26)), may.resolve(RAISED,
                List.of(LocalDate.of(2021, 5, 20), LocalDate.of(2022, 3, 10), LocalDate.of(2022, 5, 26))));
    }

    @Test
    void the_may_board_stays_unresolved_while_no_may_meeting_is_scheduled() {
        TargetSpec may = spec("the May Board");

        assertEquals(Optional.empty(), may.resolve(RAISED, List.of(LocalDate.of(2021, 5, 20),
                LocalDate.of(2022, 3, 10), LocalDate.of(2022, 7, 14))));
    }

    @Test
    void the_july_2019_board_is_the_july_meeting_of_that_year_only() {
        TargetSpec july2019 = spec("the July 2019 Board");
        LocalDate raised = LocalDate.of(2019, 5, 16);

        assertEquals(Optional.of(LocalDate.of(2019, 7, 18)), july2019.resolve(raised,
                List.of(LocalDate.of(2020, 7, 16), LocalDate.of(2019, 7, 18), LocalDate.of(2019, 9, 18))));
        assertEquals(Optional.empty(), july2019.resolve(raised, List.of(LocalDate.of(2020, 7, 16))));
    }

    @Test
    void on_going_never_resolves_to_a_date() {
        TargetSpec ongoing = spec("on-going");

        assertFalse(ongoing.followsSchedule());
        assertEquals(Optional.empty(), ongoing.resolve(RAISED, List.of(LocalDate.of(2022, 5, 26))));
    }

    @Test
    void recurringMeetingTargetsFallOnTheNextSuchMeeting() {
        TargetParser.Reading reading = TargetParser.read("August and February Boards", LocalDate.of(2026, 11, 23));
        assertTrue(reading.ok(), String.valueOf(reading.problem()));
        assertEquals(new TargetSpec.Recurring(java.util.Set.of(java.time.Month.AUGUST, java.time.Month.FEBRUARY)),
                reading.spec());
        assertTrue(reading.spec().recurs() && reading.spec().followsSchedule());
        List<LocalDate> meetings = List.of(LocalDate.of(2026, 11, 26), LocalDate.of(2027, 2, 11),
                LocalDate.of(2027, 5, 20), LocalDate.of(2027, 8, 12));
        assertEquals(LocalDate.of(2027, 2, 11), reading.spec().resolve(LocalDate.of(2026, 11, 24), meetings)
                .orElseThrow());
        assertEquals(LocalDate.of(2027, 8, 12), reading.spec().resolve(LocalDate.of(2027, 2, 12), meetings)
                .orElseThrow(), "once February is held, August is next");
        assertEquals(Optional.of("the February, May and August Boards"), TargetParser.findPhrase(
                "Constabulary to report progress to the February, May and August Boards.", LocalDate.of(2026, 11, 23)));
    }

    @Test
    void recurringMeetingTargetsMayListTheMonthsWithASerialComma() {
        assertEquals(Optional.of("June, and December Boards"), TargetParser.findPhrase(
                "Fire safety statement to come to the Board twice a year, June, and December Boards.",
                LocalDate.of(2026, 11, 23)));
        TargetParser.Reading reading = TargetParser.read("the March, July, and November meetings",
                LocalDate.of(2026, 11, 23));
        assertTrue(reading.ok(), String.valueOf(reading.problem()));
        assertEquals(new TargetSpec.Recurring(java.util.Set.of(java.time.Month.MARCH, java.time.Month.JULY,
                java.time.Month.NOVEMBER)), reading.spec());
    }
}
