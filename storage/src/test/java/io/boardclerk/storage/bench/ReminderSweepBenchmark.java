package io.boardclerk.storage.bench;

import io.boardclerk.core.reminder.Outgoing;
import io.boardclerk.core.reminder.Reminders;
import io.boardclerk.storage.ReminderSweepQueries;
import io.boardclerk.storage.SqliteLedgerStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long one reminder sweep takes against a large record: {@code N} actions (10% open, each open one with three
 * reminders planned ahead; each closed one with three reminders long since sent and a delivery kept), of which 100
 * reminders fall due at each sweep's instant. Not a test: run it by hand, e.g.
 * <pre>
 *   mvn -B -q -o -pl storage -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 *   java -cp storage/target/test-classes:storage/target/classes:core/target/classes:$(cat /tmp/cp.txt) \
 *       io.boardclerk.storage.bench.ReminderSweepBenchmark 1000000
 * </pre>
 * It prints the query plans of the sweep's two queries, then the median and worst time of a sweep (expand the 100 due
 * overdue reminders, plan their next ones, claim their 100 deliveries) and of an empty sweep (nothing due).
 */
public final class ReminderSweepBenchmark {

    private static final int DUE_PER_SWEEP = 100;
    private static final int SWEEPS = 10;
    private static final Instant FIRST = Instant.parse("2026-12-03T08:00:00Z");

    private ReminderSweepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int actions = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        for (int round = 0; round < 3; round++) {
            run(10_000, false); // warms the JIT on a small record first
        }
        run(actions, true);
    }

    private static void run(int actions, boolean report) throws Exception {
        Path dir = Files.createTempDirectory("reminder-bench");
        Path file = dir.resolve("bench.db");
        SqliteLedgerStore.open(file).close();
        long started = System.nanoTime();
        populate(file, actions);
        if (report) {
            System.out.printf("%,d actions generated in %.1f s%n", actions, (System.nanoTime() - started) / 1e9);
            plans(file);
        }
        try (SqliteLedgerStore store = SqliteLedgerStore.open(file)) {
            Reminders outbox = new Reminders(store);
            List<Double> full = new ArrayList<>();
            List<Double> empty = new ArrayList<>();
            for (int sweep = 0; sweep < SWEEPS; sweep++) {
                Instant now = FIRST.plusSeconds(60L * sweep);
                long t0 = System.nanoTime();
                List<Outgoing> claimed = outbox.claimDue(now, 500, now.plusSeconds(120));
                long t1 = System.nanoTime();
                if (claimed.size() != DUE_PER_SWEEP) {
                    throw new IllegalStateException("sweep " + sweep + " claimed " + claimed.size());
                }
                for (Outgoing out : claimed) {
                    outbox.sent(out.deliveryId(), now, "a:bench", "m");
                }
                long t2 = System.nanoTime();
                outbox.claimDue(now.plusSeconds(1), 500, now.plusSeconds(120));
                long t3 = System.nanoTime();
                if (sweep >= 2) { // the first two warm the JIT and the page cache
                    full.add((t1 - t0) / 1e6);
                    empty.add((t3 - t2) / 1e6);
                }
            }
            if (report) {
                System.out.printf("%,d actions: sweep with %d due: median %.2f ms, worst %.2f ms;"
                                + " empty sweep: median %.3f ms%n", actions, DUE_PER_SWEEP, median(full),
                        Collections.max(full), median(empty));
            }
        }
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir.resolve("bench.db-wal"));
        Files.deleteIfExists(dir.resolve("bench.db-shm"));
        Files.deleteIfExists(dir);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void populate(Path file, int actions) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = OFF");
            c.setAutoCommit(false);
            s.execute("INSERT INTO boards (id, tenant_id, conversation_id, name, service_url) VALUES"
                    + " (1, 'tenant', '19:bench', 'Fenshire Board', 'https://smba.example.test/')");
            // A policy row: the board counts as planned, so the first sweep does not replan it from scratch.
            s.execute("INSERT INTO reminder_policies (board_id) VALUES (1)");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)"
                    + " INSERT INTO people (id, board_id, teams_id, aad_object_id, name, on_roster)"
                    + " SELECT i, 1, '29:p' || i, 'aad-' || i, 'Person ' || i, 1 FROM n");
            s.execute("INSERT INTO recordings (id, board_id, kind, text, received_at) VALUES"
                    + " (1, 1, 'ACTION', 'bench', '2026-01-01T00:00:00Z')");
            // Every tenth action is open, due in 2027 (its three reminders ahead); the rest closed in 2025.
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + actions + ")"
                    + " INSERT INTO actions (id, board_id, number, raised_on, text, owner_person_id, owner_name,"
                    + " target_text, target_date, status, recording_id)"
                    + " SELECT i, 1, i, '2025-01-01', 'Action ' || i, i % 1000 + 1, 'Person ' || (i % 1000 + 1),"
                    + " 'a date', CASE WHEN i % 10 = 0 THEN '2027-06-' || printf('%02d', i % 28 + 1)"
                    + " ELSE '2025-06-01' END, CASE WHEN i % 10 = 0 THEN 'OPEN' ELSE 'CLOSED' END, 1 FROM n");
            s.execute("INSERT INTO action_owners (action_id, position, person_id, name, is_body)"
                    + " SELECT id, 0, owner_person_id, owner_name, 0 FROM actions");
            s.execute("INSERT INTO action_targets (action_id, text, date, set_at, set_by)"
                    + " SELECT id, target_text, target_date, '2025-01-01T00:00:00Z', 'bench' FROM actions");
            for (String kind : List.of("BEFORE", "DUE", "OVERDUE")) {
                s.execute("INSERT INTO reminders (board_id, kind, subject, action_id, due_at, state, planned_at)"
                        + " SELECT 1, '" + kind + "', 'action:' || id, id, CASE WHEN status = 'OPEN'"
                        + " THEN target_date || 'T0" + (kind.equals("BEFORE") ? 7 : kind.equals("DUE") ? 8 : 9)
                        + ":00:00Z' ELSE '2025-0" + (kind.equals("BEFORE") ? 5 : kind.equals("DUE") ? 6 : 7)
                        + "-01T08:00:00Z' END, CASE WHEN status = 'OPEN' THEN 'PENDING' ELSE 'EXPANDED' END,"
                        + " '2025-01-01T00:00:00Z' FROM actions");
            }
            s.execute("INSERT INTO reminder_deliveries (reminder_id, board_id, person_id, recipient, state, next_at,"
                    + " sent_at, updated_at) SELECT r.id, 1, a.owner_person_id, a.owner_name, 'SENT', r.due_at,"
                    + " r.due_at, r.due_at FROM reminders r JOIN actions a ON a.id = r.action_id"
                    + " WHERE r.state = 'EXPANDED' AND r.kind = 'DUE'");
            // 100 open actions fall due at each sweep's instant: a week overdue, their overdue reminder due then.
            for (int sweep = 0; sweep < SWEEPS; sweep++) {
                String at = FIRST.plusSeconds(60L * sweep).toString();
                s.execute("UPDATE actions SET target_date = '2026-11-26' WHERE id IN (SELECT id FROM actions"
                        + " WHERE status = 'OPEN' AND id % 10 = 0 AND target_date > '2027' ORDER BY id LIMIT "
                        + DUE_PER_SWEEP + ")");
                s.execute("UPDATE reminders SET due_at = '" + at + "' WHERE kind = 'OVERDUE' AND state = 'PENDING'"
                        + " AND action_id IN (SELECT id FROM actions WHERE target_date = '2026-11-26')"
                        + " AND due_at > '2027'");
            }
            s.execute("DELETE FROM reminders WHERE state = 'PENDING' AND kind IN ('BEFORE', 'DUE')"
                    + " AND action_id IN (SELECT id FROM actions WHERE target_date = '2026-11-26')");
            c.commit();
            s.execute("ANALYZE");
        }
    }

    private static void plans(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String query : List.of(ReminderSweepQueries.DUE_REMINDERS, ReminderSweepQueries.DUE_DELIVERIES)) {
                String explained = "EXPLAIN QUERY PLAN " + query.replaceFirst("\\?", "'" + FIRST + "'")
                        .replaceFirst("\\?", "100");
                try (ResultSet rows = s.executeQuery(explained)) {
                    while (rows.next()) {
                        System.out.println("plan: " + rows.getString("detail"));
                    }
                }
            }
        }
    }
}
