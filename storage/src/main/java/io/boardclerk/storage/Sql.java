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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/** Small JDBC helpers: parameters bound by position, rows mapped by a function, every failure a StorageException. */
final class Sql {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Statements are compiled once per connection and reused; SQLite spends more time preparing than running. */
    private static final int MAX_CACHED = 256;

    private final Connection connection;
    private final Dialect dialect;
    private final Map<String, PreparedStatement> cache = new HashMap<>();
    private final Set<PreparedStatement> inUse = new HashSet<>();
    private final Set<PreparedStatement> oneOffs = new HashSet<>();

    Sql(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    /** {@code column + inIds()} is true for the ids of a bound {@link Dialect.Ids}. */
    String inIds() {
        return dialect.inIds();
    }

    <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        PreparedStatement statement = null;
        try {
            statement = prepare(sql, params);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw failure(sql, e);
        } finally {
            release(statement);
        }
    }

    <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    int update(String sql, Object... params) {
        PreparedStatement statement = null;
        try {
            statement = prepare(sql, params);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(sql, e);
        } finally {
            release(statement);
        }
    }

    /** Runs an INSERT ... RETURNING id and gives the id. */
    long insert(String sql, Object... params) {
        return one(sql + " RETURNING id", row -> row.getLong(1), params)
                .orElseThrow(() -> new StorageException("Insert returned no id: " + sql, null));
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement statement = cache.get(sql);
        if (statement == null || inUse.contains(statement)) {
            // A statement already running (a query made while reading another's rows) gets a fresh twin.
            statement = connection.prepareStatement(sql);
            if (!cache.containsKey(sql) && cache.size() < MAX_CACHED) {
                cache.put(sql, statement);
            } else {
                oneOffs.add(statement);
            }
        }
        inUse.add(statement);
        try {
            // Every placeholder is bound on each use, so no clearParameters(): in sqlite-jdbc it costs more than
            // the query itself.
            for (int i = 0; i < params.length; i++) {
                bind(statement, i + 1, params[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            release(statement);
            throw e;
        }
    }

    /** Hands a statement back: cached ones stay open for reuse, others are closed. */
    private void release(PreparedStatement statement) {
        if (statement == null) {
            return;
        }
        inUse.remove(statement);
        if (oneOffs.remove(statement)) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // closing a one-off statement cannot lose data
            }
        }
    }

    /** Closes every cached statement; the connection is about to close. */
    void close() {
        for (PreparedStatement statement : cache.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // the connection closes next
            }
        }
        cache.clear();
    }

    private void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Boolean b) {
            statement.setBoolean(index, b);
        } else if (value instanceof Integer i) {
            statement.setInt(index, i);
        } else if (value instanceof Long l) {
            statement.setLong(index, l);
        } else if (value instanceof String s) {
            dialect.bindText(statement, index, s);
        } else if (value instanceof Instant instant) {
            dialect.bindInstant(statement, index, instant);
        } else if (value instanceof LocalDate date) {
            dialect.bindDate(statement, index, date);
        } else if (value instanceof LocalTime t) {
            dialect.bindTime(statement, index, t);
        } else if (value instanceof Enum<?> e) {
            statement.setString(index, e.name());
        } else if (value instanceof Dialect.Ids ids) {
            dialect.bindIds(connection, statement, index, ids);
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

    /** A date column: ISO text in SQLite, {@code date} in PostgreSQL. */
    static LocalDate date(ResultSet row, String column) throws SQLException {
        return asDate(row.getObject(column));
    }

    static LocalDate date(ResultSet row, int column) throws SQLException {
        return asDate(row.getObject(column));
    }

    private static LocalDate asDate(Object value) {
        if (value == null) {
            return null;
        } else if (value instanceof String text) {
            return parseDate(text);
        } else if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        } else if (value instanceof LocalDate date) {
            return date;
        }
        throw new StorageException("Not a stored date: " + value.getClass().getName(), null);
    }

    /** Reads "2026-11-23" without the general formatter, which costs more than the query that fetched it. */
    static LocalDate parseDate(String value) {
        if (value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-') {
            return LocalDate.of(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10));
        }
        return LocalDate.parse(value);
    }

    /** Reads an instant as {@link Instant#toString()} wrote it: "2026-11-23T10:00:00Z", maybe with a fraction. */
    static Instant parseInstant(String value) {
        int length = value.length();
        if (length >= 20 && value.charAt(10) == 'T' && value.charAt(13) == ':' && value.charAt(16) == ':'
                && value.charAt(length - 1) == 'Z' && value.charAt(4) == '-' && value.charAt(7) == '-') {
            long seconds = LocalDate.of(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10)).toEpochDay()
                    * 86_400L + digits(value, 11, 13) * 3600L + digits(value, 14, 16) * 60L + digits(value, 17, 19);
            int nanos = 0;
            if (length > 20) {
                if (value.charAt(19) != '.' || length - 21 > 9 || length - 21 < 1) {
                    return Instant.parse(value);
                }
                nanos = digits(value, 20, length - 1);
                for (int i = length - 21; i < 9; i++) {
                    nanos *= 10;
                }
            }
            return Instant.ofEpochSecond(seconds, nanos);
        }
        return Instant.parse(value);
    }

    private static int digits(String value, int from, int to) {
        int result = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new java.time.format.DateTimeParseException("Not a stored date: " + value, value, i);
            }
            result = result * 10 + (c - '0');
        }
        return result;
    }

    /** A time-of-day column: "HH:MM" in SQLite, {@code time} in PostgreSQL. */
    static LocalTime time(ResultSet row, String column) throws SQLException {
        Object value = row.getObject(column);
        if (value == null) {
            return null;
        } else if (value instanceof String text) {
            if (text.length() == 5 && text.charAt(2) == ':') {
                return LocalTime.of(digits(text, 0, 2), digits(text, 3, 5));
            }
            return LocalTime.parse(text);
        } else if (value instanceof java.sql.Time time) {
            return time.toLocalTime();
        } else if (value instanceof LocalTime time) {
            return time;
        }
        throw new StorageException("Not a stored time: " + value.getClass().getName(), null);
    }

    /** An instant column: ISO-8601 UTC text in SQLite, {@code timestamptz} in PostgreSQL. */
    static Instant instant(ResultSet row, String column) throws SQLException {
        return asInstant(row.getObject(column));
    }

    static Instant instant(ResultSet row, int column) throws SQLException {
        return asInstant(row.getObject(column));
    }

    private static Instant asInstant(Object value) {
        if (value == null) {
            return null;
        } else if (value instanceof String text) {
            return parseInstant(text);
        } else if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        } else if (value instanceof java.time.OffsetDateTime at) {
            return at.toInstant();
        }
        throw new StorageException("Not a stored instant: " + value.getClass().getName(), null);
    }

    /** A flag: 0 or 1 in SQLite, {@code boolean} in PostgreSQL. */
    static boolean bool(ResultSet row, String column) throws SQLException {
        return row.getBoolean(column);
    }
}
