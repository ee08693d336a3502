package io.boardclerk.bot.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed reminder again. A 5xx or a timeout waits {@code base}, then twice as long each time (1, 2, 4,
 * 8, 16 minutes by default), each wait moved by up to a fifth either way so that reminders which failed together do
 * not all come back in the same second; after {@code maxTries} tries in all the reminder is dead-lettered. A 429 waits
 * as long as the connector's Retry-After says (seconds or an HTTP date), since the SDK does not retry 429 itself.
 */
public record RetryPolicy(int maxTries, Duration base, RandomGenerator random) {

    public RetryPolicy {
        if (maxTries < 1) {
            throw new IllegalArgumentException("At least one try.");
        }
    }

    /** True when {@code triesSoFar} tries (this one included) are all a reminder gets. */
    public boolean exhausted(int triesSoFar) {
        return triesSoFar >= maxTries;
    }

    /** When to try again after the {@code attempt}-th failure (0 for the first try's failure). */
    public Instant backOff(int attempt, Instant now) {
        long millis = base.toMillis() << Math.min(attempt, 20);
        double jitter = 0.8 + 0.4 * random.nextDouble();
        return now.plusMillis(Math.round(millis * jitter));
    }

    /**
     * When a throttled request may be tried again: the Retry-After (delta seconds, or an HTTP date in the future),
     * else the back-off; never earlier than one second from now.
     */
    public Instant afterThrottle(String retryAfter, int attempt, Instant now) {
        Instant at = retryAfter(retryAfter, now).orElseGet(() -> backOff(attempt, now));
        Instant soonest = now.plusSeconds(1);
        return at.isBefore(soonest) ? soonest : at;
    }

    static Optional<Instant> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.matches("\\d{1,9}")) {
            return Optional.of(now.plusSeconds(Long.parseLong(value)));
        }
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
