package io.boardclerk.bot.reminders;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Keeps the reminder sweep under Teams' limits for proactive messages: a token bucket per tenant (Teams allows an
 * app about 50 requests a second in one tenant) and one per conversation (Teams' per-thread limits are far lower:
 * 7 a second, 60 in 30 seconds). {@link #acquire} blocks the calling thread until both buckets hold a token, so a
 * digest run for a large tenant goes out steadily instead of being throttled.
 *
 * <p>A bucket refills at 80% of its limit and holds at most 10% of it (at least one request), so no second sees more
 * than 90% of the limit leave BoardClerk: the rest is head room for the network bunching requests on the way. Used by
 * the sweep thread alone, so it takes no locks. Where several instances share a database, the tenants' buckets are
 * kept there ({@link SharedBucket}), so that together they stay under the tenant's limit.
 */
public final class RateLimiter {

    /** Teams' per-thread limit is 7 a second and 60 in 30 seconds; one a second with a burst of 3 stays under both. */
    static final double CONVERSATION_PER_SECOND = 1.0;
    static final double CONVERSATION_BURST = 3.0;
    /** Idle conversation buckets (full again) are forgotten once there are more than this many. */
    private static final int MAX_CONVERSATIONS = 10_000;

    /** Time as the limiter sees it: a monotonic clock and a way to wait. Real time in the server; fake in tests. */
    public interface Time {
        long nanos();

        void sleep(long nanos) throws InterruptedException;

        Time SYSTEM = new Time() {
            @Override
            public long nanos() {
                return System.nanoTime();
            }

            @Override
            public void sleep(long nanos) throws InterruptedException {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        };
    }

    /** A tenant's bucket kept where several instances draw on it: see {@code TenantPacing} in the storage module. */
    @FunctionalInterface
    public interface SharedBucket {
        /** 0 when a token was taken; otherwise the nanoseconds to wait before asking again. */
        long take(String tenant, double perSecond, double burst);
    }

    private final Time time;
    private final SharedBucket shared;
    private final double tenantRate;
    private final double tenantBurst;
    private final Map<String, Bucket> tenants = new HashMap<>();
    private final Map<String, Bucket> conversations = new HashMap<>();

    /** @param tenantLimit the requests a second Teams allows the app in one tenant */
    public RateLimiter(int tenantLimit, Time time) {
        this(tenantLimit, time, null);
    }

    /**
     * @param shared the tenants' buckets in the database, which every instance sharing it draws on; null to keep
     *               them in memory (one instance)
     */
    public RateLimiter(int tenantLimit, Time time, SharedBucket shared) {
        if (tenantLimit < 1) {
            throw new IllegalArgumentException("A tenant's limit is at least one request a second.");
        }
        this.time = time;
        this.shared = shared;
        this.tenantRate = tenantLimit * 0.8;
        this.tenantBurst = Math.max(1.0, Math.floor(tenantLimit * 0.1));
    }

    /**
     * Waits until one more request may go to {@code tenant} (and, when not null, into {@code conversationId}), then
     * counts it.
     */
    public void acquire(String tenant, String conversationId) throws InterruptedException {
        if (shared != null) {
            acquireShared(tenant, conversationId);
            return;
        }
        Bucket perTenant = tenants.computeIfAbsent(tenant, t -> new Bucket(tenantRate, tenantBurst, time.nanos()));
        Bucket perConversation = null;
        if (conversationId != null) {
            perConversation = conversation(tenant, conversationId);
        }
        while (true) {
            long now = time.nanos();
            long wait = perTenant.waitNanos(now);
            if (perConversation != null) {
                wait = Math.max(wait, perConversation.waitNanos(now));
            }
            if (wait <= 0) {
                perTenant.take();
                if (perConversation != null) {
                    perConversation.take();
                }
                return;
            }
            time.sleep(wait);
        }
    }

    /** The conversation's bucket here, then the tenant's in the database: its token is used at once. */
    private void acquireShared(String tenant, String conversationId) throws InterruptedException {
        if (conversationId != null) {
            Bucket perConversation = conversation(tenant, conversationId);
            for (long wait = perConversation.waitNanos(time.nanos()); wait > 0;
                 wait = perConversation.waitNanos(time.nanos())) {
                time.sleep(wait);
            }
            perConversation.take();
        }
        for (long wait = shared.take(tenant, tenantRate, tenantBurst); wait > 0;
             wait = shared.take(tenant, tenantRate, tenantBurst)) {
            time.sleep(wait);
        }
    }

    private Bucket conversation(String tenant, String conversationId) {
        if (conversations.size() > MAX_CONVERSATIONS) {
            forgetIdle();
        }
        return conversations.computeIfAbsent(tenant + "\n" + conversationId,
                c -> new Bucket(CONVERSATION_PER_SECOND, CONVERSATION_BURST, time.nanos()));
    }

    private void forgetIdle() {
        long now = time.nanos();
        for (Iterator<Bucket> it = conversations.values().iterator(); it.hasNext(); ) {
            if (it.next().fullAt(now)) {
                it.remove();
            }
        }
    }

    /** Tokens refilled continuously at {@code rate} a second, holding at most {@code capacity}. */
    private static final class Bucket {
        private final double rate;
        private final double capacity;
        private double tokens;
        private long last;

        Bucket(double rate, double capacity, long now) {
            this.rate = rate;
            this.capacity = capacity;
            this.tokens = capacity;
            this.last = now;
        }

        /** Refills up to {@code now}; how long until one token is there (0 or less: now). */
        long waitNanos(long now) {
            if (now > last) {
                tokens = Math.min(capacity, tokens + (now - last) * rate / 1e9);
                last = now;
            }
            return tokens >= 1.0 ? 0 : (long) Math.ceil((1.0 - tokens) * 1e9 / rate);
        }

        void take() {
            tokens -= 1.0;
        }

        boolean fullAt(long now) {
            waitNanos(now);
            return tokens >= capacity;
        }
    }
}
