package io.boardclerk.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small JDBC helpers: parameters bound by position, rows mapped by a function, every failure a StorageException. */
final class Sql {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final Connection connection;

    Sql(Connection connection) {
        this.connection = connection;
    }

    <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement statement = prepare(sql, params); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    int update(String sql, Object... params) {
        try (PreparedStatement statement = prepare(sql, params)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** Runs an INSERT ... RETURNING id and gives the id. */
    long insert(String sql, Object... params) {
        return one(sql + " RETURNING id", row -> row.getLong(1), params)
                .orElseThrow(() -> new StorageException("Insert returned no id: " + sql, null));
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                bind(statement, i + 1, params[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Boolean b) {
            statement.setInt(index, b ? 1 : 0);
        } else if (value instanceof Integer i) {
            statement.setInt(index, i);
        } else if (value instanceof Long l) {
            statement.setLong(index, l);
        } else if (value instanceof String s) {
            statement.setString(index, s);
        } else if (value instanceof LocalDate || value instanceof Instant) {
            statement.setString(index, value.toString());
        } else if (value instanceof LocalTime t) {
            statement.setString(index, t.withSecond(0).withNano(0).toString());
        } else if (value instanceof Enum<?> e) {
            statement.setString(index, e.name());
        } else {
            throw new IllegalArgumentException("Cannot bind " + value.getClass().getName());
        }
    }

    private static StorageException failure(String sql, SQLException e) {
        return new StorageException("Database statement failed: " + sql, e);
    }

    static Long longOrNull(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    static LocalDate date(ResultSet row, String column) throws SQLException {
        String value = row.getString(column);
        return value == null ? null : LocalDate.parse(value);
    }

    static LocalTime time(ResultSet row, String column) throws SQLException {
        String value = row.getString(column);
        return value == null ? null : LocalTime.parse(value);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        String value = row.getString(column);
        return value == null ? null : Instant.parse(value);
    }

    static boolean bool(ResultSet row, String column) throws SQLException {
        return row.getInt(column) != 0;
    }
}
