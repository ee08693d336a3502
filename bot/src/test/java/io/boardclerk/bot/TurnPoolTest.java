package io.boardclerk.bot;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The turn pool's bounds and its order: one conversation at a time, others not kept waiting behind it. */
class TurnPoolTest {

    @Test
    void oneConversationsTurnsRunInOrderOneAtATime() throws Exception {
        try (TurnPool pool = TurnPool.start(4, 100, 50)) {
            List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
            List<CompletableFuture<Integer>> all = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                all.add(pool.submit("c", () -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    order.add(n);
                    running.decrementAndGet();
                    return n;
                }));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertEquals(1, most.get());
            for (int i = 0; i < 20; i++) {
                assertEquals(i, order.get(i));
            }
        }
    }

    @Test
    void aBlockedConversationDoesNotHoldUpAnother() throws Exception {
        try (TurnPool pool = TurnPool.start(2, 100, 50)) {
            CountDownLatch release = new CountDownLatch(1);
            for (int i = 0; i < 10; i++) {
                pool.submit("busy", () -> {
                    try {
                        return release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        return false;
                    }
                });
            }
            assertEquals("quick", pool.submit("other", () -> "quick").get(5, TimeUnit.SECONDS));
            release.countDown();
        }
    }

    @Test
    void whenTooManyWaitANewTurnIsRefused() throws Exception {
        try (TurnPool pool = TurnPool.start(1, 5, 3)) {
            CountDownLatch release = new CountDownLatch(1);
            pool.submit("a", () -> await(release));
            Thread.sleep(100);
            for (int i = 0; i < 3; i++) {
                pool.submit("a", () -> true);
            }
            TurnPool.Saturated perConversation = assertThrows(TurnPool.Saturated.class,
                    () -> pool.submit("a", () -> true));
            assertTrue(perConversation.getMessage().contains("one conversation"));
            pool.submit("b", () -> true);
            pool.submit("c", () -> true);
            assertThrows(TurnPool.Saturated.class, () -> pool.submit("d", () -> true), "five wait in all");
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                try {
                    assertEquals(Boolean.TRUE, pool.submit("a", () -> true).get(5, TimeUnit.SECONDS));
                    break;
                } catch (TurnPool.Saturated stillDraining) {
                    assertTrue(System.nanoTime() < deadline, "the waiting turns drained");
                    Thread.sleep(20);
                }
            }
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Test
    void closingLetsEveryTurnTakenRunToItsEndAndRefusesNewOnes() throws Exception {
        TurnPool pool = TurnPool.start(2, 100, 50);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        List<CompletableFuture<Integer>> taken = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int n = i;
            taken.add(pool.submit("conversation-" + (i % 3), () -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException("interrupted", e);
                }
                return n;
            }));
        }
        CompletableFuture<Boolean> closed = CompletableFuture.supplyAsync(() -> pool.close(
                java.time.Duration.ofSeconds(30)));
        // Closing has begun: a new turn is refused, so that Teams delivers it again elsewhere.
        for (long end = System.nanoTime() + 5_000_000_000L; System.nanoTime() < end; ) {
            try {
                pool.submit("conversation-9", () -> 9).cancel(false);
                Thread.sleep(5);
            } catch (TurnPool.Saturated refused) {
                break;
            }
        }
        assertThrows(TurnPool.Saturated.class, () -> pool.submit("conversation-9", () -> 9));
        release.countDown();
        assertTrue(closed.get(30, TimeUnit.SECONDS), "every turn taken ended before the pool stopped");
        for (int i = 0; i < 6; i++) {
            assertEquals(i, taken.get(i).get(1, TimeUnit.SECONDS), "turn " + i + " ran, none dropped");
        }
    }

    @Test
    void closingGivesUpOnATurnThatOutlastsTheGrace() throws Exception {
        TurnPool pool = TurnPool.start(1, 100, 50);
        CompletableFuture<Integer> stuck = pool.submit("c", () -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException("interrupted at the end of the grace", e);
            }
            return 1;
        });
        assertFalse(pool.close(java.time.Duration.ofMillis(200)));
        java.util.concurrent.ExecutionException failed = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> stuck.get(10, TimeUnit.SECONDS));
        assertTrue(failed.getCause().getMessage().contains("interrupted"), failed.getCause().getMessage());
    }
}
