package io.boardclerk.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Copies a SQLite database into an empty PostgreSQL database ({@code java -jar boardclerk.jar copy-to-postgres}).
 *
 * <p>Both are first brought to the same schema version by opening them. The copy is one PostgreSQL transaction: it
 * lands whole or not at all. Each value is converted to the PostgreSQL column's type (ISO text to {@code date},
 * {@code time} or {@code timestamptz}, 0 and 1 to {@code boolean}), ids are kept, the identity sequences are moved
 * past them, and every table's row count is compared before the transaction commits.
 */
public final class DatabaseCopy {

    /**
     * Every table, parents before children. The one cycle (a meeting's review action is an action raised at a
     * meeting) is broken by copying {@code meetings.review_action_id} after the actions.
     */
    static final List<String> TABLES = List.of("boards", "people", "recordings", "meetings", "processed_activities",
            "apologies", "declarations", "no_declarations", "actions", "action_updates", "pending_questions",
            "action_owners", "action_targets", "action_events", "body_members", "action_reviews", "minutes_approvals",
            "standings", "reminder_policies", "reminders", "reminder_deliveries", "personal_conversations",
            "graph_chat_addresses", "action_log_schedules", "action_log_posts", "person_addresses",
            "attendance_fetches", "attendance_reports", "attendance_records", "attendance_sessions",
            "sharepoint_folders", "calendar_follows", "calendar_events", "awaited_apologies", "installers",
            "link_revocations", "shared_secrets", "tenant_pacing");
    private static final String DEFERRED_TABLE = "meetings";
    private static final String DEFERRED_COLUMN = "review_action_id";
    private static final int BATCH = 500;

    /** What was copied: each table's rows, in copy order. */
    public record Result(Map<String, Long> rows) {

        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Refused: the target is not empty, or the counts did not match. Nothing was written. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private DatabaseCopy() {
    }

    public static Result copy(Path sqliteFile, DatabaseSettings target, Consumer<String> progress) {
        if (!target.isPostgres()) {
            throw new IllegalArgumentException("The target must be PostgreSQL: set BOARDCLERK_DATABASE_URL");
        }
        if (!Files.isRegularFile(sqliteFile)) {
            throw new Refused("There is no SQLite database at " + sqliteFile);
        }
        SqliteLedgerStore.open(sqliteFile).close();    // brings its schema up to date
        PostgresLedgerStore.open(target).close();       // and the target's
        try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile.toAbsolutePath());
             Connection sink = DriverManager.getConnection(target.url(), target.user(), target.password())) {
            sink.setAutoCommit(false);
            try {
                Result result = copy(source, sink, progress);
                sink.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                sink.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("The copy failed; nothing was written to " + target.describe(), e);
        }
    }

    private static Result copy(Connection source, Connection sink, Consumer<String> progress) throws SQLException {
        for (String table : TABLES) {
            if (count(sink, table) > 0) {
                throw new Refused("The PostgreSQL database is not empty (" + table + " has rows): copy into an empty"
                        + " database, so that nothing there is overwritten or mixed with the copy.");
            }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        List<long[]> reviews = new ArrayList<>();
        for (String table : TABLES) {
            long copied = copyTable(source, sink, table, reviews);
            rows.put(table, copied);
            progress.accept(table + ": " + copied);
        }
        try (PreparedStatement update = sink.prepareStatement("UPDATE meetings SET review_action_id = ? WHERE id = ?")) {
            for (long[] review : reviews) {
                update.setLong(1, review[1]);
                update.setLong(2, review[0]);
                update.addBatch();
            }
            update.executeBatch();
        }
        for (String table : TABLES) {
            long there = count(sink, table);
            long here = count(source, table);
            if (there != here || there != rows.get(table)) {
                throw new Refused("The copy of " + table + " has " + there + " rows, the SQLite database " + here
                        + ": nothing was written.");
            }
            restartIdentity(sink, table);
        }
        return new Result(rows);
    }

    private static long copyTable(Connection source, Connection sink, String table, List<long[]> reviews)
            throws SQLException {
        Map<String, String> types = columnTypes(sink, table);
        List<String> columns = new ArrayList<>();
        try (Statement statement = source.createStatement();
             ResultSet probe = statement.executeQuery("SELECT * FROM " + table + " LIMIT 0")) {
            for (int i = 1; i <= probe.getMetaData().getColumnCount(); i++) {
                String column = probe.getMetaData().getColumnName(i);
                if (!types.containsKey(column)) {
                    throw new Refused("The PostgreSQL table " + table + " has no column " + column + ".");
                }
                columns.add(column);
            }
        }
        String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        long copied = 0;
        try (Statement statement = source.createStatement();
             ResultSet rows = statement.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table);
             PreparedStatement into = sink.prepareStatement(insert)) {
            while (rows.next()) {
                for (int i = 0; i < columns.size(); i++) {
                    String column = columns.get(i);
                    Object value = rows.getObject(i + 1);
                    if (table.equals(DEFERRED_TABLE) && column.equals(DEFERRED_COLUMN) && value != null) {
                        reviews.add(new long[] {rows.getLong("id"), ((Number) value).longValue()});
                        value = null;
                    }
                    bind(into, i + 1, value, types.get(column), table + "." + column);
                }
                into.addBatch();
                if (++copied % BATCH == 0) {
                    into.executeBatch();
                }
            }
            into.executeBatch();
        }
        return copied;
    }

    private static void bind(PreparedStatement into, int index, Object value, String type, String where)
            throws SQLException {
        if (value == null) {
            into.setObject(index, null);
            return;
        }
        try {
            switch (type) {
                case "timestamp with time zone" -> into.setObject(index,
                        OffsetDateTime.ofInstant(Sql.parseInstant(value.toString()), ZoneOffset.UTC));
                case "date" -> into.setObject(index, LocalDate.parse(value.toString()));
                case "time without time zone" -> into.setObject(index, LocalTime.parse(value.toString()));
                case "boolean" -> into.setBoolean(index, ((Number) value).intValue() != 0);
                case "bigint" -> into.setLong(index, ((Number) value).longValue());
                case "integer" -> into.setInt(index, ((Number) value).intValue());
                case "double precision" -> into.setDouble(index, ((Number) value).doubleValue());
                case "text" -> into.setString(index, value.toString().replace('\u0000', '\uFFFD'));
                default -> throw new Refused("The PostgreSQL column " + where + " has a type the copy does not know: "
                        + type);
            }
        } catch (RuntimeException e) {
            if (e instanceof Refused) {
                throw e;
            }
            throw new Refused("The value of " + where + " (" + value + ") does not fit PostgreSQL's " + type + ": "
                    + e.getMessage());
        }
    }

    private static Map<String, String> columnTypes(Connection sink, String table) throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (PreparedStatement statement = sink.prepareStatement("SELECT column_name, data_type FROM"
                + " information_schema.columns WHERE table_schema = current_schema() AND table_name = ?")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    types.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        if (types.isEmpty()) {
            throw new Refused("The PostgreSQL database has no table " + table + ".");
        }
        return types;
    }

    private static void restartIdentity(Connection sink, String table) throws SQLException {
        try (Statement statement = sink.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pg_get_serial_sequence('" + table + "', 'id')"
                     + " FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '"
                     + table + "' AND column_name = 'id' AND is_identity = 'YES'")) {
            if (!rows.next()) {
                return;
            }
            String sequence = rows.getString(1);
            try (Statement restart = sink.createStatement()) {
                restart.execute("SELECT setval('" + sequence + "', COALESCE((SELECT MAX(id) FROM " + table
                        + "), 0) + 1, false)");
            }
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
