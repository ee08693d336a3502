package io.boardclerk.graph;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sleeper for Graph's retries that records each wait asked for instead of waiting it. */
final class RecordedWaits implements Sleeper {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
    }

    List<Duration> all() {
        return List.copyOf(waits);
    }

    /**
     * Asserts {@code count} waits, doubling from {@code first}: the n-th at least {@code first * 2^(n-1)} and less than
     * half as much again (its random part).
     */
    void assertBackOff(Duration first, int count) {
        List<Duration> asked = all();
        assertEquals(count, asked.size(), "waits asked for: " + asked);
        for (int i = 0; i < count; i++) {
            Duration least = first.multipliedBy(1L << i);
            Duration wait = asked.get(i);
            assertTrue(wait.compareTo(least) >= 0 && (least.isZero() ? wait.isZero()
                    : wait.compareTo(least.plus(least.dividedBy(2))) < 0), "wait " + (i + 1) + " was " + wait
                    + ", not a back-off from " + least + ": " + asked);
        }
    }
}
