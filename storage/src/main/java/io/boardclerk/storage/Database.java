package io.boardclerk.storage;

import io.boardclerk.core.port.LedgerStore;

/**
 * BoardClerk's record, open: the embedded SQLite file ({@link SqliteLedgerStore}) or a PostgreSQL database that
 * several instances share ({@link PostgresLedgerStore}). {@link Databases#open} picks one from the settings.
 */
public interface Database extends LedgerStore, AutoCloseable {

    /** How much work of one kind waits in the database now; -1 if it cannot be read (closed, or an error). */
    long depth(QueueDepth queue);

    /**
     * The secret of that name that every instance sharing this database uses: made by {@code make} and stored by
     * whichever instance asks first, then the same for all. Never logged.
     */
    byte[] sharedSecret(String name, java.util.function.Supplier<byte[]> make);

    /**
     * Teams' per-tenant limits kept in the database, for instances that share it; empty where one instance has the
     * database to itself (SQLite), which keeps them in memory.
     */
    java.util.Optional<TenantPacing> tenantPacing();

    /** Which database this is, for the log and error messages: never a password. */
    String describe();

    @Override
    void close();
}
