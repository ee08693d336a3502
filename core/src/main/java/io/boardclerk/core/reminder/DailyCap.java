package io.boardclerk.core.reminder;

import io.boardclerk.core.port.ReminderRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * The most reminders one board sends in a day (its own day, in its time zone), whether in Teams or by e-mail: what
 * stops a board's officer from using BoardClerk to flood the organisation, however many actions they record. One
 * claim of the outbox counts each board's deliveries begun since midnight once, then counts on as it claims.
 *
 * <p>A delivery over the cap is not dropped: it waits for the board's next working day's window, with the reason kept
 * on it, and {@code reminders status} lists it. A secretary would rather an owner is reminded a day late than never;
 * and when someone floods the outbox, the cap still bounds what leaves each day.
 */
final class DailyCap {

    /** The cap when none is configured: far above what a board of a few dozen people sends in a day. */
    static final int DEFAULT = 200;

    private final ReminderRepository ledger;
    private final int cap;
    private final Map<Long, Integer> begun = new HashMap<>();

    DailyCap(ReminderRepository ledger, int cap) {
        this.ledger = ledger;
        this.cap = cap;
    }

    /** True, and counted, when the board may send one more reminder today; false when its day's cap is reached. */
    boolean take(long boardId, ZoneId zone, Instant now) {
        int sent = begun.computeIfAbsent(boardId, id -> ledger.deliveriesBegunSince(id, startOfDay(now, zone)));
        if (sent >= cap) {
            return false;
        }
        begun.put(boardId, sent + 1);
        return true;
    }

    /** When a delivery held back today goes instead: the window's opening on the board's next working day. */
    static Instant nextDay(Instant now, ZoneId zone) {
        LocalDate tomorrow = now.atZone(zone).toLocalDate().plusDays(1);
        return WorkingCalendar.windowFrom(tomorrow.atStartOfDay(zone).toInstant(), zone);
    }

    /** Why it waits, as the status shows it. */
    String why(Instant until, ZoneId zone) {
        return "waiting: the board's limit of " + cap + (cap == 1 ? " reminder" : " reminders")
                + " a day was reached; it goes on "
                + io.boardclerk.core.parse.BritishDates.format(until.atZone(zone).toLocalDate()) + " from "
                + until.atZone(zone).toLocalTime();
    }

    private static Instant startOfDay(Instant now, ZoneId zone) {
        return now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }
}
