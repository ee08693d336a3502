package io.boardclerk.storage.bench;

import io.boardclerk.core.reminder.Outgoing;
import io.boardclerk.core.reminder.ReminderOutbox;
import io.boardclerk.storage.Database;
import io.boardclerk.storage.DatabaseCopy;
import io.boardclerk.storage.DatabaseSettings;
import io.boardclerk.storage.Databases;
import io.boardclerk.storage.SqliteLedgerStore;
import io.boardclerk.storage.TestDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How long one reminder sweep takes as the number of stored actions grows: 10,000, 100,000 and 1,000,000 actions
 * (one in ten open), with 100 reminders due at each sweep. A sweep is what the dispatcher does apart from the HTTP:
 * {@link ReminderOutbox#claimDue} in batches (expand the due reminders into deliveries, claim them, build each message
 * from the actions as they stand), and for each delivery {@link ReminderOutbox#sending} and
 * {@link ReminderOutbox#sent}, each its own transaction, until a claim comes back empty. The smallest database is the baseline measured in
 * the same run; the ratios say whether the cost follows what is due rather than what is stored.
 *
 * <p>Run: {@code mvn -B -q -Pbench-sweep -pl storage -am -DskipTests verify} (sizes can be given as arguments).
 * With {@code -Dbench.postgres=true} each database is also copied into PostgreSQL ({@link DatabaseCopy}, then
 * {@code VACUUM ANALYZE}) and swept there too, on the server in {@code BOARDCLERK_TEST_POSTGRES_URL} or a throwaway
 * cluster ({@link TestDatabase}); each size then reports PostgreSQL's median beside SQLite's.
 */
public final class ReminderSweepBench {

    private static final int DUE_PER_SWEEP = 100;
    /** As many as the dispatcher claims at once ({@code ReminderDispatcher.BATCH}, in the bot module). */
    private static final int BATCH = 20;
    private static final int SWEEPS = 8;
    private static final int WARM_UP = 2;

    private ReminderSweepBench() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {10_000, 100_000, 1_000_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Path dir = Path.of("target", "bench-sweep");
        java.nio.file.Files.createDirectories(dir);
        List<String> lines = new ArrayList<>();
        double baseline = -1;
        for (int size : sizes) {
            Path file = dir.resolve("sweep-" + size + ".db");
            long started = System.nanoTime();
            BenchDatabase.create(file, size, WARM_UP + SWEEPS, DUE_PER_SWEEP);
            double generated = (System.nanoTime() - started) / 1e9;
            // Copied before SQLite is swept: a sweep sends what falls due, so the copy must be of the fresh database.
            Copied postgres = Boolean.getBoolean("bench.postgres") ? copyToPostgres(file, size) : null;
            Result result;
            try (SqliteLedgerStore store = SqliteLedgerStore.open(file)) {
                result = measure(store);
            }
            if (baseline < 0) {
                baseline = result.medianMs;
            }
            String line = String.format("%,10d actions: sweep of %d due: median %.2f ms, p90 %.2f ms, max %.2f ms"
                            + " (claim median %.2f ms; thread CPU median %.2f ms); empty sweep median %.3f ms;"
                            + " ratio to %,d: %.2f"
                            + "  [db generated in %.1f s, %,d MB]",
                    size, DUE_PER_SWEEP, result.medianMs, result.p90Ms, result.maxMs, result.claimMedianMs,
                    result.cpuMedianMs, result.emptyMedianMs, sizes[0], result.medianMs / baseline, generated,
                    java.nio.file.Files.size(file) / (1024 * 1024));
            System.out.println(line);
            lines.add(line);
            if (postgres != null) {
                String line2 = onPostgres(postgres, size, result);
                System.out.println(line2);
                lines.add(line2);
            }
            if (size == sizes[sizes.length - 1]) {
                System.out.println("Query plans at " + String.format("%,d", size) + " actions:");
                plans(file).forEach(p -> System.out.println("  " + p));
            }
        }
        System.out.println();
        System.out.println("Summary (goal: under 10 ms a sweep at 1,000,000 actions):");
        lines.forEach(l -> System.out.println("  " + l));
    }

    /** Wall-clock times, and the sweeping thread's own CPU time (less disturbed by other work on a shared machine). */
    record Result(double medianMs, double p90Ms, double maxMs, double claimMedianMs, double cpuMedianMs,
                  double emptyMedianMs) {
    }

    /** A benchmark database copied into a fresh PostgreSQL database, and how long that took. */
    record Copied(DatabaseSettings settings, double seconds) {
    }

    private static Copied copyToPostgres(Path file, int size) throws Exception {
        DatabaseSettings settings = DatabaseSettings.postgres(TestDatabase.freshPostgres("bench_sweep_" + size),
                null, null);
        long started = System.nanoTime();
        DatabaseCopy.copy(file, settings, table -> { });
        try (Connection c = DriverManager.getConnection(settings.url()); var s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
        }
        return new Copied(settings, (System.nanoTime() - started) / 1e9);
    }

    /** The copy swept on PostgreSQL: its line, with the ratio to SQLite's median. */
    private static String onPostgres(Copied copy, int size, Result sqlite) {
        DatabaseSettings settings = copy.settings();
        double copied = copy.seconds();
        Result result;
        try (Database store = Databases.open(settings)) {
            result = measure(store);
        }
        return String.format("%,10d actions on PostgreSQL: median %.2f ms, p90 %.2f ms, max %.2f ms (claim median"
                        + " %.2f ms; thread CPU median %.2f ms); empty sweep median %.3f ms; ratio to SQLite's: %.2f"
                        + "  [copied in %.1f s]", size, result.medianMs, result.p90Ms, result.maxMs,
                result.claimMedianMs, result.cpuMedianMs, result.emptyMedianMs, result.medianMs / sqlite.medianMs,
                copied);
    }

    private static Result measure(Database store) {
        ReminderOutbox outbox = BenchOutbox.open(store);
        double[] total = new double[SWEEPS];
        double[] claim = new double[SWEEPS];
        double[] cpu = new double[SWEEPS];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < WARM_UP + SWEEPS; i++) {
            Instant now = BenchDatabase.sweepAt(i).plusSeconds(1);
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long claiming = 0;
            int handled = 0;
            // As the dispatcher sweeps: claim a batch, then for each mark it sending and record it sent (the HTTP
            // call between the two is what the benchmark leaves out), until a claim comes back empty.
            while (true) {
                long claimStart = System.nanoTime();
                List<Outgoing> claimed = outbox.claimDue(now, BATCH, now.plusSeconds(300));
                claiming += System.nanoTime() - claimStart;
                if (claimed.isEmpty()) {
                    break;
                }
                for (Outgoing outgoing : claimed) {
                    if (!outbox.sending(outgoing, now)) {
                        throw new IllegalStateException("Delivery " + outgoing.deliveryId() + " was not claimed");
                    }
                    outbox.sent(outgoing.deliveryId(), now, "a:bench-" + outgoing.recipient().personId(),
                            "m-" + outgoing.deliveryId());
                    handled++;
                }
            }
            long end = System.nanoTime();
            long cpuEnd = threads.getCurrentThreadCpuTime();
            if (handled != DUE_PER_SWEEP) {
                throw new IllegalStateException("Sweep " + i + " sent " + handled + ", expected " + DUE_PER_SWEEP);
            }
            if (i >= WARM_UP) {
                total[i - WARM_UP] = (end - start) / 1e6;
                claim[i - WARM_UP] = claiming / 1e6;
                cpu[i - WARM_UP] = (cpuEnd - cpuStart) / 1e6;
            }
        }
        double[] empty = new double[SWEEPS];
        for (int i = 0; i < SWEEPS; i++) {
            Instant now = BenchDatabase.sweepAt(WARM_UP + SWEEPS - 1).plusSeconds(2 + i);
            long start = System.nanoTime();
            List<Outgoing> claimed = outbox.claimDue(now, BATCH, now.plusSeconds(300));
            empty[i] = (System.nanoTime() - start) / 1e6;
            if (!claimed.isEmpty()) {
                throw new IllegalStateException("An empty sweep claimed " + claimed.size());
            }
        }
        Arrays.sort(total);
        Arrays.sort(claim);
        Arrays.sort(cpu);
        Arrays.sort(empty);
        return new Result(total[SWEEPS / 2], total[(int) (SWEEPS * 0.9)], total[SWEEPS - 1], claim[SWEEPS / 2],
                cpu[SWEEPS / 2], empty[SWEEPS / 2]);
    }

    /** SQLite's plan for each of the sweep's queries, with the parameters it runs them with. */
    private static List<String> plans(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            for (var query : BenchOutbox.sweepQueries().entrySet()) {
                out.add(query.getKey() + ":");
                try (PreparedStatement s = c.prepareStatement("EXPLAIN QUERY PLAN " + query.getValue().sql())) {
                    Object[] parameters = query.getValue().parameters();
                    for (int i = 0; i < parameters.length; i++) {
                        s.setObject(i + 1, parameters[i]);
                    }
                    try (ResultSet rows = s.executeQuery()) {
                        while (rows.next()) {
                            out.add("    " + rows.getString("detail"));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** A query of the sweep and example parameters for its plan. */
    record Query(String sql, Object... parameters) {
    }
}
