package io.boardclerk.core.attendance;

import io.boardclerk.core.model.AttendanceFetch;
import io.boardclerk.core.model.AttendanceFetch.State;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.port.AttendanceAnswer;
import io.boardclerk.core.port.AttendanceSource;
import io.boardclerk.core.port.Ledger;
import io.boardclerk.core.port.LedgerStore;
import io.boardclerk.core.port.MeetingLocator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Gets the attendance reports of ended Teams meetings and posts each reconciliation into its board's chat once. The
 * work is kept in the database ({@link AttendanceFetch}): a meeting's end queues a fetch, {@link #runDue()} (called
 * every minute, and at once when someone asks) works through what is due. Teams and Graph are asked outside any
 * transaction; what they said is written in a short one afterwards, so a slow Graph holds nobody up. Tries are
 * bounded: after {@link #MAX_TRIES} the fetch stops until someone asks for the attendance again.
 */
public final class AttendanceRetriever {

    /** Teams publishes the report a few minutes after the meeting ends. */
    public static final Duration FIRST_TRY_AFTER = Duration.ofMinutes(5);
    /** How long a run holds the fetches it took: longer than any one fetch and post takes. */
    static final Duration LEASE = Duration.ofMinutes(10);
    public static final int MAX_TRIES = 6;
    /**
     * Graph can answer 404 for a meeting that has only just ended (its copy of the meeting lags Teams'), so "not
     * found" is believed only on this try; the earlier ones are retried like a report not yet published.
     */
    public static final int NOT_FOUND_TRIES = 3;
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    /** Posts Markdown into a board's chat; false when it could not. */
    public interface ChatPoster extends BiPredicate<Board, String> {
    }

    private final LedgerStore store;
    private final MeetingLocator locator;
    private final AttendanceSource source;
    private final ChatPoster poster;
    private final Clock clock;
    private final ZoneId zone;

    public AttendanceRetriever(LedgerStore store, MeetingLocator locator, AttendanceSource source, ChatPoster poster,
                               Clock clock, ZoneId zone) {
        this.store = store;
        this.locator = locator;
        this.source = source;
        this.poster = poster;
        this.clock = clock;
        this.zone = zone;
    }

    /** The wait before try number {@code tries + 1}: 5, 5, 10, 20, 40 minutes, then at most an hour. */
    public static Duration backOff(int tries) {
        Duration wait = FIRST_TRY_AFTER.multipliedBy(1L << Math.max(0, Math.min(tries - 1, 10)));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** Works through every fetch that is due; returns how many it handled. Never throws for one fetch's trouble. */
    public synchronized int runDue() {
        Instant now = clock.instant();
        List<AttendanceFetch> due = store.inTransaction(ledger -> ledger.claimDueAttendanceFetches(now,
                now.plus(LEASE)));
        for (AttendanceFetch fetch : due) {
            try {
                if (fetch.state() == State.OBTAINED) {
                    post(fetch);
                } else {
                    attempt(fetch);
                }
            } catch (RuntimeException e) {
                // One fetch's surprise must not hold up the others: it counts as a try, and the next comes later.
                retryOrGiveUp(fetch, fetch.tries() + 1, Duration.ZERO, "Something went wrong on BoardClerk's side "
                        + "while fetching the report (" + e.getClass().getSimpleName() + ").");
            }
        }
        return due.size();
    }

    private void attempt(AttendanceFetch fetch) {
        Optional<Context> context = store.read(ledger -> context(ledger, fetch));
        if (context.isEmpty()) {
            save(fetch.next(State.NOT_FOUND, fetch.tries(), null, "The meeting is no longer on record."));
            return;
        }
        AttendanceFetch located = fetch;
        int tries = fetch.tries() + 1;
        if (!fetch.located()) {
            if (context.get().serviceUrl() == null) {
                save(fetch.next(State.NOT_FOUND, tries, null, "BoardClerk has no address for this board's chat in "
                        + "Teams, so it cannot ask Teams which meeting this was."));
                return;
            }
            MeetingLocator.Located where = locator.locate(context.get().serviceUrl(), fetch.teamsMeetingId());
            if (where instanceof MeetingLocator.Found found) {
                located = fetch.located(found.organizerId(), found.graphMeetingId(), found.joinUrl());
            } else if (where instanceof MeetingLocator.Unknown unknown) {
                save(fetch.next(State.NOT_FOUND, tries, null, unknown.problem()));
                return;
            } else {
                retryOrGiveUp(fetch, tries, Duration.ZERO, ((MeetingLocator.Failed) where).problem());
                return;
            }
        }
        AttendanceAnswer answer = source.fetch(context.get().tenantId(), new AttendanceSource.OnlineMeeting(
                located.organizerId(), located.graphMeetingId(), located.joinUrl(), context.get().startedAt()));
        Instant now = clock.instant();
        if (answer instanceof AttendanceAnswer.Obtained obtained) {
            // Posted next, by this run; should it die first, another posts it once the lease is out.
            AttendanceFetch done = located.next(State.OBTAINED, tries, now.plus(LEASE), null);
            store.inTransaction(ledger -> {
                ledger.saveAttendanceReport(fetch.meetingId(), obtained.report());
                ledger.saveAttendanceFetch(done);
                return null;
            });
            post(done);
        } else if (answer instanceof AttendanceAnswer.NotYet) {
            retryOrGiveUp(located, tries, Duration.ZERO, "Teams has not published the attendance report yet.");
        } else if (answer instanceof AttendanceAnswer.NotFound notFound) {
            if (notFound.mayYetAppear() && tries < NOT_FOUND_TRIES) {
                retryOrGiveUp(located, tries, Duration.ZERO, notFound.problem());
            } else {
                save(located.next(State.NOT_FOUND, tries, null, notFound.problem()));
            }
        } else if (answer instanceof AttendanceAnswer.Refused refused) {
            save(located.next(State.REFUSED, tries, null, refused.problem()));
        } else if (answer instanceof AttendanceAnswer.Busy busy) {
            retryOrGiveUp(located, tries, busy.retryAfter(), busy.problem());
        } else {
            retryOrGiveUp(located, tries, Duration.ZERO, ((AttendanceAnswer.Failed) answer).problem());
        }
    }

    private void retryOrGiveUp(AttendanceFetch fetch, int tries, Duration atLeast, String problem) {
        if (tries >= MAX_TRIES) {
            save(fetch.next(State.GAVE_UP, tries, null, problem));
            return;
        }
        Duration wait = backOff(tries);
        if (atLeast != null && atLeast.compareTo(wait) > 0) {
            wait = atLeast;
        }
        save(fetch.next(State.PENDING, tries, clock.instant().plus(wait), problem));
    }

    private void save(AttendanceFetch fetch) {
        store.inTransaction(ledger -> {
            ledger.saveAttendanceFetch(fetch);
            return null;
        });
    }

    /** Posts the reconciliation once; a post that fails is tried again on the next run. */
    private void post(AttendanceFetch fetch) {
        Optional<Posting> posting = store.read(ledger -> ledger.board(fetch.boardId()).flatMap(board ->
                ledger.meeting(fetch.meetingId()).flatMap(meeting -> Attendances.reconcile(ledger, meeting)
                        .map(r -> new Posting(board, AttendanceText.markdown(Attendances.heading(meeting), r, zone,
                                false))))));
        if (posting.isEmpty()) {
            save(fetch.markPosted());
            return;
        }
        boolean posted = poster.test(posting.get().board(), posting.get().markdown());
        Instant now = clock.instant();
        store.inTransaction(ledger -> {
            // Posted: done. Not posted: the claim is let go, so that the next run tries again.
            ledger.attendanceFetch(fetch.meetingId()).filter(f -> !f.posted()).ifPresent(f -> ledger
                    .saveAttendanceFetch(posted ? f.markPosted() : f.next(f.state(), f.tries(), now, f.problem())));
            return null;
        });
    }

    private static Optional<Context> context(Ledger ledger, AttendanceFetch fetch) {
        return ledger.board(fetch.boardId()).flatMap(board -> ledger.meeting(fetch.meetingId()).map(meeting ->
                new Context(board.tenantId(), ledger.serviceUrl(board.id()).orElse(null), meeting.startedAt())));
    }

    private record Context(String tenantId, String serviceUrl, Instant startedAt) {
    }

    private record Posting(Board board, String markdown) {
    }
}
