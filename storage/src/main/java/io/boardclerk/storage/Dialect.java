package io.boardclerk.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The few things SQLite and PostgreSQL say differently. Everything else in the storage module is one SQL text for
 * both: {@code ON CONFLICT}, {@code RETURNING}, partial indexes and {@code TRUE}/{@code FALSE} are common ground.
 *
 * <ul>
 *   <li>how a value of a date, time, instant or flag is bound (SQLite keeps ISO text and 0/1; PostgreSQL has
 *       {@code date}, {@code time}, {@code timestamptz} and {@code boolean});</li>
 *   <li>how a list of ids is bound ({@code json_each} over a JSON array, or {@code = ANY} over an array);</li>
 *   <li>the one bulk insert, which reads its rows from a JSON array;</li>
 *   <li>how a writer claims rows that another instance might be claiming at the same moment.</li>
 * </ul>
 * Transactions are the stores' own business: {@link SqliteLedgerStore} and {@link PostgresLedgerStore}.
 */
enum Dialect {

    SQLITE {
        @Override
        String inIds() {
            return " IN (SELECT value FROM json_each(?))";
        }

        @Override
        void bindIds(Connection connection, PreparedStatement statement, int index, Ids ids) throws SQLException {
            statement.setString(index, ids.json());
        }

        @Override
        void bindText(PreparedStatement statement, int index, String value) throws SQLException {
            statement.setString(index, value);
        }

        @Override
        void bindInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
            statement.setString(index, value.toString());
        }

        @Override
        void bindDate(PreparedStatement statement, int index, LocalDate value) throws SQLException {
            statement.setString(index, value.toString());
        }

        @Override
        void bindTime(PreparedStatement statement, int index, LocalTime value) throws SQLException {
            statement.setString(index, value.withSecond(0).withNano(0).toString());
        }

        @Override
        String jsonRows(String columns) {
            return columns.replace("%t", "").replace("%i", "") + " FROM json_each(?)";
        }

        @Override
        String skipLocked() {
            return "";
        }
    },

    POSTGRESQL {
        @Override
        String inIds() {
            return " = ANY(?)";
        }

        @Override
        void bindIds(Connection connection, PreparedStatement statement, int index, Ids ids) throws SQLException {
            statement.setArray(index, connection.createArrayOf("bigint", ids.boxed()));
        }

        /** PostgreSQL's text cannot hold NUL: one in a message becomes U+FFFD rather than failing the turn. */
        @Override
        void bindText(PreparedStatement statement, int index, String value) throws SQLException {
            statement.setString(index, value.indexOf('\u0000') < 0 ? value : value.replace('\u0000', '\uFFFD'));
        }

        /** To the microsecond: {@code timestamptz} keeps no finer. */
        @Override
        void bindInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
            statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        }

        @Override
        void bindDate(PreparedStatement statement, int index, LocalDate value) throws SQLException {
            statement.setObject(index, value, Types.DATE);
        }

        @Override
        void bindTime(PreparedStatement statement, int index, LocalTime value) throws SQLException {
            statement.setObject(index, value.withSecond(0).withNano(0), Types.TIME);
        }

        @Override
        String jsonRows(String columns) {
            return columns.replace("%t", "::timestamptz").replace("%i", "::bigint")
                    + " FROM jsonb_array_elements(CAST(? AS jsonb)) AS value";
        }

        @Override
        String skipLocked() {
            return " FOR UPDATE SKIP LOCKED";
        }
    };

    /** The condition on a column that it is one of a bound {@link Ids}: {@code "id" + inIds()}. */
    abstract String inIds();

    abstract void bindIds(Connection connection, PreparedStatement statement, int index, Ids ids)
            throws SQLException;

    abstract void bindText(PreparedStatement statement, int index, String value) throws SQLException;

    abstract void bindInstant(PreparedStatement statement, int index, Instant value) throws SQLException;

    abstract void bindDate(PreparedStatement statement, int index, LocalDate value) throws SQLException;

    abstract void bindTime(PreparedStatement statement, int index, LocalTime value) throws SQLException;

    /**
     * A select list over the elements of a bound JSON array of arrays, each element called {@code value}. In the
     * columns, {@code (value ->> 0)%i} marks a number and {@code %t} an instant, left unmarked for text: PostgreSQL's
     * {@code ->>} gives text, which these marks cast to the target column's type; SQLite takes it as it is.
     */
    abstract String jsonRows(String columns);

    /**
     * What ends a {@code SELECT} whose rows this writer is about to claim: on PostgreSQL, rows another instance has
     * locked are passed over rather than waited for; SQLite has one writer, so nothing.
     */
    abstract String skipLocked();

    /** A list of ids bound as one parameter: one statement and one plan, whatever the count. */
    record Ids(long[] values) {

        static Ids of(java.util.Collection<Long> ids) {
            long[] values = new long[ids.size()];
            int i = 0;
            for (long id : ids) {
                values[i++] = id;
            }
            return new Ids(values);
        }

        String json() {
            StringBuilder out = new StringBuilder("[");
            for (long id : values) {
                out.append(out.length() > 1 ? "," : "").append(id);
            }
            return out.append(']').toString();
        }

        Long[] boxed() {
            Long[] boxed = new Long[values.length];
            for (int i = 0; i < values.length; i++) {
                boxed[i] = values[i];
            }
            return boxed;
        }
    }
}
