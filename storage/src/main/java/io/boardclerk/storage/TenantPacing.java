package io.boardclerk.storage;

import java.time.Instant;
import java.util.Optional;

/**
 * Teams' limits for one tenant, kept in the database so that every instance sharing it keeps them together: a token
 * bucket for the requests a second Teams allows the app in the tenant, and the pause Teams asks for with a 429.
 */
public interface TenantPacing {

    /**
     * Takes one request's token from the tenant's bucket, which refills at {@code perSecond} and holds at most
     * {@code burst}: 0 when taken, otherwise the nanoseconds to wait before asking again.
     */
    long take(String tenantId, double perSecond, double burst);

    /** Pauses sending to the tenant until {@code until} (a later pause already set stands). */
    void pause(String tenantId, Instant until);

    /** Until when sending to the tenant is paused; empty when it is not, or the pause is over. */
    Optional<Instant> pausedUntil(String tenantId, Instant now);
}
