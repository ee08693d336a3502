package io.boardclerk.bot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;

/**
 * What this instance wrote to the database lately, so that the same value is not written again on every turn. The
 * database is the truth: another instance sharing it may have written since, so an entry is trusted for a few minutes
 * only, and at most {@value #MOST} are kept.
 */
final class RecentWrites<V> {

    static final Duration TRUSTED_FOR = Duration.ofMinutes(5);
    private static final int MOST = 100_000;

    private final Cache<String, V> written = Caffeine.newBuilder().expireAfterWrite(TRUSTED_FOR).maximumSize(MOST)
            .build();

    /** True when this instance wrote {@code value} under {@code key} within the last few minutes. */
    boolean wrote(String key, V value) {
        return value.equals(written.getIfPresent(key));
    }

    void note(String key, V value) {
        written.put(key, value);
    }
}
