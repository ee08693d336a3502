package io.boardclerk.bot.reminders;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limiter's arithmetic on a fake clock: what it lets through in any second, and that it waits rather than drops. */
class RateLimiterTest {

    /** A clock that moves only when the limiter sleeps. */
    static final class FakeTime implements RateLimiter.Time {
        long now = 1_000_000_000L;
        long slept;

        @Override
        public long nanos() {
            return now;
        }

        @Override
        public void sleep(long nanos) {
            now += nanos;
            slept += nanos;
        }
    }

    static int maxInAnySecond(List<Long> times) {
        int max = 0;
        int end = 0;
        for (int start = 0; start < times.size(); start++) {
            while (end < times.size() && times.get(end) - times.get(start) < 1_000_000_000L) {
                end++;
            }
            max = Math.max(max, end - start);
        }
        return max;
    }

    @Test
    void aTenantGetsAtMostNinetyPercentOfItsLimitInAnySecondAndEveryRequestGoesThrough() throws Exception {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(50, time);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            limiter.acquire("tenant-fenshire", null);
            times.add(time.now);
        }
        assertEquals(1_000, times.size());
        assertTrue(maxInAnySecond(times) <= 45, "at most 90% of 50: " + maxInAnySecond(times));
        assertTrue(maxInAnySecond(times) >= 40, "and not needlessly slower: " + maxInAnySecond(times));
    }

    @Test
    void tenantsAreLimitedApart() throws Exception {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(10, time);
        for (int i = 0; i < 5; i++) {
            limiter.acquire("tenant-a", null);
        }
        long before = time.slept;
        limiter.acquire("tenant-b", null);
        assertEquals(before, time.slept, "another tenant's first request does not wait for the first tenant");
    }

    @Test
    void oneConversationStaysUnderTeamsPerThreadLimits() throws Exception {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(1_000, time);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            limiter.acquire("tenant-fenshire", "a:personal-29-jon");
            times.add(time.now);
        }
        assertTrue(maxInAnySecond(times) <= 7, "7 a second: " + maxInAnySecond(times));
        int maxIn30 = 0;
        int end = 0;
        for (int start = 0; start < times.size(); start++) {
            while (end < times.size() && times.get(end) - times.get(start) < 30_000_000_000L) {
                end++;
            }
            maxIn30 = Math.max(maxIn30, end - start);
        }
        assertTrue(maxIn30 <= 60, "60 in 30 seconds: " + maxIn30);
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, new FakeTime()));
    }

    @Test
    void withASharedBucketTheTenantsTurnIsTheDatabasesAndItsWaitIsKept() throws Exception {
        FakeTime time = new FakeTime();
        List<String> asked = new ArrayList<>();
        // The database answers: wait 300 ms, then a token. The rate and burst it is given are the limiter's own.
        long[] answers = {300_000_000L, 0};
        int[] next = {0};
        RateLimiter limiter = new RateLimiter(50, time, (tenant, perSecond, burst) -> {
            asked.add(tenant + " " + perSecond + " " + burst);
            return answers[next[0]++];
        });

        limiter.acquire("tenant-fenshire", "a:conversation");

        assertEquals(List.of("tenant-fenshire 40.0 5.0", "tenant-fenshire 40.0 5.0"), asked);
        assertEquals(300_000_000L, time.slept, "it waited what the database said, and no more");
    }

    @Test
    void withASharedBucketAConversationIsStillPacedHere() throws Exception {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(1_000, time, (tenant, perSecond, burst) -> 0);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            limiter.acquire("tenant-fenshire", "a:one-chat");
            times.add(time.now);
        }
        assertTrue(maxInAnySecond(times) <= 4, "one a second with a burst of 3: " + maxInAnySecond(times));
    }
}
