package io.boardclerk.bot.reminders;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pause Teams asks for with a 429, per tenant: the tenant's other deliveries wait it out too. In memory where one
 * instance sends; in the database (the storage module's {@code TenantPacing}) where several share it, so that none
 * of them goes on sending into a tenant Teams has throttled.
 */
public interface TenantPauses {

    void pause(String tenantId, Instant until);

    /** Until when sending to the tenant is paused; empty when it is not, or the pause is over by {@code now}. */
    Optional<Instant> pausedUntil(String tenantId, Instant now);

    static TenantPauses inMemory() {
        Map<String, Instant> paused = new HashMap<>();
        return new TenantPauses() {
            @Override
            public synchronized void pause(String tenantId, Instant until) {
                paused.merge(tenantId, until, (a, b) -> a.isAfter(b) ? a : b);
            }

            @Override
            public synchronized Optional<Instant> pausedUntil(String tenantId, Instant now) {
                return Optional.ofNullable(paused.get(tenantId)).filter(until -> until.isAfter(now));
            }
        };
    }
}
