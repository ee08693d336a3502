package io.boardclerk.core.clerk;

import io.boardclerk.core.port.Directory;
import io.boardclerk.core.port.DirectoryLookup;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The organisation directory's answers for one turn, looked up <em>before</em> the turn's transaction.
 *
 * <p>The database has a single writer: a Graph lookup made while a turn holds it (a throttled Graph may ask for
 * Retry-After waits of up to ~30 seconds) would stall every board. So a turn first runs against {@link #round()}, a
 * directory that answers only from what is already known and notes every name it was asked about. When it was asked
 * about a name it did not know, the turn is rolled back ({@link Needed}), the names are looked up with the writer
 * free, in parallel and within a bounded time, and the turn runs again with the answers handed in. Which names need
 * the directory is decided by the very code that records the turn (roster first, bodies, names), so nothing is
 * looked up that the turn would not ask about, and nothing it asks about is missed.
 */
final class DirectoryAnswers {

    /** A turn that asks about new names this often (each answer leading to another question) gets no more rounds. */
    static final int MAX_ROUNDS = 3;

    /** Thrown inside the transaction to roll the turn back when it asked about names not yet looked up. */
    static final class Needed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Needed() {
            super("the turn needs directory lookups first", null, false, false);
        }
    }

    private final Directory directory;
    private final String tenantId;
    private final Duration budget;
    private final Executor executor;
    private final Map<String, DirectoryLookup> known = new ConcurrentHashMap<>();
    private int rounds;

    DirectoryAnswers(Directory directory, String tenantId, Duration budget, Executor executor) {
        this.directory = directory;
        this.tenantId = tenantId;
        this.budget = budget;
        this.executor = executor;
    }

    /** A directory for one attempt at the turn: answers from what is known, notes the rest. */
    Round round() {
        rounds++;
        return new Round(rounds >= MAX_ROUNDS);
    }

    /** One attempt's view of the directory. Never calls out: safe inside the transaction. */
    final class Round implements Directory {
        private final boolean last;
        private final Set<String> missed = new LinkedHashSet<>();

        private Round(boolean last) {
            this.last = last;
        }

        @Override
        public DirectoryLookup find(String tenant, String words) {
            if (words == null || words.isBlank()) {
                return new DirectoryLookup.NotFound();
            }
            if (directory == Directory.OFF) {
                return new DirectoryLookup.Off();
            }
            DirectoryLookup answer = known.get(key(words));
            if (answer != null) {
                return answer;
            }
            if (last) {
                return new DirectoryLookup.Failed("one message named more people than could be looked up in time; "
                        + "name them in messages of their own.");
            }
            missed.add(words.strip());
            return new DirectoryLookup.NotFound();
        }

        /** Called at the end of the work, inside the transaction: rolls it back if it needs lookups first. */
        void requireAnswered() {
            if (!missed.isEmpty()) {
                throw new Needed();
            }
        }

        boolean complete() {
            return missed.isEmpty();
        }

        /** Looks up what this attempt missed, with the writer free; each gets an answer, a failure at worst. */
        void lookUpMissed() {
            long deadline = System.nanoTime() + budget.toNanos();
            Map<String, CompletableFuture<DirectoryLookup>> pending = new LinkedHashMap<>();
            for (String words : missed) {
                try {
                    pending.put(words, CompletableFuture.supplyAsync(() -> directory.find(tenantId, words), executor));
                } catch (java.util.concurrent.RejectedExecutionException full) {
                    pending.put(words, CompletableFuture.completedFuture(new DirectoryLookup.Failed("BoardClerk is "
                            + "looking up too many names at once; try again in a moment.")));
                }
            }
            for (Map.Entry<String, CompletableFuture<DirectoryLookup>> e : pending.entrySet()) {
                DirectoryLookup answer;
                try {
                    long left = Math.max(0, deadline - System.nanoTime());
                    answer = e.getValue().get(left, TimeUnit.NANOSECONDS);
                } catch (TimeoutException timeout) {
                    e.getValue().cancel(true);
                    answer = new DirectoryLookup.Failed("Microsoft Graph did not answer within " + budget.toSeconds()
                            + " seconds; try again later.");
                } catch (ExecutionException | CancellationException failed) {
                    answer = new DirectoryLookup.Failed("the lookup failed (" + failed.getClass().getSimpleName()
                            + ").");
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    answer = new DirectoryLookup.Failed("the lookup was interrupted.");
                }
                known.put(key(e.getKey()), answer == null ? new DirectoryLookup.NotFound() : answer);
            }
            missed.clear();
        }
    }

    private static String key(String words) {
        return words.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
