package io.boardclerk.bot;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * BoardClerk's own bounded pool for turns (not the SDK's or the JDK's common pool). Turns of one conversation run one
 * at a time, in order, each taking its turn in the pool's queue behind other conversations' turns: a burst on one
 * board occupies one worker, never all of them, so other boards are answered meanwhile. When too many turns wait, in
 * all or for one conversation, a new one is refused ({@link Saturated}): the server answers 503 with Retry-After and
 * Teams delivers it again.
 */
final class TurnPool implements AutoCloseable {

    /** Thrown by {@link #submit} when the pool is full. */
    static final class Saturated extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Saturated(String message) {
            super(message, null, false, false);
        }
    }

    private final ExecutorService workers;
    private final int maxWaiting;
    private final int maxWaitingPerConversation;
    private final Map<String, Lane> lanes = new HashMap<>();
    private int waiting;

    private TurnPool(ExecutorService workers, int maxWaiting, int maxWaitingPerConversation) {
        this.workers = workers;
        this.maxWaiting = maxWaiting;
        this.maxWaitingPerConversation = maxWaitingPerConversation;
    }

    /** A pool of {@code threads} workers, started here (the constructor starts nothing). */
    static TurnPool start(int threads, int maxWaiting, int maxWaitingPerConversation) {
        AtomicInteger ids = new AtomicInteger();
        return new TurnPool(new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread thread = new Thread(r, "boardclerk-turn-" + ids.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }), maxWaiting, maxWaitingPerConversation);
    }

    /** The pool sized for this machine, started. */
    static TurnPool forServer() {
        int threads = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
        return start(threads, 256, 16);
    }

    /** Runs {@code work} for {@code conversation} after that conversation's earlier turns. */
    <T> CompletableFuture<T> submit(String conversation, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable task = () -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        };
        synchronized (lanes) {
            Lane lane = lanes.computeIfAbsent(conversation, Lane::new);
            if (waiting >= maxWaiting || lane.tasks.size() >= maxWaitingPerConversation) {
                if (lane.tasks.isEmpty() && !lane.running) {
                    lanes.remove(conversation);
                }
                throw new Saturated(waiting >= maxWaiting ? "too many turns are waiting"
                        : "too many turns of one conversation are waiting");
            }
            lane.tasks.add(task);
            waiting++;
            if (!lane.running) {
                lane.running = true;
                workers.execute(lane);
            }
        }
        return result;
    }

    /** One conversation's waiting turns: runs one, then queues itself again behind everyone else's. */
    private final class Lane implements Runnable {
        private final String key;
        private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        private boolean running;

        Lane(String key) {
            this.key = key;
        }

        @Override
        public void run() {
            Runnable next;
            synchronized (lanes) {
                next = tasks.poll();
                waiting--;
            }
            try {
                next.run();
            } finally {
                synchronized (lanes) {
                    if (tasks.isEmpty()) {
                        running = false;
                        lanes.remove(key);
                    } else {
                        workers.execute(this);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
