package io.boardclerk.core.clerk;

import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.MeetingStatus;
import io.boardclerk.core.port.Ledger;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

/**
 * The meeting whose minutes are being written: the one under way, or else the last one held, while its minutes are
 * not yet approved and it was held within {@link #WRITE_UP_DAYS} days. The minutes' own dates ("the next meeting will
 * be held on 8th April", "Action: ... to the May Board") are judged against its date, so a secretary typing up a
 * meeting three weeks later records what the minutes say, not what the words would mean today.
 */
final class MinutedMeeting {

    /** How long after a meeting its minutes are still taken to be in the writing. */
    static final int WRITE_UP_DAYS = 56;

    private MinutedMeeting() {
    }

    static Optional<Meeting> of(Ledger ledger, long boardId, LocalDate today) {
        Optional<Meeting> open = ledger.openMeeting(boardId);
        if (open.isPresent()) {
            return open;
        }
        return ledger.meetings(boardId).stream()
                .filter(m -> m.status() == MeetingStatus.CLOSED && !m.date().isAfter(today))
                .max(Comparator.comparing(Meeting::date).thenComparing(Meeting::id))
                .filter(m -> !m.date().isBefore(today.minusDays(WRITE_UP_DAYS)))
                .filter(m -> ledger.approval(m.id()).isEmpty());
    }

    /** The date the minutes' words are judged against: the minuted meeting's, or today. */
    static LocalDate date(Ledger ledger, long boardId, LocalDate today) {
        return of(ledger, boardId, today).map(Meeting::date).orElse(today);
    }
}
