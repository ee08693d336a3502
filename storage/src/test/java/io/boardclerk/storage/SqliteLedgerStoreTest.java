package io.boardclerk.storage;

import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.Owner;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.model.RecordingKind;
import io.boardclerk.core.model.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store itself: opening the file, the schema, transactions, isolation of readers, and closing. */
class SqliteLedgerStoreTest extends LedgerStoreTestSupport {

    private static final Set<String> TABLES = Set.of("boards", "people", "meetings", "recordings",
            "processed_activities", "apologies", "declarations", "no_declarations", "actions", "action_updates",
            "pending_questions");

    // ---- opening

    @Test
    @SqliteOnly
    void openingCreatesMissingParentDirectoriesAndTheSchema() throws SQLException {
        Path nested = dir.resolve("data").resolve("deeper").resolve("ledger.db");
        assertFalse(Files.exists(nested.getParent()));

        try (SqliteLedgerStore nestedStore = SqliteLedgerStore.open(nested)) {
            assertTrue(Files.isDirectory(nested.getParent()));
            assertTrue(Files.isRegularFile(nested));
            assertEquals(nested.toAbsolutePath().normalize(), nestedStore.file());
            assertEquals(List.of(), nestedStore.read(l -> l.boards()));
        }

        Set<String> tables = new HashSet<>();
        try (Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + nested);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        assertTrue(tables.containsAll(TABLES), "missing tables in " + tables);
    }

    @Test
    void everythingRecordedSurvivesARestart() {
        Board board = newBoard("conv-1");
        long personId = write(l -> l.upsertRosterMember(board.id(), "29:amy", "aad-amy", "Amy Pond")).id();
        Meeting meeting = write(l -> l.scheduleMeeting(board.id(), TODAY, LocalTime.of(10, 0), "HQ", "Board"));
        ActionItem action = write(l -> {
            long recording = record(l, board.id(), RecordingKind.ACTION, "29:amy");
            return l.addAction(board.id(), l.takeActionNumber(board.id()), meeting.id(), TODAY, "5.1", "Report back",
                    List.of(new Owner(personId, "Amy Pond", false)), new Target("the May Board", null), recording, T0, "Amy");
        });
        writeDo(l -> l.savePendingQuestion(board.id(), "29:amy", "{\"q\":1}", T0));

        store.close();
        store = reopen();

        assertEquals(List.of(board), read(l -> l.boards()));
        assertEquals("Amy Pond", read(l -> l.person(personId)).orElseThrow().name());
        assertEquals(List.of(meeting), read(l -> l.meetings(board.id())));
        assertEquals(List.of(action), read(l -> l.actions(board.id())));
        assertEquals("{\"q\":1}", read(l -> l.pendingQuestion(board.id(), "29:amy")).orElseThrow());
        assertEquals(2, takeNumber(board.id()), "the action counter survives too");
    }

    @Test
    @SqliteOnly
    void actionsRecordedBeforeTheActionLifeMigrationKeepTheirOwnerAndOriginalTarget() throws Exception {
        store.close();
        java.nio.file.Files.deleteIfExists(file);
        org.flywaydb.core.Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null)
                .locations("classpath:db/migration").target("1").load().migrate();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO boards (id, tenant_id, conversation_id, name) VALUES (1, 't', 'c', 'Board')");
            st.executeUpdate("INSERT INTO recordings (id, board_id, kind, text, received_at, sender_name)"
                    + " VALUES (1, 1, 'ACTION', 'Action: ...', '2026-05-26T09:00:00Z', 'Amy Pond')");
            st.executeUpdate("INSERT INTO actions (board_id, number, raised_on, text, owner_name, owner_is_body,"
                    + " target_text, target_date, status, recording_id) VALUES (1, 1, '2026-05-26', 'Report back',"
                    + " 'Constabulary', 1, 'the May Board', '2027-05-25', 'OPEN', 1)");
        }
        store = SqliteLedgerStore.open(file);

        ActionItem action = read(l -> l.action(1, 1)).orElseThrow();
        assertEquals(List.of(Owner.body("Constabulary")), action.owners());
        assertEquals(List.of(new Target("the May Board", LocalDate.of(2027, 5, 25))), action.targetHistory());
        assertEquals(0, action.version());
        assertEquals(List.of("Constabulary"), read(l -> l.bodyOwnerNames(1)));
    }

    @Test
    @SqliteOnly
    void reopeningAnExistingFileDoesNotRunTheMigrationsAgain() throws java.io.IOException {
        // Every migration the module ships, counted from its sources so that a new one needs no edit here.
        List<String> versions;
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            versions = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).sorted(java.util.Comparator.comparingInt(
                            Integer::parseInt)).toList();
        }
        assertTrue(versions.size() >= 5, "V1 to V5 at least: " + versions);
        newBoard("conv-1");
        assertEquals(versions.size(), count("flyway_schema_history WHERE success = 1 AND version IS NOT NULL"),
                String.join(", ", versions));

        store.close();
        store = SqliteLedgerStore.open(file);
        store.close();
        store = SqliteLedgerStore.open(file);

        assertEquals(versions.size(), count("flyway_schema_history WHERE version IS NOT NULL"));
        assertEquals(String.join(",", versions), queryString("SELECT group_concat(version) FROM (SELECT version FROM flyway_schema_history"
                + " WHERE version IS NOT NULL ORDER BY installed_rank)"));
        assertEquals(1, read(l -> l.boards()).size(), "reopening must not reset the data");
    }

    @Test
    @SqliteOnly
    void theDatabaseFileIsInWriteAheadLogMode() {
        assertEquals("wal", queryString("PRAGMA journal_mode").toLowerCase());
    }

    @Test
    void foreignKeysAreEnforcedAndAViolationLeavesNothingWritten() {
        Board board = newBoard("conv-1");
        long recordingsBefore = count("recordings");

        StorageException failure = assertThrows(StorageException.class, () -> writeDo(l -> {
            long recording = record(l, board.id(), RecordingKind.APOLOGIES, "29:amy");
            l.addApology(987_654L, null, "Amy Pond", null, recording);
        }));

        assertTrue(failure.getCause() instanceof SQLException, "the JDBC failure is kept as the cause");
        assertEquals(0, count("apologies"));
        assertEquals(recordingsBefore, count("recordings"), "the recording made earlier in the turn rolled back");

        // The connection and its cached statements are still usable after the failure.
        Meeting meeting = write(l -> l.scheduleMeeting(board.id(), TODAY, null, null, null));
        writeDo(l -> l.addApology(meeting.id(), null, "Amy Pond", null,
                record(l, board.id(), RecordingKind.APOLOGIES, "29:amy")));
        assertEquals(1, read(l -> l.apologies(meeting.id())).size());
    }

    @Test
    void anActionOwnedByAnUnknownPersonIdIsRefused() {
        Board board = newBoard("conv-1");
        assertThrows(StorageException.class, () -> writeDo(l -> l.addAction(board.id(), l.takeActionNumber(board.id()),
                null, TODAY, null, "Text", List.of(new Owner(424_242L, "Ghost", false)), null,
                record(l, board.id(), RecordingKind.ACTION, "29:amy"), T0, "Amy")));
        assertEquals(0, count("actions"));
        assertEquals(1, takeNumber(board.id()), "the failed turn did not use up number 1");
    }

    // ---- transactions

    @Test
    void aFailedTurnLeavesNothingWritten() {
        Board board = newBoard("conv-1");
        IllegalStateException thrown = new IllegalStateException("the clerk changed its mind");

        IllegalStateException caught = assertThrows(IllegalStateException.class, () -> writeDo(l -> {
            l.createBoard(TENANT, "conv-2", "Second board");
            int number = l.takeActionNumber(board.id());
            long recording = record(l, board.id(), RecordingKind.ACTION, "29:amy");
            l.addAction(board.id(), number, null, TODAY, null, "Never kept", List.of(), null, recording, T0, "Amy");
            l.upsertRosterMember(board.id(), "29:amy", null, "Amy Pond");
            throw thrown;
        }));

        assertSame(thrown, caught, "the work's own exception comes out unchanged");
        assertEquals(1, read(l -> l.boards()).size());
        assertEquals(1, count("boards"));
        assertEquals(0, count("actions"));
        assertEquals(0, count("recordings"));
        assertEquals(0, count("people"));
        assertEquals(1, takeNumber(board.id()), "the action counter was not advanced");
    }

    @Test
    void aTurnThatSucceedsCommitsAllItsWritesAndReturnsItsResult() {
        String result = write(l -> {
            Board board = l.createBoard(TENANT, "conv-1", "Board");
            l.upsertRosterMember(board.id(), "29:amy", null, "Amy Pond");
            return "done";
        });

        assertEquals("done", result);
        assertEquals(1, count("boards"));
        assertEquals(1, count("people"));
    }

    @Test
    void aNestedTransactionOnTheSameThreadJoinsTheOuterOne() {
        assertThrows(IllegalStateException.class, () -> writeDo(outer -> {
            outer.createBoard(TENANT, "outer", "Outer");
            Board inner = store.inTransaction(l -> l.createBoard(TENANT, "inner", "Inner"));
            assertTrue(outer.board(inner.id()).isPresent(), "the outer work sees what the inner work wrote");
            assertEquals(0, count("boards"), "the inner work did not commit on its own");
            throw new IllegalStateException("outer fails after inner finished");
        }));

        assertEquals(0, count("boards"));
        assertTrue(read(l -> l.findBoard(TENANT, "inner")).isEmpty());
        assertTrue(read(l -> l.findBoard(TENANT, "outer")).isEmpty());
    }

    @Test
    void aNestedTransactionCommitsWithTheOuterOne() {
        writeDo(outer -> {
            outer.createBoard(TENANT, "outer", "Outer");
            store.inTransaction(l -> l.createBoard(TENANT, "inner", "Inner"));
        });

        assertEquals(2, count("boards"));
        assertTrue(read(l -> l.findBoard(TENANT, "inner")).isPresent());
    }

    @Test
    void readSeesCommittedData() {
        assertTrue(read(l -> l.findBoard(TENANT, "conv-1")).isEmpty());
        Board board = newBoard("conv-1");
        assertEquals(board, read(l -> l.findBoard(TENANT, "conv-1")).orElseThrow());
    }

    @Test
    void readInsideATransactionSeesThatTransactionsUncommittedWrites() {
        writeDo(l -> {
            Board board = l.createBoard(TENANT, "conv-1", "Board");
            assertEquals(board, store.read(r -> r.findBoard(TENANT, "conv-1")).orElseThrow());
            assertEquals(0, count("boards"), "not yet committed");
        });
        assertEquals(1, count("boards"));
    }

    @Test
    void aReaderOnAnotherThreadSeesOnlyCommittedStateWhileAWriterIsBusy() throws Exception {
        newBoard("committed");
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            writeDo(l -> {
                l.createBoard(TENANT, "uncommitted", "Uncommitted");
                Future<List<Board>> seen = other.submit(() -> store.read(r -> r.boards()));
                List<Board> boards;
                try {
                    boards = seen.get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("the reader was blocked by the writer", e);
                }
                assertEquals(List.of("committed"), boards.stream().map(Board::conversationId).toList());
            });
            assertEquals(2, other.submit(() -> store.read(r -> r.boards()).size()).get(10, TimeUnit.SECONDS));
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void aNestedReadOnTheSameThreadJoinsTheOuterRead() {
        newBoard("conv-1");

        int seen = store.read(outer -> outer.boards().size() + store.read(inner -> inner.boards().size()));

        assertEquals(2, seen);
        assertEquals(1, read(l -> l.boards()).size(), "the reader is usable after the nested read");
    }

    @Test
    void aTransactionStartedInsideAReadCommitsAndTheReadGoesOn() {
        int before = store.read(outer -> {
            int count = outer.boards().size();
            store.inTransaction(l -> l.createBoard(TENANT, "conv-1", "Board"));
            return count;
        });

        assertEquals(0, before);
        assertEquals(1, count("boards"));
        assertEquals(1, read(l -> l.boards()).size());
    }

    @Test
    void anExceptionInsideReadIsPassedOnAndTheReaderStaysUsable() {
        newBoard("conv-1");
        assertThrows(IllegalArgumentException.class, () -> store.read(l -> {
            l.boards();
            throw new IllegalArgumentException("reader work failed");
        }));
        assertEquals(1, read(l -> l.boards()).size());
    }

    // ---- concurrency

    @Test
    @Timeout(120)
    void concurrentWritersNeverShareAnActionNumberAndReadersNeverFail() throws Exception {
        Board board = newBoard("conv-1");
        Person owner = write(l -> l.upsertRosterMember(board.id(), "29:amy", null, "Amy Pond"));
        int writers = 8;
        int turnsEach = 50;
        ConcurrentLinkedQueue<Integer> taken = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<Integer> sizesSeen = new ArrayList<>();

        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        try {
            Future<?> reader = pool.submit(() -> {
                try {
                    start.await();
                    while (true) {
                        boolean lastRound = !writing.get();
                        sizesSeen.add(store.read(l -> l.actions(board.id()).size()));
                        reads.incrementAndGet();
                        if (lastRound) {
                            break;
                        }
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
            List<Future<?>> writerTasks = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                writerTasks.add(pool.submit(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < turnsEach; i++) {
                            taken.add(store.inTransaction(l -> {
                                int number = l.takeActionNumber(board.id());
                                long recording = record(l, board.id(), RecordingKind.ACTION, "29:amy");
                                l.addAction(board.id(), number, null, TODAY, null, "Action " + number,
                                        List.of(Owner.person(owner)), null, recording, T0, "Amy");
                                return number;
                            }));
                        }
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }));
            }
            start.countDown();
            for (Future<?> task : writerTasks) {
                task.get(100, TimeUnit.SECONDS);
            }
            writing.set(false);
            reader.get(20, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertEquals(List.of(), List.copyOf(failures));
        int total = writers * turnsEach;
        List<Integer> expected = IntStream.rangeClosed(1, total).boxed().toList();
        assertEquals(expected, taken.stream().sorted().toList(), "every number handed out exactly once");
        List<ActionItem> actions = read(l -> l.actions(board.id()));
        assertEquals(total, actions.size());
        assertEquals(expected, actions.stream().map(ActionItem::number).toList());
        assertEquals(total, actions.stream().map(ActionItem::recordingId).collect(Collectors.toSet()).size());
        assertEquals(total + 1, takeNumber(board.id()));

        assertTrue(reads.get() > 0);
        for (int i = 1; i < sizesSeen.size(); i++) {
            assertTrue(sizesSeen.get(i) >= sizesSeen.get(i - 1), "a reader never sees committed actions vanish");
        }
        assertEquals(total, sizesSeen.get(sizesSeen.size() - 1), "the last read ran after all the writers");
    }

    // ---- health and closing

    @Test
    void theStoreIsReachableUntilItIsClosed() {
        assertTrue(store.isReachable());
        store.close();
        assertFalse(store.isReachable());
    }

    @Test
    void closingTwiceIsHarmlessAndAClosedStoreRefusesWork() {
        store.close();
        store.close();

        assertFalse(store.isReachable());
        assertThrows(IllegalStateException.class, () -> store.inTransaction(l -> l.boards()));
        assertThrows(IllegalStateException.class, () -> store.read(l -> l.boards()));
    }

    @Test
    void aClosedFileCanBeOpenedAgainByANewStore() {
        newBoard("conv-1");
        store.close();
        try (Database again = reopen()) {
            assertTrue(again.isReachable());
            assertEquals(1, again.read(l -> l.boards()).size());
        }
    }
}
