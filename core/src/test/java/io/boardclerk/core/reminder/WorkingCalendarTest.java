package io.boardclerk.core.reminder;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkingCalendarTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    @Test
    void theBankHolidaysOfEnglandAndWalesIn2026() {
        assertEquals(Set.of(d(2026, 1, 1), d(2026, 4, 3), d(2026, 4, 6), d(2026, 5, 4), d(2026, 5, 25),
                d(2026, 8, 31), d(2026, 12, 25), d(2026, 12, 28)), WorkingCalendar.bankHolidays(2026),
                "Boxing Day 2026 is a Saturday, so its holiday is Monday 28th");
    }

    @Test
    void theBankHolidaysOfEnglandAndWalesIn2027() {
        assertEquals(Set.of(d(2027, 1, 1), d(2027, 3, 26), d(2027, 3, 29), d(2027, 5, 3), d(2027, 5, 31),
                d(2027, 8, 30), d(2027, 12, 27), d(2027, 12, 28)), WorkingCalendar.bankHolidays(2027),
                "Christmas 2027 is a Saturday: Monday and Tuesday are the holidays");
    }

    @Test
    void christmasOnASundayAndNewYearAtAWeekendAreSubstituted() {
        // 2022: Christmas Sunday (holiday Tuesday 27th), Boxing Day Monday; 2022 New Year's Day Saturday -> 3rd.
        assertTrue(WorkingCalendar.bankHolidays(2022).containsAll(Set.of(d(2022, 1, 3), d(2022, 12, 26),
                d(2022, 12, 27))));
        assertFalse(WorkingCalendar.isBankHoliday(d(2022, 1, 1)) && WorkingCalendar.isWorkingDay(d(2022, 1, 1)));
    }

    @Test
    void easterByTheComputus() {
        assertEquals(d(2026, 4, 5), WorkingCalendar.easterSunday(2026));
        assertEquals(d(2027, 3, 28), WorkingCalendar.easterSunday(2027));
        assertEquals(d(2019, 4, 21), WorkingCalendar.easterSunday(2019));
        assertEquals(d(2038, 4, 25), WorkingCalendar.easterSunday(2038));
    }

    @Test
    void theWindowOpensAtEightAndShutsAtSix() {
        assertEquals(Instant.parse("2026-11-24T08:00:00Z"), WorkingCalendar.at(d(2026, 11, 24), LocalTime.of(7, 59),
                LONDON), "07:59 waits for 08:00");
        assertEquals(Instant.parse("2026-11-24T08:00:00Z"), WorkingCalendar.at(d(2026, 11, 24), LocalTime.of(8, 0),
                LONDON));
        assertEquals(Instant.parse("2026-11-24T17:59:00Z"), WorkingCalendar.at(d(2026, 11, 24), LocalTime.of(17, 59),
                LONDON));
        assertEquals(Instant.parse("2026-11-25T08:00:00Z"), WorkingCalendar.at(d(2026, 11, 24), LocalTime.of(18, 0),
                LONDON), "18:00 is shut: the next morning");
        assertFalse(WorkingCalendar.isOpen(Instant.parse("2026-11-24T18:00:00Z"), LONDON));
        assertTrue(WorkingCalendar.isOpen(Instant.parse("2026-11-24T17:59:59Z"), LONDON));
    }

    @Test
    void weekendsAndBankHolidaysWaitForTheNextWorkingDay() {
        assertEquals(Instant.parse("2026-11-30T08:00:00Z"), WorkingCalendar.at(d(2026, 11, 28), LocalTime.of(10, 0),
                LONDON), "Saturday to Monday");
        assertEquals(Instant.parse("2026-11-30T08:00:00Z"), WorkingCalendar.at(d(2026, 11, 27), LocalTime.of(18, 30),
                LONDON), "Friday evening to Monday");
        assertEquals(Instant.parse("2026-12-29T08:00:00Z"), WorkingCalendar.at(d(2026, 12, 24), LocalTime.of(19, 0),
                LONDON), "Christmas Eve evening: past Christmas, the weekend and the Boxing Day holiday");
        assertEquals(d(2026, 12, 17), WorkingCalendar.plusWorkingDays(d(2027, 1, 4), -9),
                "back past New Year's Day, the Christmas and Boxing Day holidays and two weekends");
    }

    @Test
    void eightOClockStaysEightOClockAcrossTheSpringChange2026() {
        // The clocks go forward at 01:00 UTC on Sunday 29 March 2026.
        assertEquals(Instant.parse("2026-03-27T08:00:00Z"), WorkingCalendar.at(d(2026, 3, 27), LocalTime.of(8, 0),
                LONDON), "Friday: GMT");
        assertEquals(Instant.parse("2026-03-30T07:00:00Z"), WorkingCalendar.at(d(2026, 3, 29), LocalTime.of(8, 0),
                LONDON), "the Sunday of the change moves to Monday 08:00 BST, which is 07:00 UTC");
        assertEquals(Instant.parse("2026-03-30T07:00:00Z"), WorkingCalendar.windowFrom(
                Instant.parse("2026-03-27T18:00:00Z"), LONDON), "Friday 18:00 GMT waits for Monday 08:00 BST");
        assertTrue(WorkingCalendar.isOpen(Instant.parse("2026-03-30T07:00:00Z"), LONDON));
        assertFalse(WorkingCalendar.isOpen(Instant.parse("2026-03-30T06:59:59Z"), LONDON));
    }

    @Test
    void eightOClockStaysEightOClockAcrossTheAutumnChange2026() {
        // The clocks go back at 01:00 UTC on Sunday 25 October 2026.
        assertEquals(Instant.parse("2026-10-23T07:00:00Z"), WorkingCalendar.at(d(2026, 10, 23), LocalTime.of(8, 0),
                LONDON), "Friday: BST");
        assertEquals(Instant.parse("2026-10-26T08:00:00Z"), WorkingCalendar.at(d(2026, 10, 25), LocalTime.of(1, 30),
                LONDON), "01:30 happens twice that Sunday; either way it waits for Monday 08:00 GMT");
        assertTrue(WorkingCalendar.isOpen(Instant.parse("2026-10-23T16:59:59Z"), LONDON));
        assertFalse(WorkingCalendar.isOpen(Instant.parse("2026-10-23T17:00:00Z"), LONDON), "18:00 BST");
    }

    @Test
    void bothChangesOf2027() {
        // 28 March 2027 is Easter Sunday and the spring change: Monday is a holiday too.
        assertEquals(Instant.parse("2027-03-30T07:00:00Z"), WorkingCalendar.windowFrom(
                Instant.parse("2027-03-25T18:30:00Z"), LONDON),
                "Thursday evening GMT: past Good Friday, the weekend of the change and Easter Monday, to 08:00 BST");
        assertEquals(Instant.parse("2027-11-01T08:00:00Z"), WorkingCalendar.at(d(2027, 10, 31), LocalTime.of(8, 0),
                LONDON), "the autumn change on Sunday 31 October 2027: Monday 08:00 GMT");
        assertEquals(Instant.parse("2027-10-29T07:00:00Z"), WorkingCalendar.at(d(2027, 10, 29), LocalTime.of(8, 0),
                LONDON), "the Friday before: 08:00 BST");
    }
}
