package io.boardclerk.core.clerk;

import io.boardclerk.core.model.Board;
import io.boardclerk.core.parse.BritishDates;
import io.boardclerk.core.port.LedgerStore;
import io.boardclerk.core.posting.ClaimedPost;
import io.boardclerk.core.posting.PostingSchedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The weekly posting of boards' action-log summaries ({@code post action log weekly <day>}): which boards are due,
 * each claimed in a transaction before it is posted, so that a board's post of a date is made once however often
 * the scheduler looks and across restarts. A post whose claim was made but whose posting never finished (the
 * process died in between, or the posting failed unexpectedly) is not made again, since it may have gone out: once
 * it has been left for {@link #LEFT_AFTER}, the board's chat is told it may be missing and how to post it now.
 */
public final class WeeklyPosts {

    /** One board's post, claimed. */
    public record Due(Board board, LocalDate date, Effect.PostActionLog post) {
    }

    /** A claimed post that never finished: what to tell the board's chat. */
    public record Interrupted(Board board, LocalDate date, String line) {
    }

    /**
     * How long a claimed post may go without an outcome before it is taken as interrupted: far longer than posting
     * takes (three Graph messages, each within Graph's time-out, then the bot's own post).
     */
    public static final Duration LEFT_AFTER = Duration.ofMinutes(10);

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

    /**
     * The posts claimed more than {@link #LEFT_AFTER} before {@code now} that never recorded an outcome, each marked
     * interrupted in the same transaction so that the chat is told once.
     */
    public List<Interrupted> interrupted(Instant now) {
        // Asked every minute and almost always empty: read first, so the writer is taken only when there is one.
        if (store.read(ledger -> ledger.unfinishedWeeklyPosts()).stream()
                .allMatch(claimed -> claimed.claimedAt().plus(LEFT_AFTER).isAfter(now))) {
            return List.of();
        }
        return store.inTransaction(ledger -> {
            List<Interrupted> left = new ArrayList<>();
            for (ClaimedPost claimed : ledger.unfinishedWeeklyPosts()) {
                if (claimed.claimedAt().plus(LEFT_AFTER).isAfter(now)) {
                    continue;
                }
                if (!ledger.recordWeeklyPost(claimed.boardId(), claimed.date(), "interrupted: not repeated")) {
                    continue; // another instance has just told the chat
                }
                ledger.board(claimed.boardId()).ifPresent(board -> left.add(new Interrupted(board, claimed.date(),
                        "The weekly action log summary of " + BritishDates.formatLong(claimed.date())
                                + " may not have been posted: BoardClerk stopped while posting it, and never posts "
                                + "one twice. Say " + Md.code("post action log") + " to post it now.")));
            }
            return left;
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
