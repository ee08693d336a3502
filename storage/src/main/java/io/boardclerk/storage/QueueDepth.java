package io.boardclerk.storage;

/**
 * The work waiting in the database, for the metrics: each counts rows through a partial index of what is waiting
 * (or a small table), so asking costs little however much has been done before.
 */
public enum QueueDepth {
    /** Reminders planned and not yet due (each becomes a delivery when it falls due). */
    REMINDERS_PLANNED("SELECT COUNT(*) FROM reminders WHERE state = 'PENDING'"),
    /** Reminder deliveries due or waiting to be tried again. */
    DELIVERIES_WAITING("SELECT COUNT(*) FROM reminder_deliveries WHERE state IN ('PENDING', 'RETRY')"),
    /** Reminder deliveries claimed by a sweep or being sent now. */
    DELIVERIES_IN_FLIGHT("SELECT COUNT(*) FROM reminder_deliveries WHERE state IN ('CLAIMED', 'SENDING')"),
    /** Teams attendance reports still to be fetched. */
    ATTENDANCE_FETCHES("SELECT COUNT(*) FROM attendance_fetches WHERE state = 'PENDING'");

    final String sql;

    QueueDepth(String sql) {
        this.sql = sql;
    }
}
