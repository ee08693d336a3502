package io.boardclerk.bot;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
