package io.boardclerk.bot.reminders;

import io.boardclerk.bot.jobs.PeriodicJob;
import io.boardclerk.core.reminder.Outgoing;
import io.boardclerk.core.reminder.ReminderOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends the reminders that have fallen due. One thread sweeps every {@code interval}: it marks deliveries whose lease
 * ran out (a process died while sending them) in doubt, then claims what is due one delivery at a time, sends it and
 * records how it went:
 * <ul>
 *     <li>sent: recorded with the conversation and message ids;</li>
 *     <li>429: tried again no earlier than Retry-After, and the tenant's other deliveries in this sweep wait too;</li>
 *     <li>5xx, timeout, broken connection: tried again after a growing wait with jitter, then dead-lettered;</li>
 *     <li>403 or 404: undeliverable, with the reason in words for the secretary; or, with e-mail fallback on, e-mailed
 *     instead (MAILED) by the sender, inside the same SENDING window, so a crash mid-send leaves it in doubt too;</li>
 *     <li>an e-mail that may or may not have gone (its send timed out): dead-lettered at once, never sent twice.</li>
 * </ul>
 * Claiming one at a time (each claim its own short transaction) means a crash leaves at most the one delivery in
 * hand in doubt: everything not yet claimed goes out after the restart. The database holds every state, so a restart
 * picks up where the sweep stopped; nothing is kept in memory but the rate limiter and the tenants paused by a 429 (both kept in the database instead when instances share it). A failure of the sweep itself is logged and the next sweep runs as
 * usual. The log names deliveries by id only: no message text, no token.
 */
public final class ReminderDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderDispatcher.class);

    /**
     * How long a claimed delivery may stay SENDING: longer than its wait at the rate limiter plus a create-conversation
     * and a send, each up to their time-out (at most 120 s).
     */
    public static final Duration LEASE = Duration.ofMinutes(5);
    /** One sweep sends until nothing is due, but no more than this many, so that what is in doubt is looked at. */
    static final int MAX_PER_SWEEP = 5_000;
    /**
     * How many deliveries one claim takes. They are claimed together (one transaction reads, composes and claims
     * them), then each is marked sending on its own just before it goes out, so a crash leaves at most the one in
     * flight in doubt: the rest of the batch is claimed again once its lease runs out.
     */
    static final int BATCH = 20;

    private final ReminderOutbox outbox;
    private final ReminderSender sender;
    private final RetryPolicy retries;
    private final Clock clock;
    private final ReminderOutcomes outcomes;
    private final TenantPauses pausedTenants;
    private final Object sweeping = new Object();
    private final Duration interval;
    private PeriodicJob job;
    private volatile boolean stopping;

    public ReminderDispatcher(ReminderOutbox outbox, ReminderSender sender, RetryPolicy retries, Clock clock,
                              Duration interval) {
        this(outbox, sender, retries, clock, interval, ReminderOutcomes.NONE);
    }

    /** @param outcomes told the state each handled delivery was left in, for the metrics */
    public ReminderDispatcher(ReminderOutbox outbox, ReminderSender sender, RetryPolicy retries, Clock clock,
                              Duration interval, ReminderOutcomes outcomes) {
        this(outbox, sender, retries, clock, interval, outcomes, TenantPauses.inMemory());
    }

    /** @param pausedTenants where a 429's pause is kept: in the database when instances share it */
    public ReminderDispatcher(ReminderOutbox outbox, ReminderSender sender, RetryPolicy retries, Clock clock,
                              Duration interval, ReminderOutcomes outcomes, TenantPauses pausedTenants) {
        this.pausedTenants = pausedTenants;
        this.outcomes = outcomes;
        this.outbox = outbox;
        this.sender = sender;
        this.retries = retries;
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * Starts the sweep thread: the first sweep at once, then one every interval after the last ended; closing lets
     * the delivery in hand finish for up to 10 s.
     */
    public synchronized void start() {
        if (job == null) {
            job = new PeriodicJob("boardclerk-reminders", Duration.ZERO, interval, Duration.ofSeconds(10),
                    this::sweep);
            job.start();
        }
    }

    /**
     * Waits until the sweep thread's first sweep (the one at start-up) is over, for at most {@code timeout}: a test
     * that moves the clock must not have that sweep run after the move and send what the test means to send itself.
     *
     * @return false if it was not over in time
     */
    public boolean awaitFirstSweep(Duration timeout) throws InterruptedException {
        PeriodicJob started;
        synchronized (this) {
            started = job;
        }
        if (started == null) {
            throw new IllegalStateException("the sweep thread was not started");
        }
        return started.awaitFirstRun(timeout);
    }

    /**
     * One sweep: what is in doubt, then every delivery due now, claimed in batches and sent one at a time.
     *
     * @return how many deliveries it handled (sent or not)
     */
    public int sweep() throws InterruptedException {
        synchronized (sweeping) {
            return sweepNow();
        }
    }

    private int sweepNow() throws InterruptedException {
        Instant start = clock.instant();
        int inDoubt = outbox.markInDoubt(start);
        if (inDoubt > 0) {
            outcomes.delivered(ReminderOutcomes.Outcome.IN_DOUBT, inDoubt);
            LOG.warn("{} reminder deliveries were left sending by a process that stopped; they are marked in doubt "
                    + "and will not be sent again (see reminders status)", inDoubt);
        }
        int handled = 0;
        while (handled < MAX_PER_SWEEP && !stopping) {
            Instant now = clock.instant();
            List<Outgoing> claimed = outbox.claimDue(now, BATCH, now.plus(LEASE));
            if (claimed.isEmpty()) {
                break;
            }
            for (Outgoing outgoing : claimed) {
                if (stopping) {
                    // The rest stay claimed; their lease runs out and they are claimed again (never begun).
                    break;
                }
                if (outbox.sending(outgoing, clock.instant())) {
                    deliver(outgoing);
                }
                handled++;
            }
        }
        return handled;
    }

    private void deliver(Outgoing outgoing) throws InterruptedException {
        Instant now = clock.instant();
        java.util.Optional<Instant> paused = pausedTenants.pausedUntil(outgoing.tenantId(), now);
        if (paused.isPresent()) {
            outbox.waitUntil(outgoing.deliveryId(), paused.get(), "waiting: Teams throttled this tenant (HTTP 429)");
            outcomes.delivered(ReminderOutcomes.Outcome.WAITING, 1);
            return;
        }
        SendResult result;
        try {
            result = sender.send(outgoing);
        } catch (RuntimeException e) {
            result = new SendResult.Failed("unexpected " + e.getClass().getSimpleName());
            LOG.error("Reminder delivery {} failed unexpectedly", outgoing.deliveryId(), e);
        }
        now = clock.instant();
        int tries = outgoing.attempt() + 1;
        if (result instanceof SendResult.Sent sent) {
            outbox.sent(outgoing.deliveryId(), now, sent.conversationId(), sent.messageId());
            outcomes.delivered(ReminderOutcomes.Outcome.SENT, 1);
            LOG.info("Reminder delivery {} sent to conversation {}", outgoing.deliveryId(), sent.conversationId());
        } else if (result instanceof SendResult.Unreachable unreachable) {
            outbox.undeliverable(outgoing.deliveryId(), now, unreachable.reason());
            outcomes.delivered(ReminderOutcomes.Outcome.UNDELIVERABLE, 1);
            // The reason names the person: it is kept for the secretary, not written to the log.
            LOG.info("Reminder delivery {} is undeliverable (the reason is in reminders status)",
                    outgoing.deliveryId());
        } else if (result instanceof SendResult.Mailed mailed) {
            outbox.mailed(outgoing.deliveryId(), now, mailed.teamsReason());
            outcomes.delivered(ReminderOutcomes.Outcome.MAILED, 1);
            LOG.info("Reminder delivery {} e-mailed: not reachable in Teams", outgoing.deliveryId());
        } else if (result instanceof SendResult.GaveUp gaveUp) {
            outbox.dead(outgoing.deliveryId(), now, gaveUp.reason());
            outcomes.delivered(ReminderOutcomes.Outcome.DEAD, 1);
            LOG.warn("Reminder delivery {} dead-lettered without another try (the reason is in reminders status)",
                    outgoing.deliveryId());
        } else if (result instanceof SendResult.Throttled throttled) {
            Instant at = retries.afterThrottle(throttled.retryAfter(), outgoing.attempt(), now);
            pausedTenants.pause(outgoing.tenantId(), at);
            failed(outgoing, tries, at, "throttled by Teams (HTTP 429)", now);
        } else if (result instanceof SendResult.Failed failed) {
            failed(outgoing, tries, retries.backOff(outgoing.attempt(), now), failed.error(), now);
        }
    }

    private void failed(Outgoing outgoing, int tries, Instant next, String error, Instant now) {
        if (retries.exhausted(tries)) {
            outbox.dead(outgoing.deliveryId(), now, error + "; gave up after " + tries + " tries");
            outcomes.delivered(ReminderOutcomes.Outcome.DEAD, 1);
            LOG.warn("Reminder delivery {} dead-lettered after {} tries: {}", outgoing.deliveryId(), tries, error);
        } else {
            outbox.retry(outgoing.deliveryId(), next, error);
            outcomes.delivered(ReminderOutcomes.Outcome.RETRY, 1);
            LOG.info("Reminder delivery {} failed ({}), try {} of {}; next at {}", outgoing.deliveryId(), error,
                    tries, retries.maxTries(), next);
        }
    }

    /** Stops the sweep thread: the delivery in hand is finished first (for up to 10 s); the rest wait in the database. */
    @Override
    public synchronized void close() {
        stopping = true;
        if (job != null) {
            job.close();
        }
    }
}
