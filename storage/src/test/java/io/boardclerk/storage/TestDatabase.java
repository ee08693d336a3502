package io.boardclerk.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The database the storage suite runs on. By default SQLite, a new file per test. With
 * {@code -Dboardclerk.test.database=postgresql} (the storage module's second test run), PostgreSQL: the server in
 * {@code BOARDCLERK_TEST_POSTGRES_URL} (which {@code ./test.sh} starts), or else a throwaway cluster this JVM starts
 * with {@code scripts/throwaway-postgres.sh} and stops when it exits. Each test gets a database of its own test
 * run, emptied before it starts.
 */
public final class TestDatabase {

    public static final String PROPERTY = "boardclerk.test.database";
    public static final String SERVER_ENV = "BOARDCLERK_TEST_POSTGRES_URL";

    private static String serverUrl;
    private static final String DATABASE = "boardclerk_test_" + ProcessHandle.current().pid();
    private static boolean created;

    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgresql".equalsIgnoreCase(System.getProperty(PROPERTY, "sqlite"));
    }

    /** A store on an empty database: a new SQLite file in {@code dir}, or this run's PostgreSQL database emptied. */
    public static Database openEmpty(Path dir) {
        if (!postgres()) {
            return SqliteLedgerStore.open(dir.resolve("boardclerk.db"));
        }
        empty();
        return open();
    }

    /** A new, empty database of that name on the test server (one there before is dropped): its URL. */
    public static String freshPostgres(String name) {
        String server = server();
        try (Connection connection = DriverManager.getConnection(server);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database " + name + " on " + server, e);
        }
        return withDatabase(server, name);
    }

    /** This JVM's PostgreSQL database, emptied (whichever run this is): its URL. */
    public static String emptyPostgres() {
        String url = databaseUrl();
        empty();
        return url;
    }

    /** The same database again, as it is: a restart. */
    public static Database reopen(Path dir) {
        return postgres() ? open() : SqliteLedgerStore.open(dir.resolve("boardclerk.db"));
    }

    public static DatabaseSettings settings(Path dir) {
        return postgres() ? DatabaseSettings.postgres(databaseUrl(), null, null)
                : DatabaseSettings.sqlite(dir.resolve("boardclerk.db"));
    }

    private static Database open() {
        return PostgresLedgerStore.open(DatabaseSettings.postgres(databaseUrl(), null, null));
    }

    /** A plain JDBC connection of the test's own: it sees only what the store has committed. */
    public static Connection rawConnection(Path dir) throws SQLException {
        // Text bound for a date or timestamptz column is read by the server as that type, as the store's is.
        return postgres() ? DriverManager.getConnection(databaseUrl() + (databaseUrl().contains("?") ? "&" : "?")
                + "stringtype=unspecified")
                : DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("boardclerk.db"));
    }

    /** This JVM's own database on the server: its URL. */
    public static synchronized String databaseUrl() {
        String server = server();
        if (!created) {
            try (Connection connection = DriverManager.getConnection(server);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
                statement.execute("CREATE DATABASE " + DATABASE);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the test database on " + server, e);
            }
            created = true;
        }
        return withDatabase(server, DATABASE);
    }

    /** The server's URL with another database name in its path. */
    public static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?');
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    /** Empties every table but Flyway's, so a test starts from nothing on a schema already migrated. */
    private static void empty() {
        try (Connection connection = DriverManager.getConnection(databaseUrl());
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                    + " AND tablename <> 'flyway_schema_history'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            if (!tables.isEmpty()) {
                statement.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot empty the test database", e);
        }
    }

    private static synchronized String server() {
        if (serverUrl != null) {
            return serverUrl;
        }
        String given = System.getenv(SERVER_ENV);
        serverUrl = given != null && !given.isBlank() ? given : startCluster();
        return serverUrl;
    }

    private static String startCluster() {
        Path script = findScript();
        try {
            Path dir = Files.createTempDirectory("boardclerk-postgres");
            Process start = new ProcessBuilder(script.toString(), "start", dir.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!start.waitFor(120, TimeUnit.SECONDS) || start.exitValue() != 0 || !out.startsWith("jdbc:")) {
                throw new IllegalStateException("Could not start a PostgreSQL cluster for the tests with " + script
                        + " (exit " + (start.isAlive() ? "none" : start.exitValue()) + "): " + out);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopCluster(script, dir)));
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted starting PostgreSQL", e);
        }
    }

    private static void stopCluster(Path script, Path dir) {
        try {
            new ProcessBuilder(script.toString(), "stop", dir.toString()).inheritIO().start()
                    .waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            System.err.println("Could not stop the test PostgreSQL cluster in " + dir + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path findScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("scripts/throwaway-postgres.sh");
            if (Files.isExecutable(script)) {
                return script;
            }
        }
        throw new IllegalStateException("No scripts/throwaway-postgres.sh above " + Path.of("").toAbsolutePath()
                + ", and no server in " + SERVER_ENV);
    }
}
