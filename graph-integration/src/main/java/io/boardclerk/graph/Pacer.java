package io.boardclerk.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Spaces messages to one channel or chat: Teams takes about four messages a second per app per conversation, and a
 * long summary split into several messages would otherwise go out in a burst and be throttled part-way.
 */
final class Pacer {

    static final Duration INTERVAL = Duration.ofMillis(250);

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration interval;
    private final Map<String, Instant> next = new HashMap<>();

    Pacer(Clock clock, Sleeper sleeper, Duration interval) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.interval = interval;
    }

    static Pacer real() {
        return new Pacer(Clock.systemUTC(), Sleeper.REAL, INTERVAL);
    }

    /** Waits until a message to {@code key} may go, and books the slot after it. */
    void await(String key) throws InterruptedException {
        Instant slot;
        synchronized (this) {
            Instant now = clock.instant();
            Instant free = next.getOrDefault(key, now);
            slot = free.isAfter(now) ? free : now;
            next.put(key, slot.plus(interval));
        }
        Duration wait = Duration.between(clock.instant(), slot);
        if (!wait.isNegative() && !wait.isZero()) {
            sleeper.sleep(wait);
        }
    }
}
