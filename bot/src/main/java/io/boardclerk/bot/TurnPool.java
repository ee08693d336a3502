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
    private boolean closing;

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
            if (closing) {
                throw new Saturated("BoardClerk is stopping");
            }
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
                        lanes.notifyAll();
                    } else {
                        workers.execute(this);
                    }
                }
            }
        }
    }

    /** Stops as {@link #close(java.time.Duration)} does, giving the turns in hand twenty seconds. */
    @Override
    public void close() {
        close(java.time.Duration.ofSeconds(20));
    }

    /**
     * Stops taking turns (a new one is refused, so Teams delivers it again, to another instance if there is one), lets
     * every turn already taken, running or waiting, run to its end for up to {@code grace}, then interrupts what is
     * left. A turn taken was acknowledged to Teams, so it is not dropped while there is time.
     *
     * @return true when every turn taken had ended
     */
    boolean close(java.time.Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        boolean drained;
        synchronized (lanes) {
            closing = true;
            try {
                for (long left = grace.toNanos(); !lanes.isEmpty() && left > 0; left = deadline - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.timedWait(lanes, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            drained = lanes.isEmpty();
        }
        workers.shutdownNow();
        return drained;
    }
}
