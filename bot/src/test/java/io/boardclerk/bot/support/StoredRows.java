package io.boardclerk.bot.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Reads the server's SQLite file directly, to prove a refused request stored nothing. */
public final class StoredRows {

    private StoredRows() {
    }

    /** Rows in {@code table} (a fixed name from the schema, never user input). */
    public static int count(Path database, String table) {
        return count(database, "SELECT count(*) FROM " + table, table);
    }

    /** The first column of the first row of {@code query}, as a number. */
    public static int count(Path database, String query, String what) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            return rows.next() ? rows.getInt(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not count " + what + ": " + e.getMessage(), e);
        }
    }

    /** Boards, people, recordings and processed activities: everything a turn would write first. */
    public static String footprint(Path database) {
        return count(database, "boards") + " boards, " + count(database, "people") + " people, "
                + count(database, "recordings") + " recordings, " + count(database, "processed_activities")
                + " processed activities, " + count(database, "personal_conversations") + " personal chats";
    }
}
