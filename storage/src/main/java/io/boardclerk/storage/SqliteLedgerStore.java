package io.boardclerk.storage;

import io.boardclerk.core.port.Ledger;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The SQLite file that holds BoardClerk's record.
 *
 * <p>SQLite has one writer at a time, so writes go through a single connection behind a lock, each in a
 * {@code BEGIN IMMEDIATE} transaction: a turn's writes commit together or not at all. Reads use a second
 * connection and, thanks to WAL, run beside the writer on the last committed state. Work nested inside a
 * transaction on the same thread joins it.
 */
public final class SqliteLedgerStore implements Database {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteLedgerStore.class);

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();
    private final SqliteLedger writeLedger;
    private final SqliteLedger readLedger;
    private volatile boolean closed;

    private SqliteLedgerStore(Path file, Connection writer, Connection reader) {
        this.file = file;
        this.writer = writer;
        this.reader = reader;
        this.writeLedger = new SqliteLedger(writer, Dialect.SQLITE);
        this.readLedger = new SqliteLedger(reader, Dialect.SQLITE);
    }

    /** Opens (creating if need be) the database file and brings its schema up to date. */
    public static SqliteLedgerStore open(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            PrivateFiles.directory(absolute.getParent());
            PrivateFiles.file(absolute);
        } catch (IOException e) {
            throw new StorageException("Cannot create the database " + absolute + " private to this user", e);
        }
        String url = "jdbc:sqlite:" + absolute;
        if (SchemaCheck.upToDate(absolute, SqliteLedgerStore.class.getClassLoader())) {
            LOG.debug("Database {} has every migration; Flyway is not needed", absolute);
        } else {
            migrate(url);
        }
        Connection writer = null;
        try {
            writer = connect(url);
            Connection reader = connect(url);
            LOG.info("Database {} is ready", absolute);
            return new SqliteLedgerStore(absolute, writer, reader);
        } catch (SQLException e) {
            closeQuietly(writer);
            throw new StorageException("Cannot open the database " + absolute, e);
        }
    }

    private static void migrate(String url) {
        try {
            Flyway.configure(SqliteLedgerStore.class.getClassLoader())
                    .dataSource(url, null, null)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new StorageException("Cannot bring the database schema up to date", e);
        }
    }

    private static Connection connect(String url) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        // 64 MB of pages per connection (the default is 2 MB): a reminder sweep over millions of rows touches index
        // pages all over the file, and re-reading them is most of its cost.
        config.setCacheSize(-65_536);
        Connection connection = config.createConnection(url);
        connection.setAutoCommit(true);
        // Checkpoint the WAL every 10,000 pages rather than 1,000: a reminder sweep and its sends rewrite the same
        // pages, which a checkpoint then writes back once instead of ten times (and fsyncs a tenth as often).
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint = 10000");
        }
        return connection;
    }

    public Path file() {
        return file;
    }

    @Override
    public byte[] sharedSecret(String name, java.util.function.Supplier<byte[]> make) {
        return inTransaction(ledger -> SharedSecrets.take(writeLedger.sql, name, make));
    }

    /** One instance has the file to itself: it keeps Teams' limits in memory. */
    @Override
    public java.util.Optional<TenantPacing> tenantPacing() {
        return java.util.Optional.empty();
    }

    @Override
    public String describe() {
        return "SQLite " + file;
    }

    @Override
    public <T> T inTransaction(Function<Ledger, T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            if (writeLock.getHoldCount() > 1) {
                return work.apply(writeLedger);
            }
            execute(writer, "BEGIN IMMEDIATE");
            writeLedger.takeReminderChanges(); // what a rolled-back transaction changed never happened
            T result;
            try {
                result = work.apply(writeLedger);
            } catch (Throwable e) {
                // Anything that escapes the work, even a checked exception thrown sneakily, rolls the turn back.
                rollback();
                throw e;
            }
            try {
                execute(writer, "COMMIT");
            } catch (StorageException e) {
                rollback();
                throw e;
            }
            return result;
        } finally {
            writeLock.unlock();
        }
    }

    private void rollback() {
        try (Statement statement = writer.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            LOG.error("Rollback failed", e);
        }
    }

    @Override
    public <T> T read(Function<Ledger, T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            return work.apply(writeLedger);
        }
        readLock.lock();
        try {
            ensureOpen();
            if (readLock.getHoldCount() > 1) {
                // A read nested in a read on the same thread joins the outer one: a second BEGIN would fail.
                return work.apply(readLedger);
            }
            execute(reader, "BEGIN");
            try {
                return work.apply(readLedger);
            } finally {
                execute(reader, "ROLLBACK");
            }
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public boolean isReachable() {
        if (closed) {
            return false;
        }
        readLock.lock();
        try (Statement statement = reader.createStatement()) {
            statement.executeQuery("SELECT 1").close();
            return true;
        } catch (SQLException e) {
            LOG.warn("Database check failed: {}", e.getMessage());
            return false;
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public long depth(QueueDepth queue) {
        if (closed) {
            return -1;
        }
        readLock.lock();
        try (Statement statement = reader.createStatement();
             java.sql.ResultSet rows = statement.executeQuery(queue.sql)) {
            return rows.next() ? rows.getLong(1) : 0;
        } catch (SQLException e) {
            LOG.warn("Counting {} failed: {}", queue, e.getMessage());
            return -1;
        } finally {
            readLock.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The database " + file + " is closed");
        }
    }

    private static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new StorageException("Database statement failed: " + sql, e);
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        readLock.lock();
        try {
            if (!closed) {
                closed = true;
                readLedger.close();
                writeLedger.close();
                closeQuietly(reader);
                closeQuietly(writer);
            }
        } finally {
            readLock.unlock();
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the database failed: {}", e.getMessage());
        }
    }
}
