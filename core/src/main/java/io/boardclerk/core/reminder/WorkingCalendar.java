package io.boardclerk.core.reminder;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working days and the delivery window: reminders go out Monday to Friday, 08:00 to 18:00 in the board's zone, except
 * on England and Wales bank holidays (computed, so no list goes out of date).
 *
 * <p>Every time is worked out as a local date and time first and only then placed in the zone, so a reminder "at
 * 08:00 on Monday" is 08:00 on the clock on either side of a daylight-saving change: never shifted, dropped or doubled.
 */
public final class WorkingCalendar {

    /** When the window opens each working day. */
    public static final LocalTime OPENS = LocalTime.of(8, 0);
    /** When it shuts: 18:00 itself is outside. */
    public static final LocalTime SHUTS = LocalTime.of(18, 0);

    private static final Map<Integer, Set<LocalDate>> HOLIDAYS = new ConcurrentHashMap<>();

    private WorkingCalendar() {
    }

    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isBankHoliday(date);
    }

    public static boolean isBankHoliday(LocalDate date) {
        return bankHolidays(date.getYear()).contains(date);
    }

    /** True while the window is open at {@code instant} in {@code zone}. */
    public static boolean isOpen(Instant instant, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        LocalTime time = local.toLocalTime();
        return isWorkingDay(local.toLocalDate()) && !time.isBefore(OPENS) && time.isBefore(SHUTS);
    }

    /** {@code instant} itself when the window is open then, else the next opening (08:00 of the next working day). */
    public static Instant windowFrom(Instant instant, ZoneId zone) {
        if (isOpen(instant, zone)) {
            return instant;
        }
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        LocalDate day = local.toLocalDate();
        if (!isWorkingDay(day) || !local.toLocalTime().isBefore(OPENS)) {
            day = nextWorkingDay(day);
        }
        return opening(day, zone);
    }

    /** A local date and time on the board's clock, moved to the next window opening if the window is shut then. */
    public static Instant at(LocalDate date, LocalTime time, ZoneId zone) {
        return windowFrom(ZonedDateTime.of(date, time, zone).toInstant(), zone);
    }

    /** 08:00 on that day in the zone (a gap at 08:00 would move it on by the gap; none of Europe's zones has one). */
    public static Instant opening(LocalDate day, ZoneId zone) {
        return ZonedDateTime.of(day, OPENS, zone).toInstant();
    }

    public static LocalDate nextWorkingDay(LocalDate date) {
        LocalDate day = date.plusDays(1);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** {@code count} working days after {@code date} (negative: before); 0 is the date itself. */
    public static LocalDate plusWorkingDays(LocalDate date, int count) {
        LocalDate day = date;
        int step = count < 0 ? -1 : 1;
        for (int left = Math.abs(count); left > 0; ) {
            day = day.plusDays(step);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** The bank holidays of England and Wales in a year. */
    public static Set<LocalDate> bankHolidays(int year) {
        return HOLIDAYS.computeIfAbsent(year, WorkingCalendar::compute);
    }

    private static Set<LocalDate> compute(int year) {
        Set<LocalDate> days = new HashSet<>();
        LocalDate newYear = substitute(LocalDate.of(year, Month.JANUARY, 1));
        days.add(newYear);
        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(2));
        days.add(easter.plusDays(1));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        LocalDate christmas = LocalDate.of(year, Month.DECEMBER, 25);
        // Christmas and Boxing Day, each moved to the next weekday not already a holiday when it falls at a weekend.
        switch (christmas.getDayOfWeek()) {
            case FRIDAY -> days.addAll(Set.of(christmas, christmas.plusDays(3)));
            case SATURDAY, SUNDAY -> days.addAll(Set.of(christmas.plusDays(christmas.getDayOfWeek() == DayOfWeek.SATURDAY
                    ? 2 : 1), christmas.plusDays(christmas.getDayOfWeek() == DayOfWeek.SATURDAY ? 3 : 2)));
            default -> days.addAll(Set.of(christmas, christmas.plusDays(1)));
        }
        return Set.copyOf(days);
    }

    /** A holiday falling at a weekend is taken the following Monday. */
    private static LocalDate substitute(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY -> date.plusDays(2);
            case SUNDAY -> date.plusDays(1);
            default -> date;
        };
    }

    /** Easter Sunday by the Gregorian computus (the anonymous algorithm, Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
