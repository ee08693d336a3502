package io.boardclerk.storage.bench;

import io.boardclerk.core.reminder.ReminderOutbox;
import io.boardclerk.core.reminder.Reminders;
import io.boardclerk.storage.ReminderSweepQueries;
import io.boardclerk.storage.Database;

import java.util.LinkedHashMap;
import java.util.Map;

/** The real outbox over the benchmark's store, and the sweep's queries with the parameters a sweep gives them. */
final class BenchOutbox {

    private BenchOutbox() {
    }

    static ReminderOutbox open(Database store) {
        return new Reminders(store);
    }

    static Map<String, ReminderSweepBench.Query> sweepQueries() {
        Map<String, ReminderSweepBench.Query> queries = new LinkedHashMap<>();
        queries.put("due reminders", new ReminderSweepBench.Query(ReminderSweepQueries.DUE_REMINDERS,
                "2026-12-01T10:00:01Z", 500));
        queries.put("due deliveries", new ReminderSweepBench.Query(ReminderSweepQueries.DUE_DELIVERIES,
                "2026-12-01T10:00:01Z", 500));
        return queries;
    }
}
