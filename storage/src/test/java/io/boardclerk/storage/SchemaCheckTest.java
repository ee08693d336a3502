package io.boardclerk.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A restart skips Flyway only when the database's history holds every shipped migration with Flyway's own checksum
 * of it; any difference leaves the decision to Flyway, which still refuses a changed migration.
 */
class SchemaCheckTest {

    private static final ClassLoader LOADER = SchemaCheckTest.class.getClassLoader();

    @TempDir
    Path dir;

    @Test
    void theBuildsIndexListsEveryMigrationScript() throws Exception {
        List<String> sources;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            sources = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .sorted(MigrationIndex::byVersion).toList();
        }
        assertFalse(sources.isEmpty());
        assertEquals(sources, MigrationIndex.shipped(LOADER));
    }

    @Test
    void aNewDatabaseIsNotUpToDateAndOneFlywayMigratedIs() throws Exception {
        Path file = dir.resolve("a.db");
        assertFalse(SchemaCheck.upToDate(file, LOADER), "no file yet");
        SqliteLedgerStore.open(file).close();
        assertTrue(SchemaCheck.upToDate(file, LOADER));
        List<String> mine = new ArrayList<>();
        for (String script : MigrationIndex.shipped(LOADER)) {
            mine.add(script + " " + SchemaCheck.checksum(LOADER, script));
        }
        assertEquals(history(file), mine, "the same checksums as Flyway recorded");
        SqliteLedgerStore.open(file).close(); // a restart through the fast path opens as before
    }

    @Test
    void aChangedMigrationIsLeftToFlywayWhichRefusesIt() throws Exception {
        Path file = dir.resolve("b.db");
        SqliteLedgerStore.open(file).close();
        execute(file, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE script LIKE 'V1\\_\\_%' "
                + "ESCAPE '\\'");
        assertFalse(SchemaCheck.upToDate(file, LOADER));
        assertThrows(StorageException.class, () -> SqliteLedgerStore.open(file));
    }

    @Test
    void aFailedMigrationOrOneThisBuildDoesNotShipIsLeftToFlyway() throws Exception {
        Path file = dir.resolve("c.db");
        SqliteLedgerStore.open(file).close();
        execute(file, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                + "checksum, installed_by, execution_time, success) VALUES (99, '99', 'later', 'SQL', "
                + "'V99__later.sql', 1, 'x', 1, 1)");
        assertFalse(SchemaCheck.upToDate(file, LOADER), "applied by a newer BoardClerk");
        execute(file, "UPDATE flyway_schema_history SET success = 0 WHERE installed_rank = 99");
        assertFalse(SchemaCheck.upToDate(file, LOADER));
    }

    @Test
    void aMigrationShippedButNotAppliedOrNoIndexIsLeftToFlyway() throws Exception {
        Path file = dir.resolve("d.db");
        SqliteLedgerStore.open(file).close();
        List<String> more = new ArrayList<>(MigrationIndex.shipped(LOADER));
        more.add("V99__next.sql");
        byte[] index = (String.join("\n", more) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ClassLoader withNext = new ClassLoader(LOADER) {
            @Override
            public java.io.InputStream getResourceAsStream(String name) {
                return name.equals(MigrationIndex.INDEX) ? new java.io.ByteArrayInputStream(index)
                        : super.getResourceAsStream(name);
            }
        };
        assertFalse(SchemaCheck.upToDate(file, withNext), "a new migration to apply");
        try (URLClassLoader none = new URLClassLoader(new URL[0], null)) {
            assertFalse(SchemaCheck.upToDate(file, none), "no index");
        }
    }

    private static List<String> history(Path file) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT script, checksum FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getInt(2));
            }
        }
        return rows;
    }

    private static void execute(Path file, String sql) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = db.createStatement()) {
            st.execute(sql);
        }
    }
}
