package io.boardclerk.bot.reminders;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    final RetryPolicy policy = new RetryPolicy(6, Duration.ofMinutes(1), new SplittableRandom(42));

    @Test
    void theWaitDoublesEachTimeWithinAFifthEitherWay() {
        for (int attempt = 0; attempt < 5; attempt++) {
            long nominal = 60L << attempt;
            for (int i = 0; i < 200; i++) {
                long wait = Duration.between(NOW, policy.backOff(attempt, NOW)).toSeconds();
                assertTrue(wait >= nominal * 0.8 - 1 && wait <= nominal * 1.2, attempt + ": " + wait);
            }
        }
    }

    @Test
    void jitterSpreadsRemindersThatFailedTogether() {
        Set<Instant> times = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            times.add(policy.backOff(0, NOW));
        }
        assertTrue(times.size() > 40, "spread: " + times.size());
    }

    @Test
    void sixTriesInAll() {
        assertFalse(policy.exhausted(5));
        assertTrue(policy.exhausted(6));
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        assertEquals(NOW.plusSeconds(30), policy.afterThrottle("30", 0, NOW));
        assertEquals(Instant.parse("2026-11-23T10:05:00Z"),
                policy.afterThrottle("Mon, 23 Nov 2026 10:05:00 GMT", 0, NOW));
        assertEquals(NOW.plusSeconds(1), policy.afterThrottle("0", 0, NOW), "never sooner than a second");
        assertEquals(NOW.plusSeconds(1), policy.afterThrottle("Mon, 23 Nov 2026 09:00:00 GMT", 0, NOW),
                "a date already past: a second");
        long fallback = Duration.between(NOW, policy.afterThrottle("soon", 2, NOW)).toSeconds();
        assertTrue(fallback >= 192 && fallback <= 288, "no usable Retry-After: the back-off: " + fallback);
        long missing = Duration.between(NOW, policy.afterThrottle(null, 0, NOW)).toSeconds();
        assertTrue(missing >= 48 && missing <= 72, String.valueOf(missing));
    }
}
