package io.boardclerk.bot;

import io.boardclerk.storage.SqliteLedgerStore;
import io.boardclerk.storage.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code java -jar boardclerk.jar copy-to-postgres}, as the admin moving a deployment onto PostgreSQL runs it. */
class CopyToPostgresCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "copy-to-postgres";
        System.arraycopy(args, 0, all, 1, args.length);
        return CopyToPostgresCommand.run(all, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path sqliteWithTwoBoards() {
        Path file = dir.resolve("boardclerk.db");
        try (SqliteLedgerStore store = SqliteLedgerStore.open(file)) {
            store.inTransaction(l -> l.createBoard("tenant-1", "19:a@thread.v2", "Fenshire Board"));
            store.inTransaction(l -> l.createBoard("tenant-1", "19:b@thread.v2", "Audit Committee"));
        }
        return file;
    }

    @Test
    void copiesIntoAnEmptyDatabaseAndThenRefusesToCopyOverIt() {
        Path file = sqliteWithTwoBoards();
        Map<String, String> env = Map.of("BOARDCLERK_DB", file.toString(),
                "BOARDCLERK_DATABASE_URL", TestDatabase.emptyPostgres());

        assertEquals(0, run(env), err());
        assertTrue(out().contains("  boards: 2\n"), out());
        assertTrue(out().contains("every table's count matches"), out());

        assertEquals(1, run(env));
        assertTrue(err().contains("Nothing was copied: The PostgreSQL database is not empty (boards has rows)"),
                err());
    }

    @Test
    void withoutAPostgresUrlItSaysWhatIsMissing() {
        assertEquals(2, run(Map.of("BOARDCLERK_DB", sqliteWithTwoBoards().toString())));
        assertTrue(err().contains("BOARDCLERK_DATABASE_URL is not set"), err());
    }

    @Test
    void aMissingSqliteFileIsNamedAndNothingIsMade() {
        Path missing = dir.resolve("nowhere/boardclerk.db");
        assertEquals(1, run(Map.of("BOARDCLERK_DATABASE_URL", TestDatabase.emptyPostgres()), "--db",
                missing.toString()));
        assertTrue(err().contains("There is no SQLite database at " + missing), err());
        assertTrue(!missing.toFile().exists(), "no empty database was made in its place");
    }

    @Test
    void aUrlThatIsNotPostgresIsRefused() {
        assertEquals(2, run(Map.of("BOARDCLERK_DATABASE_URL", "jdbc:mysql://db/boardclerk")));
        assertTrue(err().contains("must be a PostgreSQL JDBC URL"), err());
    }
}
