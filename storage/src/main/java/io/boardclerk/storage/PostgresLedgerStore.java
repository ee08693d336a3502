package io.boardclerk.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.boardclerk.core.port.Ledger;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.function.Function;

/**
 * BoardClerk's record in a PostgreSQL database that several instances share.
 *
 * <p>Each transaction takes a connection from a HikariCP pool and runs at READ COMMITTED, the same SQL as SQLite's
 * (see {@link Dialect}). What must not happen twice is decided by the database itself: unique keys with
 * {@code ON CONFLICT DO NOTHING} for redelivered activities and claimed posts, a row lock on the board for the next
 * action number, {@code FOR UPDATE SKIP LOCKED} where instances claim work. A transaction that loses a race (a
 * deadlock, a serialisation failure, or a unique key another instance has just taken) is rolled back whole and run
 * again from the start, up to {@value #ATTEMPTS} times; the work sees what the other instance committed.
 * Work nested inside a transaction on the same thread joins it.
 */
public final class PostgresLedgerStore implements Database {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresLedgerStore.class);
    private static final int ATTEMPTS = 4;
    private static final int OLDEST_MAJOR_VERSION = 14;
    /** serialization_failure, deadlock_detected, unique_violation: another transaction got there first. */
    private static final Set<String> LOST_RACE = Set.of("40001", "40P01", "23505");

    private final HikariDataSource pool;
    private final String description;
    private final PostgresTenantPacing pacing;
    private final ThreadLocal<Open> current = new ThreadLocal<>();
    private volatile boolean closed;

    private record Open(SqliteLedger ledger, boolean writable) {
    }

    private PostgresLedgerStore(HikariDataSource pool, String description) {
        this.pool = pool;
        this.description = description;
        this.pacing = new PostgresTenantPacing(pool);
    }

    /** Connects, checks the server's version, and brings the schema up to date. */
    public static PostgresLedgerStore open(DatabaseSettings settings) {
        if (!settings.isPostgres()) {
            throw new IllegalArgumentException("Not PostgreSQL settings: " + settings);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setPoolName("boardclerk-db");
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(10_000);
        // Text bound for a date, time or timestamptz column is left for the server to read as that type.
        config.addDataSourceProperty("stringtype", "unspecified");
        config.addDataSourceProperty("ApplicationName", "BoardClerk");
        config.setConnectionInitSql("SET TIME ZONE 'UTC'");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StorageException("Cannot connect to " + settings.describe() + ": " + rootMessage(e), e);
        }
        try {
            checkVersion(pool, settings);
            Flyway.configure(PostgresLedgerStore.class.getClassLoader())
                    .dataSource(pool)
                    .locations("classpath:db/postgresql")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e instanceof StorageException ? e
                    : new StorageException("Cannot bring the schema of " + settings.describe() + " up to date", e);
        }
        LOG.info("Database {} is ready", settings.describe());
        return new PostgresLedgerStore(pool, settings.describe());
    }

    private static void checkVersion(HikariDataSource pool, DatabaseSettings settings) {
        try (Connection connection = pool.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            if (meta.getDatabaseMajorVersion() < OLDEST_MAJOR_VERSION) {
                throw new StorageException(settings.describe() + " is PostgreSQL " + meta.getDatabaseProductVersion()
                        + "; BoardClerk needs " + OLDEST_MAJOR_VERSION + " or later", null);
            }
        } catch (SQLException e) {
            throw new StorageException("Cannot read the version of " + settings.describe(), e);
        }
    }

    @Override
    public <T> T inTransaction(Function<Ledger, T> work) {
        return write(work::apply);
    }

    @Override
    public byte[] sharedSecret(String name, java.util.function.Supplier<byte[]> make) {
        return write(ledger -> SharedSecrets.take(ledger.sql, name, make));
    }

    private <T> T write(Function<SqliteLedger, T> work) {
        Open open = current.get();
        if (open != null && open.writable()) {
            return work.apply(open.ledger());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction(work, true);
            } catch (RuntimeException e) {
                String state = sqlState(e);
                if (state == null || !LOST_RACE.contains(state) || attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.debug("Transaction lost a race ({}); running it again, attempt {}", state, attempt + 1);
            }
        }
    }

    @Override
    public <T> T read(Function<Ledger, T> work) {
        Open open = current.get();
        if (open != null) {
            return work.apply(open.ledger());
        }
        return transaction(work::apply, false);
    }

    private <T> T transaction(Function<SqliteLedger, T> work, boolean writable) {
        ensureOpen();
        Open outer = current.get();
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(!writable);
            SqliteLedger ledger = new SqliteLedger(connection, Dialect.POSTGRESQL);
            current.set(new Open(ledger, writable));
            try {
                T result = work.apply(ledger);
                if (writable) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
                return result;
            } catch (Throwable e) {
                // Anything that escapes the work, even a checked exception thrown sneakily, rolls it all back.
                rollback(connection);
                throw e;
            } finally {
                ledger.close();
                restore(outer);
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("Database transaction failed on " + description, e);
        }
    }

    private void restore(Open outer) {
        if (outer == null) {
            current.remove();
        } else {
            current.set(outer);
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.error("Rollback failed", e);
        }
    }

    /** The SQLSTATE of the first SQLException in the chain, or null. */
    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    @Override
    public boolean isReachable() {
        if (closed) {
            return false;
        }
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1").close();
            return true;
        } catch (SQLException e) {
            LOG.warn("Database check failed: {}", e.getMessage());
            return false;
        }
    }

    @Override
    public long depth(QueueDepth queue) {
        if (closed) {
            return -1;
        }
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(queue.sql)) {
            return rows.next() ? rows.getLong(1) : 0;
        } catch (SQLException e) {
            LOG.warn("Counting {} failed: {}", queue, e.getMessage());
            return -1;
        }
    }

    @Override
    public java.util.Optional<TenantPacing> tenantPacing() {
        return java.util.Optional.of(pacing);
    }

    @Override
    public String describe() {
        return description;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The database " + description + " is closed");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            pool.close();
        }
    }
}
