package io.boardclerk.storage;

import io.boardclerk.core.clerk.Clerk;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.clerk.Sender;
import io.boardclerk.core.clerk.Turn;
import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.RecordingKind;
import io.boardclerk.core.model.Source;
import io.boardclerk.core.port.Ledger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An empty database per test (a new SQLite file, or on the PostgreSQL run an emptied database: see
 * {@link TestDatabase}), plus a plain JDBC side door to look at (or poke) exactly what was committed. Values read
 * through the side door come back as the store writes them in SQLite: instants and dates in ISO form, flags as 1 or 0.
 */
abstract class LedgerStoreTestSupport {

    static final String TENANT = "tenant-1";
    static final String OTHER_TENANT = "tenant-2";
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static final AtomicInteger ACTIVITIES = new AtomicInteger();

    @TempDir
    Path dir;

    /** The SQLite file, in the SQLite run (tests marked {@link SqliteOnly} use it). */
    Path file;
    Database store;

    @BeforeEach
    void openStore() {
        file = dir.resolve("boardclerk.db");
        store = TestDatabase.openEmpty(dir);
    }

    /** The same database opened again, as after a restart, beside the store already open. */
    Database reopen() {
        return TestDatabase.reopen(dir);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    <T> T write(Function<Ledger, T> work) {
        return store.inTransaction(work);
    }

    void writeDo(Consumer<Ledger> work) {
        store.inTransaction(ledger -> {
            work.accept(ledger);
            return null;
        });
    }

    <T> T read(Function<Ledger, T> work) {
        return store.read(work);
    }

    /** Takes the board's next action number in a transaction of its own. */
    int takeNumber(long boardId) {
        return store.inTransaction(l -> l.takeActionNumber(boardId));
    }

    boolean claim(String conversationId, String activityId, Instant at) {
        return store.inTransaction(l -> l.claimActivity(conversationId, activityId, at));
    }

    boolean noDeclarations(long meetingId) {
        return store.read(l -> l.noDeclarations(meetingId));
    }

    Board newBoard(String conversationId) {
        return write(l -> l.createBoard(TENANT, conversationId, "Board " + conversationId));
    }

    static Source from(String senderTeamsId) {
        return new Source("activity-" + ACTIVITIES.incrementAndGet(), senderTeamsId, "Name of " + senderTeamsId,
                "message text", T0);
    }

    static long record(Ledger ledger, long boardId, RecordingKind kind, String senderTeamsId) {
        return ledger.addRecording(boardId, kind, from(senderTeamsId));
    }

    /** A connection of our own to the same database: sees only what the store has committed. */
    Connection rawConnection() throws SQLException {
        return TestDatabase.rawConnection(dir);
    }

    long count(String table) {
        return queryLong("SELECT count(*) FROM " + table);
    }

    long queryLong(String sql, Object... params) {
        try (Connection connection = rawConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("Raw query failed: " + sql, e);
        }
    }

    String queryString(String sql) {
        return String.join("|", queryRow(sql));
    }

    /** The first row's columns, each as SQLite would give it as text ("null" for a null). */
    List<String> queryRow(String sql) {
        List<List<String>> rows = queryRows(sql);
        if (rows.isEmpty()) {
            throw new AssertionError("No row: " + sql);
        }
        return rows.get(0);
    }

    /** Every row's columns, each as SQLite would give it as text ("null" for a null). */
    List<List<String>> queryRows(String sql) {
        try (Connection connection = rawConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<List<String>> result = new java.util.ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> row = new java.util.ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(asText(rows.getObject(i)));
                }
                result.add(row);
            }
            return result;
        } catch (SQLException e) {
            throw new AssertionError("Raw query failed: " + sql, e);
        }
    }

    /** The first column of every row, joined: what SQLite's {@code group_concat(column, separator)} gives. */
    String queryJoined(String sql, String separator) {
        return String.join(separator, queryRows(sql).stream().map(row -> row.get(0)).toList());
    }

    /** A value read through JDBC as SQLite would give it as text: instants and dates in ISO form, flags as 1 or 0. */
    static String asText(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().toString();
        } else if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        } else if (value instanceof java.sql.Time time) {
            return time.toLocalTime().toString();
        } else if (value instanceof Boolean flag) {
            return flag ? "1" : "0";
        }
        return String.valueOf(value);
    }

    void rawUpdate(String sql, Object... params) {
        try (Connection connection = rawConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError("Raw update failed: " + sql, e);
        }
    }

    private static final AtomicInteger TURNS = new AtomicInteger();

    /** One message to the clerk in a board's conversation; the markdown of its reply. */
    static String say(Clerk clerk, Conversation board, Sender sender, String text, Instant at) {
        return clerk.onMessage(new Turn(board, sender, text, List.of(), "act-" + TURNS.incrementAndGet(), at))
                .orElseThrow().markdown();
    }

    /** A board's action by its number, as the ledger holds it now. */
    ActionItem action(Conversation board, int number) {
        return write(ledger -> {
            long id = ledger.findBoard(board.tenantId(), board.conversationId()).orElseThrow().id();
            return ledger.action(id, number).orElseThrow();
        });
    }
}
