package io.boardclerk.bot.jobs;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodicJobTest {

    @Test
    void nothingRunsUntilStarted() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        PeriodicJob job = new PeriodicJob("test-job", Duration.ZERO, Duration.ofMillis(10), Duration.ZERO,
                runs::incrementAndGet);
        assertFalse(job.awaitFirstRun(Duration.ofMillis(100)), "made, not started: nothing runs");
        assertEquals(0, runs.get());
        job.close();
    }

    @Test
    void aRunThatFailsIsFollowedByTheNext() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(3);
        try (PeriodicJob job = new PeriodicJob("test-job", Duration.ZERO, Duration.ofMillis(10), Duration.ZERO, () -> {
            third.countDown();
            if (runs.incrementAndGet() <= 2) {
                throw new IllegalStateException("database is locked");
            }
        })) {
            job.start();
            assertTrue(job.awaitFirstRun(Duration.ofSeconds(10)), "the first run ends, failed as it is");
            assertTrue(third.await(10, TimeUnit.SECONDS), "runs go on after two that threw");
        }
    }

    @Test
    void closingWaitsForTheRunInHandWithinItsGrace() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        PeriodicJob job = new PeriodicJob("test-job", Duration.ZERO, Duration.ofHours(1), Duration.ofSeconds(10),
                () -> {
                    running.countDown();
                    Thread.sleep(200);
                    finished.incrementAndGet();
                });
        job.start();
        assertTrue(running.await(10, TimeUnit.SECONDS));
        job.close();
        assertEquals(1, finished.get(), "the run in hand finished before close returned");
    }

    @Test
    void closingWithoutGraceInterruptsTheRunInHand() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        PeriodicJob job = new PeriodicJob("test-job", Duration.ZERO, Duration.ofHours(1), Duration.ZERO, () -> {
            running.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        });
        job.start();
        assertTrue(running.await(10, TimeUnit.SECONDS));
        job.close();
        assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the run was interrupted");
    }
}
