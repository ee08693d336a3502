package io.boardclerk.storage;

import io.boardclerk.core.clerk.Clerk;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.clerk.Sender;
import io.boardclerk.core.export.BoardExport;
import io.boardclerk.core.export.Exporter;
import io.boardclerk.core.reminder.Reminders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code copy-to-postgres}: a SQLite database a board has used for a while, copied into an empty PostgreSQL one. */
@PostgresOnly
class DatabaseCopyTest {

    private static final Conversation BOARD = new Conversation("tenant-1", "19:board-a@thread.v2",
            Conversation.Kind.GROUP_CHAT, "Fenshire Board");
    private static final Sender SAM = new Sender("29:sam", "aad-sam", "Sam Clerk", Sender.Standing.VOUCHED);
    private static final Sender HELEN = new Sender("29:helen", "aad-helen", "Helen Marsh", Sender.Standing.MEMBER);
    private static final Sender JON = new Sender("29:jon", "aad-jon", "Jon Leigh", Sender.Standing.MEMBER);

    @TempDir
    Path dir;

    private Path usedSqliteDatabase() {
        Path file = dir.resolve("used.db");
        try (SqliteLedgerStore sqlite = SqliteLedgerStore.open(file)) {
            Clerk clerk = new Clerk(sqlite, ZoneId.of("Europe/London"));
            List<String[]> script = List.of(
                    new String[] {"2026-11-23T09:00:00Z", "sam", "secretary Sam Clerk"},
                    new String[] {"2026-11-23T09:01:00Z", "helen", "help"},
                    new String[] {"2026-11-23T09:02:00Z", "sam", "chair Helen Marsh"},
                    new String[] {"2026-11-23T09:03:00Z", "jon", "help"},
                    new String[] {"2026-11-23T09:04:00Z", "sam", "next meeting 10/12/2026 10:00"},
                    new String[] {"2026-11-23T09:05:00Z", "jon", "sorry, can't make the 10th December meeting – on leave"},
                    new String[] {"2026-12-10T10:00:00Z", "sam", "start meeting"},
                    new String[] {"2026-12-10T10:05:00Z", "helen", "I declare a personal interest in item 6 as a"
                            + " trustee of the Fenshire Trust"},
                    new String[] {"2026-12-10T10:20:00Z", "sam", "Action: Jon Leigh to report on the fleet review"
                            + " to the next Board."},
                    new String[] {"2026-12-10T10:25:00Z", "sam", "action Review the risk register owner: Helen Marsh"
                            + " due: 15/01/2027"},
                    new String[] {"2026-12-10T11:00:00Z", "jon", "Quick update on 1: draft with the Chief Constable"},
                    new String[] {"2026-12-10T11:30:00Z", "sam", "end meeting"},
                    new String[] {"2026-12-11T09:00:00Z", "helen", "2 is finished"});
            int turn = 0;
            for (String[] line : script) {
                Sender sender = switch (line[1]) {
                    case "sam" -> SAM;
                    case "helen" -> HELEN;
                    default -> JON;
                };
                LedgerStoreTestSupport.say(clerk, BOARD, sender, line[2], Instant.parse(line[0]));
                turn++;
            }
            assertEquals(script.size(), turn);
            new Reminders(sqlite).planBoardsNeverPlanned(Instant.parse("2026-12-11T09:00:00Z"));
        }
        return file;
    }

    @Test
    void everythingRecordedArrivesAsItWasAndTheCountsAreChecked() {
        Path file = usedSqliteDatabase();
        TestDatabase.openEmpty(dir).close();
        DatabaseSettings target = TestDatabase.settings(dir);
        List<String> progress = new ArrayList<>();

        DatabaseCopy.Result result = DatabaseCopy.copy(file, target, progress::add);

        assertEquals(DatabaseCopy.TABLES.size(), progress.size(), "each table reported");
        assertTrue(result.rows().get("actions") == 2 && result.rows().get("apologies") == 1
                && result.rows().get("declarations") == 1 && result.rows().get("action_updates") >= 1
                && result.rows().get("reminders") > 0, result.rows().toString());
        BoardExport.Document before;
        try (SqliteLedgerStore sqlite = SqliteLedgerStore.open(file)) {
            before = new Exporter(sqlite).all();
        }
        for (String table : DatabaseCopy.TABLES) {
            assertEquals(rows("jdbc:sqlite:" + file, table), rows(target.url(), table), table + ", row for row");
        }
        try (Database postgres = Databases.open(target)) {
            assertEquals(before, new Exporter(postgres).all(), "the same record, read back from PostgreSQL");
            int next = postgres.inTransaction(l -> l.takeActionNumber(l.boards().get(0).id()));
            assertEquals(3, next, "the action numbers carry on");
            long person = postgres.inTransaction(l -> l.addKnownPerson(l.boards().get(0).id(), "Nina Hart", null)).id();
            assertTrue(person > result.rows().get("people"), "new rows get ids past the copied ones");
        }
    }

    /** A table's rows in a form both databases give alike: instants to the microsecond, flags as 0 or 1. */
    private static List<String> rows(String url, String table) {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(result.getMetaData().getColumnName(i)).append('=').append(normal(result.getObject(i)))
                            .append(' ');
                }
                rows.add(row.toString());
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(table, e);
        }
        rows.sort(null);
        return rows;
    }

    /** As SQLite gives it as text, an instant to the microsecond (PostgreSQL keeps no finer). */
    private static String normal(Object value) {
        String text = LedgerStoreTestSupport.asText(value);
        return text.matches("\\d{4}-\\d\\d-\\d\\dT.*Z")
                ? Instant.parse(text).truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString() : text;
    }

    @Test
    void aTargetThatIsNotEmptyIsRefusedAndLeftAsItWas() throws Exception {
        Path file = usedSqliteDatabase();
        try (Database postgres = TestDatabase.openEmpty(dir)) {
            postgres.inTransaction(l -> l.createBoard("tenant-9", "19:other@thread.v2", "Other Board"));
        }
        DatabaseSettings target = TestDatabase.settings(dir);

        DatabaseCopy.Refused refused = assertThrows(DatabaseCopy.Refused.class,
                () -> DatabaseCopy.copy(file, target, line -> { }));

        assertTrue(refused.getMessage().contains("not empty"), refused.getMessage());
        try (Database postgres = Databases.open(target)) {
            assertEquals(List.of("Other Board"), postgres.read(l -> l.boards()).stream().map(b -> b.name()).toList());
        }
    }

    @Test
    void theCopyKnowsEveryTableOfTheSchema() throws Exception {
        TestDatabase.openEmpty(dir).close();
        List<String> tables = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(TestDatabase.databaseUrl());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                     + " AND tablename <> 'flyway_schema_history' ORDER BY tablename")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        assertEquals(tables, DatabaseCopy.TABLES.stream().sorted().toList(),
                "a table added by a migration must be added to DatabaseCopy.TABLES, in its place among its parents");
    }
}
