package io.boardclerk.storage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which database to open. With a PostgreSQL URL ({@code BOARDCLERK_DATABASE_URL}, with
 * {@code BOARDCLERK_DATABASE_USER} and {@code BOARDCLERK_DATABASE_PASSWORD}), the shared PostgreSQL database;
 * otherwise the SQLite file ({@code BOARDCLERK_DB}).
 *
 * @param sqliteFile the SQLite file, used (and needed) only when there is no URL
 * @param url        {@code jdbc:postgresql://host:port/database}, or null for SQLite
 * @param user       the PostgreSQL role, or null
 * @param password   its password, or null; never printed
 * @param poolSize   the most connections this instance opens to PostgreSQL
 */
public record DatabaseSettings(Path sqliteFile, String url, String user, String password, int poolSize) {

    public static final int DEFAULT_POOL_SIZE = 10;

    public DatabaseSettings {
        if (url == null) {
            Objects.requireNonNull(sqliteFile, "sqliteFile");
        }
        if (url != null && !url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("BOARDCLERK_DATABASE_URL must be a PostgreSQL JDBC URL,"
                    + " jdbc:postgresql://host:port/database, not " + redacted(url));
        }
        if (url == null && (user != null || password != null)) {
            throw new IllegalArgumentException("BOARDCLERK_DATABASE_USER or BOARDCLERK_DATABASE_PASSWORD is set but"
                    + " BOARDCLERK_DATABASE_URL is not: give the PostgreSQL URL too, or unset them to use SQLite.");
        }
        if (poolSize < 1 || poolSize > 200) {
            throw new IllegalArgumentException("BOARDCLERK_DATABASE_POOL_SIZE must be between 1 and 200, not "
                    + poolSize);
        }
    }

    /** The embedded default: the SQLite file. */
    public static DatabaseSettings sqlite(Path file) {
        return new DatabaseSettings(file, null, null, null, DEFAULT_POOL_SIZE);
    }

    public static DatabaseSettings postgres(String url, String user, String password) {
        return new DatabaseSettings(null, url, user, password, DEFAULT_POOL_SIZE);
    }

    public boolean isPostgres() {
        return url != null;
    }

    /** The URL without anything after a {@code ?}, where a password could be given. */
    public String describe() {
        return isPostgres() ? "PostgreSQL " + redacted(url) : "SQLite " + sqliteFile.toAbsolutePath().normalize();
    }

    static String redacted(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + describe() + (user == null ? "" : ", user=" + user)
                + (password == null ? "" : ", password=(set)") + ", poolSize=" + poolSize + "]";
    }
}
