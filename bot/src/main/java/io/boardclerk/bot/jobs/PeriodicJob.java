package io.boardclerk.bot.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One background thread that runs one task on a schedule: the first run after {@code first}, then each {@code every}
 * after the last one ended (never two at once). A run that fails is logged and the next runs as usual: a scheduled
 * task that throws would otherwise never run again. Nothing starts until {@link #start}; {@link #close} lets the run
 * in hand finish for up to its grace, then interrupts it. Everything a job needs to carry on is in the database, so
 * a restart picks up where it left off.
 */
public final class PeriodicJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicJob.class);

    /** One run of the job. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    private final String name;
    private final Duration first;
    private final Duration every;
    private final Duration grace;
    private final Task task;
    private final CountDownLatch firstRun = new CountDownLatch(1);
    private ScheduledExecutorService thread;

    /**
     * @param name  the thread's name, and how the log names the job
     * @param grace how long {@link #close} waits for the run in hand before interrupting it
     */
    public PeriodicJob(String name, Duration first, Duration every, Duration grace, Task task) {
        this.name = name;
        this.first = first;
        this.every = every;
        this.grace = grace;
        this.task = task;
    }

    /** A job whose run in hand is interrupted at once on close. */
    public PeriodicJob(String name, Duration every, Task task) {
        this(name, every, every, Duration.ZERO, task);
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::runSafely, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runSafely() {
        try {
            task.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            LOG.error("The job {} failed; it runs again in {} s", name, every.toSeconds(), e);
        } finally {
            firstRun.countDown();
        }
    }

    /** Waits until the first run is over, for at most {@code timeout}; false if it was not. */
    public boolean awaitFirstRun(Duration timeout) throws InterruptedException {
        return firstRun.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (thread == null) {
            return;
        }
        if (grace.isZero()) {
            thread.shutdownNow();
        } else {
            thread.shutdown();
            try {
                if (!thread.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    thread.shutdownNow();
                    LOG.warn("The job {} did not stop within {} s; its run was interrupted", name,
                            grace.toSeconds());
                }
            } catch (InterruptedException e) {
                thread.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }
}
