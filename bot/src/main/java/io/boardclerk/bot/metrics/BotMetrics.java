package io.boardclerk.bot.metrics;

import io.boardclerk.bot.reminders.ReminderOutcomes;
import io.boardclerk.graph.GraphCalls;

import java.util.function.LongSupplier;

/**
 * What BoardClerk counts for {@code /metrics}. Every label has a fixed, small set of values: no tenant, board,
 * conversation or person ever becomes a label. {@link #OFF} counts nothing (metrics not configured), so nothing of
 * Micrometer is even loaded then.
 */
public interface BotMetrics extends ReminderOutcomes, GraphCalls {

    /** Why an activity or a request was refused. */
    enum Refusal {
        /** No valid Bot Framework token (HTTP 401). */
        UNAUTHENTICATED,
        /** Not a Bot Framework activity BoardClerk can read (HTTP 400). */
        MALFORMED,
        /** Authenticated, but from a tenant, channel or service URL BoardClerk does not serve (HTTP 403). */
        FORBIDDEN,
        /** BoardClerk's turn pool was full: asked to deliver it again (HTTP 503). */
        BUSY,
        /** The clerk refused what a message asked (a rule, a role, an unknown name): nothing was recorded. */
        CLERK,
        /** The clerk refused a card's button (a malformed press, a rule or a role). */
        CARD
    }

    /** How an activity at /api/messages ended. */
    enum TurnOutcome {
        /** Answered (202, or an invoke's response). */
        OK,
        /** Refused before the bot saw it: malformed (400), no valid token (401), not served (403) or busy (503). */
        REFUSED,
        /** Failed on BoardClerk's side (500). */
        ERROR
    }

    /** One activity at /api/messages, from its arrival to its answer; {@code type} null when it was unreadable. */
    void turn(String activityType, TurnOutcome outcome, long nanos);

    void refused(Refusal why);

    /** Reports {@code depth} as how much work waits in the queue {@code name} (read when metrics are scraped). */
    void queue(String name, LongSupplier depth);

    /** Counts nothing. */
    BotMetrics OFF = new BotMetrics() {
        @Override
        public void turn(String activityType, TurnOutcome outcome, long nanos) {
        }

        @Override
        public void refused(Refusal why) {
        }

        @Override
        public void queue(String name, LongSupplier depth) {
        }

        @Override
        public void delivered(ReminderOutcomes.Outcome outcome, int count) {
        }

        @Override
        public void ended(GraphCalls.Outcome outcome) {
        }
    };
}
