package io.boardclerk.bot;

import io.boardclerk.storage.DatabaseSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The database an admin command of the jar ({@code export}, {@code revoke-links}, {@code copy-to-postgres}) works
 * on: the SQLite file {@code --db FILE} names, or else the configured database, SQLite or PostgreSQL.
 */
final class AdminDatabase {

    private AdminDatabase() {
    }

    static DatabaseSettings choose(DatabaseSettings configured, Path dbOption) {
        return dbOption != null ? DatabaseSettings.sqlite(dbOption) : configured;
    }

    /** Why the command cannot go on: a SQLite file that is not there (opening it would make an empty one). */
    static Optional<String> missing(DatabaseSettings settings) {
        if (!settings.isPostgres() && !Files.isRegularFile(settings.sqliteFile())) {
            return Optional.of("There is no BoardClerk database at " + settings.sqliteFile()
                    + ". Give one with --db FILE, or set BOARDCLERK_DATABASE_URL for PostgreSQL.");
        }
        return Optional.empty();
    }
}
