package io.boardclerk.storage;

/** Opens the database the settings name, bringing its schema up to date. */
public final class Databases {

    private Databases() {
    }

    public static Database open(DatabaseSettings settings) {
        return settings.isPostgres() ? PostgresLedgerStore.open(settings) : SqliteLedgerStore.open(settings.sqliteFile());
    }
}
