package io.boardclerk.storage.corpus;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a board has on record, read through plain JDBC from the SQLite file: the record tables only (apologies,
 * awaited apologies, declarations, "no declarations", actions with their owners, targets and updates, requests for
 * more time, meetings, people's titles). Bookkeeping (recordings, processed activities, pending questions, reminders,
 * other audit rows) is left out, so a diff of two snapshots is exactly what a message put on the record.
 *
 * <p>Tables and columns the schema may not have yet (the {@code note} of an apology, {@code awaited_apologies}) are
 * read when they exist and otherwise read as null or empty.
 */
final class RecordSnapshot {

    /** One row: its table, its key and its columns, by name. */
    record Row(String table, String key, Map<String, String> columns) {
        String get(String column) {
            return columns.get(column);
        }
    }

    /** A row added, removed (after null) or changed. */
    record Change(String table, String key, Row before, Row after) {
        boolean added() {
            return before == null;
        }

        @Override
        public String toString() {
            if (before == null) {
                return "+" + table + " " + after.columns();
            }
            if (after == null) {
                return "-" + table + " " + before.columns();
            }
            Map<String, String> moved = new LinkedHashMap<>();
            after.columns().forEach((k, v) -> {
                if (!Objects.equals(v, before.get(k))) {
                    moved.put(k, before.get(k) + " -> " + v);
                }
            });
            return "~" + table + " " + key + " " + moved;
        }
    }

    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("apologies", "SELECT a.id AS key, m.date AS meeting, COALESCE(p.name, a.name) AS person,"
                + " a.name AS name, a.role AS role, {note} AS note FROM apologies a JOIN meetings m ON m.id = a.meeting_id"
                + " LEFT JOIN people p ON p.id = a.person_id");
        QUERIES.put("awaited_apologies", "SELECT w.id AS key, COALESCE(p.name, w.name) AS person, w.name AS name,"
                + " w.role AS role, w.note AS note, w.meeting_words AS words, w.on_date AS on_date,"
                + " w.in_month AS in_month, w.apology_id AS apology_id FROM awaited_apologies w"
                + " LEFT JOIN people p ON p.id = w.person_id");
        QUERIES.put("declarations", "SELECT d.id AS key, m.date AS meeting, COALESCE(p.name, d.member) AS person,"
                + " d.member AS member, d.agenda_item AS item, d.kind AS kind, d.interest AS interest"
                + " FROM declarations d JOIN meetings m ON m.id = d.meeting_id LEFT JOIN people p ON p.id = d.person_id");
        QUERIES.put("no_declarations", "SELECT n.meeting_id AS key, m.date AS meeting FROM no_declarations n"
                + " JOIN meetings m ON m.id = n.meeting_id");
        QUERIES.put("actions", "SELECT a.id AS key, a.number AS number, m.date AS meeting, a.agenda_item AS item,"
                + " a.text AS text, a.target_text AS target_text, a.target_date AS target_date, a.status AS status"
                + " FROM actions a LEFT JOIN meetings m ON m.id = a.meeting_id");
        QUERIES.put("action_owners", "SELECT o.action_id || '/' || o.position AS key, a.number AS number,"
                + " o.name AS name, COALESCE(p.name, o.name) AS person, o.is_body AS body FROM action_owners o"
                + " JOIN actions a ON a.id = o.action_id LEFT JOIN people p ON p.id = o.person_id");
        QUERIES.put("action_targets", "SELECT t.id AS key, a.number AS number, t.text AS text, t.date AS date"
                + " FROM action_targets t JOIN actions a ON a.id = t.action_id");
        QUERIES.put("action_updates", "SELECT u.id AS key, a.number AS number, u.text AS text, u.by_name AS by_name"
                + " FROM action_updates u JOIN actions a ON a.id = u.action_id");
        QUERIES.put("action_events", "SELECT e.id AS key, a.number AS number, e.what AS what, e.before AS before,"
                + " e.after AS after FROM action_events e JOIN actions a ON a.id = e.action_id"
                + " WHERE e.what = 'more time asked'");
        QUERIES.put("meetings", "SELECT id AS key, date AS date, status AS status, cancelled_at AS cancelled"
                + " FROM meetings");
        QUERIES.put("people", "SELECT id AS key, name AS name, title AS title FROM people");
    }

    private final Map<String, Map<String, Row>> tables;

    private RecordSnapshot(Map<String, Map<String, Row>> tables) {
        this.tables = tables;
    }

    static RecordSnapshot of(Path file) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            boolean note = hasColumn(connection, "apologies", "note");
            Map<String, Map<String, Row>> tables = new LinkedHashMap<>();
            for (Map.Entry<String, String> query : QUERIES.entrySet()) {
                String table = query.getKey();
                Map<String, Row> rows = new LinkedHashMap<>();
                if (hasTable(connection, table)) {
                    String sql = query.getValue().replace("{note}", note ? "a.note" : "NULL");
                    try (Statement statement = connection.createStatement();
                         ResultSet result = statement.executeQuery(sql)) {
                        ResultSetMetaData meta = result.getMetaData();
                        while (result.next()) {
                            Map<String, String> columns = new LinkedHashMap<>();
                            for (int c = 2; c <= meta.getColumnCount(); c++) {
                                columns.put(meta.getColumnLabel(c), result.getString(c));
                            }
                            String key = result.getString(1);
                            rows.put(key, new Row(table, key, columns));
                        }
                    }
                }
                tables.put(table, rows);
            }
            return new RecordSnapshot(tables);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the record of " + file, e);
        }
    }

    /** Every row added, removed or changed from {@code before} to this snapshot. */
    List<Change> since(RecordSnapshot before) {
        List<Change> changes = new ArrayList<>();
        tables.forEach((table, rows) -> {
            Map<String, Row> old = before.tables.getOrDefault(table, Map.of());
            rows.forEach((key, row) -> {
                Row was = old.get(key);
                if (was == null || !was.columns().equals(row.columns())) {
                    changes.add(new Change(table, key, was, row));
                }
            });
            old.forEach((key, row) -> {
                if (!rows.containsKey(key)) {
                    changes.add(new Change(table, key, row, null));
                }
            });
        });
        return changes;
    }

    List<Row> rows(String table) {
        return List.copyOf(tables.getOrDefault(table, Map.of()).values());
    }

    static boolean hasTable(Connection connection, String table) throws SQLException {
        try (ResultSet rows = connection.getMetaData().getTables(null, null, table, null)) {
            return rows.next();
        }
    }

    static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
        try (ResultSet rows = connection.getMetaData().getColumns(null, null, table, column)) {
            return rows.next();
        }
    }
}
