package io.boardclerk.core.model;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A member's apology for a meeting that is not yet scheduled ("my apologies for the July Board"), kept against the
 * meeting as they named it until a meeting on that day, or in that month, is scheduled; it then becomes an
 * {@link Apology} on that meeting.
 *
 * @param meetingWords the meeting as the member named it ("the July Board")
 * @param onDate       the day named, or null when only a month was named
 * @param inMonth      the month named, or null when a day was named
 * @param apologyId    the apology made once the meeting was scheduled, null while awaited
 */
public record AwaitedApology(long id, long boardId, Long personId, String name, String role, String note,
                             String meetingWords, LocalDate onDate, YearMonth inMonth, long recordingId,
                             Long apologyId) {

    /** True when a meeting on {@code date} is the one the member meant. */
    public boolean meantFor(LocalDate date) {
        return onDate != null ? onDate.equals(date) : YearMonth.from(date).equals(inMonth);
    }
}
