package io.boardclerk.storage;

import io.boardclerk.core.port.LedgerStore;

/**
 * BoardClerk's record, open: the embedded SQLite file ({@link SqliteLedgerStore}) or a PostgreSQL database that
 * several instances share ({@link PostgresLedgerStore}). {@link Databases#open} picks one from the settings.
 */
public interface Database extends LedgerStore, AutoCloseable {

    /** How much work of one kind waits in the database now; -1 if it cannot be read (closed, or an error). */
    long depth(QueueDepth queue);

    /** Which database this is, for the log and error messages: never a password. */
    String describe();

    @Override
    void close();
}
