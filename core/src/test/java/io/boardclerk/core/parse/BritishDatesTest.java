package io.boardclerk.core.parse;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BritishDatesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static DateFinding whole(String text) {
        Optional<DateFinding> found = BritishDates.parseWhole(text, TODAY);
        assertTrue(found.isPresent(), "\"" + text + "\" should read as a date");
        return found.get();
    }

    @Test
    void the_long_form_the_minutes_use_reads_as_that_day() {
        DateFinding found = whole("26th May 2022");

        assertEquals(LocalDate.of(2022, 5, 26), found.date());
        assertEquals("26th May 2022", found.written());
        assertFalse(found.impossible());
    }

    @Test
    void the_log_form_with_slashes_reads_as_that_day() {
        assertEquals(LocalDate.of(2022, 5, 26), whole("26/05/2022").date());
    }

    @Test
    void the_2016_next_meeting_date_reads_as_10_november_2016() {
        assertEquals(LocalDate.of(2016, 11, 10), whole("10th November 2016").date());
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
            "03/04/2026, 2026-04-03",
            "3/4/2026, 2026-04-03",
            "12/01/2027, 2027-01-12",
            "01/12/2027, 2027-12-01",
            "03.04.2026, 2026-04-03",
            "03-04-2026, 2026-04-03",
            "26/05/22, 2022-05-26",
            "1st March 2027, 2027-03-01",
            "22nd Sept 2027, 2027-09-22",
            "3rd of April 2026, 2026-04-03",
    })
    void numeric_and_worded_dates_are_read_day_first(String written, LocalDate expected) {
        assertEquals(expected, whole(written).date());
    }

    @Test
    void the_third_of_april_is_never_read_as_the_fourth_of_march() {
        LocalDate date = whole("03/04/2026").date();

        assertEquals(3, date.getDayOfMonth());
        assertEquals(Month.APRIL, date.getMonth());
    }

    @Test
    void a_leap_day_in_a_leap_year_is_a_date() {
        DateFinding found = whole("29/02/2024");

        assertFalse(found.impossible());
        assertEquals(LocalDate.of(2024, 2, 29), found.date());
    }

    @ParameterizedTest(name = "\"{0}\" is not on the calendar")
    @CsvSource({"29/02/2023", "31/02/2022", "31/04/2027", "32/01/2027", "15/13/2027", "30th February 2027"})
    void a_day_no_calendar_has_is_found_but_impossible(String written) {
        DateFinding found = whole(written);

        assertTrue(found.impossible(), written + " must be flagged, not silently moved to another day");
        assertNull(found.date());
        assertEquals(written, found.written());
    }

    @Test
    void a_date_without_a_year_is_the_next_such_day_from_today() {
        assertEquals(LocalDate.of(2027, 5, 26), whole("26th May").date(), "May has passed in 2026");
        assertEquals(LocalDate.of(2026, 12, 10), whole("10th December").date(), "December is still to come");
        assertEquals(TODAY, whole("23rd November").date(), "today counts as on or after today");
        assertEquals(LocalDate.of(2028, 2, 29), whole("29th February").date(), "the next leap year's 29th");
    }

    @Test
    void find_reports_where_the_date_stands_in_a_sentence() {
        String sentence = "The next meeting will be held on 10th November 2016 at 14:00 at Police Headquarters.";

        DateFinding found = BritishDates.find(sentence, TODAY).orElseThrow();

        assertEquals(LocalDate.of(2016, 11, 10), found.date());
        assertEquals("10th November 2016", found.written());
        assertEquals(sentence.indexOf("10th"), found.start());
        assertEquals(sentence.indexOf(" at 14:00"), found.end());
    }

    @Test
    void find_takes_the_first_of_two_dates() {
        DateFinding found = BritishDates.find("moved from 26/05/2022 to 9th June 2022", TODAY).orElseThrow();

        assertEquals(LocalDate.of(2022, 5, 26), found.date());
    }

    @Test
    void text_with_no_date_finds_nothing() {
        assertTrue(BritishDates.find("the next Board in May", TODAY).isEmpty());
        assertTrue(BritishDates.find("Action 11.0; Agenda Item 4.0", TODAY).isEmpty());
    }

    @Test
    void parse_whole_refuses_a_date_with_more_words_after_it() {
        assertTrue(BritishDates.parseWhole("26/05/2022 10:00", TODAY).isEmpty());
        assertTrue(BritishDates.parseWhole("on 26/05/2022", TODAY).isEmpty());
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
            "at 14:00 at Police Headquarters, 14:00",
            "10.30, 10:30",
            "2pm, 14:00",
            "9.15 a.m., 09:15",
            "12pm, 12:00",
    })
    void times_are_read_with_a_colon_a_dot_or_am_pm(String text, LocalTime expected) {
        assertEquals(Optional.of(expected), BritishDates.findTime(text));
    }

    @Test
    void a_date_is_not_read_as_a_time() {
        assertEquals(Optional.empty(), BritishDates.findTime("26/05"));
    }

    @Test
    void dates_are_written_back_in_the_logs_form_and_the_minutes_form() {
        assertEquals("26/05/2022", BritishDates.format(LocalDate.of(2022, 5, 26)));
        assertEquals("03/04/2026", BritishDates.format(LocalDate.of(2026, 4, 3)));
        assertEquals("26th May 2022", BritishDates.formatLong(LocalDate.of(2022, 5, 26)));
        assertEquals("1st March 2027", BritishDates.formatLong(LocalDate.of(2027, 3, 1)));
        assertEquals("2nd June 2027", BritishDates.formatLong(LocalDate.of(2027, 6, 2)));
        assertEquals("3rd July 2027", BritishDates.formatLong(LocalDate.of(2027, 7, 3)));
        assertEquals("11th November 2027", BritishDates.formatLong(LocalDate.of(2027, 11, 11)));
        assertEquals("12th November 2027", BritishDates.formatLong(LocalDate.of(2027, 11, 12)));
        assertEquals("13th November 2027", BritishDates.formatLong(LocalDate.of(2027, 11, 13)));
        assertEquals("21st November 2027", BritishDates.formatLong(LocalDate.of(2027, 11, 21)));
        assertEquals("22nd November 2027", BritishDates.formatLong(LocalDate.of(2027, 11, 22)));
        assertEquals("23rd November 2026", BritishDates.formatLong(TODAY));
    }

    @Test
    void month_words_and_their_short_forms_name_a_month() {
        assertEquals(Optional.of(Month.MAY), BritishDates.month("May"));
        assertEquals(Optional.of(Month.SEPTEMBER), BritishDates.month("Sept"));
        assertEquals(Optional.of(Month.FEBRUARY), BritishDates.month("feb."));
        assertEquals(Optional.empty(), BritishDates.month("Board"));
        assertEquals(Optional.empty(), BritishDates.month(null));
    }

    @Test
    void the_format_hint_names_day_first_and_dd_mm_yyyy() {
        assertTrue(BritishDates.FORMAT_HINT.contains("day first"), BritishDates.FORMAT_HINT);
        assertTrue(BritishDates.FORMAT_HINT.contains("dd/mm/yyyy"), BritishDates.FORMAT_HINT);
    }
}
