package io.boardclerk.storage;

/**
 * The two queries each reminder sweep runs, for the benchmark and for anyone checking their plans with
 * {@code EXPLAIN QUERY PLAN}: both read a partial index of what is waiting, so a sweep's cost follows the number
 * due, not the number of actions or reminders stored. Parameters: the instant (ISO-8601 UTC to the second), the limit.
 */
public final class ReminderSweepQueries {

    /** Due PENDING reminders, earliest first: {@code SEARCH reminders USING INDEX reminders_pending_due}. */
    public static final String DUE_REMINDERS = SqliteReminders.DUE_REMINDERS;

    /** Due PENDING or RETRY deliveries: {@code SEARCH reminder_deliveries USING INDEX reminder_deliveries_due}. */
    public static final String DUE_DELIVERIES = SqliteReminders.DUE_DELIVERIES;

    private ReminderSweepQueries() {
    }
}
