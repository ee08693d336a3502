package io.boardclerk.core.posting;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A board's weekly posting of its action-log summary: on {@code day} at {@link #AT} in the board's zone.
 */
public record PostingSchedule(long boardId, DayOfWeek day, ZoneId zone, String setBy, Instant setAt) {

    /** The hour the summary goes out on its day. */
    public static final LocalTime AT = LocalTime.of(9, 0);

    /**
     * The date whose post is due at {@code now}: today in the board's zone when it is the day and 09:00 has passed
     * (until midnight, so a restart later that day still posts); otherwise none.
     */
    public LocalDate dueOn(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        return local.getDayOfWeek() == day && !local.toLocalTime().isBefore(AT) ? local.toLocalDate() : null;
    }

    /** "Monday", as people say it. */
    public String dayName() {
        return day.getDisplayName(TextStyle.FULL, Locale.UK);
    }
}
