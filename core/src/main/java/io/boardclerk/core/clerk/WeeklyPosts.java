package io.boardclerk.core.clerk;

import io.boardclerk.core.model.Board;
import io.boardclerk.core.port.LedgerStore;
import io.boardclerk.core.posting.PostingSchedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The weekly posting of boards' action-log summaries ({@code post action log weekly <day>}): which boards are due,
 * each claimed in a transaction before it is posted, so that a board's post of a date is made once however often
 * the scheduler looks and across restarts. A post whose claim was made but whose posting never finished (the
 * process died in between) is not made again: its row keeps no outcome.
 */
public final class WeeklyPosts {

    /** One board's post, claimed. */
    public record Due(Board board, LocalDate date, Card.PostActionLog post) {
    }

    private final LedgerStore store;

    public WeeklyPosts(LedgerStore store) {
        this.store = store;
    }

    /** Claims and returns the posts due at {@code now} (on their day, from 09:00 in the board's zone). */
    public List<Due> claimDue(Instant now) {
        return store.inTransaction(ledger -> {
            List<Due> due = new ArrayList<>();
            for (PostingSchedule schedule : ledger.postingSchedules()) {
                LocalDate date = schedule.dueOn(now);
                if (date == null) {
                    continue;
                }
                Optional<Board> board = ledger.board(schedule.boardId());
                if (board.isEmpty() || !ledger.claimWeeklyPost(schedule.boardId(), date, now)) {
                    continue;
                }
                due.add(new Due(board.get(), date, ActionLogPosts.post(ledger, board.get(), date,
                        ActionLogPosts.currentOrNextMeeting(ledger, board.get().id(), date))));
            }
            return due;
        });
    }

    /** Notes how a claimed post went. */
    public void recordOutcome(Due due, String outcome) {
        store.inTransaction(ledger -> {
            ledger.recordWeeklyPost(due.board().id(), due.date(), outcome);
            return null;
        });
    }
}
