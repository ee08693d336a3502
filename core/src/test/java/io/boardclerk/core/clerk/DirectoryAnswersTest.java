package io.boardclerk.core.clerk;

import io.boardclerk.core.port.Directory;
import io.boardclerk.core.port.DirectoryLookup;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Directory lookups run on a bounded pool: when it is full a lookup fails at once instead of adding a thread. */
class DirectoryAnswersTest {

    @Test
    void aFullLookupPoolAnswersFailedRatherThanGrowing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger asked = new AtomicInteger();
        Directory slow = (tenant, words) -> {
            asked.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new DirectoryLookup.NotFound();
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1));
        try {
            DirectoryAnswers answers = new DirectoryAnswers(slow, "t", Duration.ofMillis(300), pool);
            DirectoryAnswers.Round round = answers.round();
            for (String name : new String[]{"Ann One", "Bob Two", "Cy Three", "Di Four"}) {
                round.find("t", name);
            }
            round.lookUpMissed();
            DirectoryAnswers.Round next = answers.round();
            DirectoryLookup refused = next.find("t", "Di Four");
            assertInstanceOf(DirectoryLookup.Failed.class, refused);
            assertTrue(refused.toString().contains("too many names at once"), refused.toString());
            assertTrue(pool.getLargestPoolSize() <= 1, "the pool never grew");
            assertTrue(asked.get() <= 2, "only what the pool held was asked: " + asked.get());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertEquals(1, pool.getMaximumPoolSize());
    }
}
