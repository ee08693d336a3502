package io.boardclerk.storage.bench;

import io.boardclerk.core.reminder.ReminderOutbox;
import io.boardclerk.storage.SqliteLedgerStore;

import java.util.Map;

final class BenchOutbox {
    private BenchOutbox() {
    }

    static ReminderOutbox open(SqliteLedgerStore store) {
        throw new IllegalStateException("not yet");
    }

    static Map<String, ReminderSweepBench.Query> sweepQueries() {
        return Map.of();
    }
}
