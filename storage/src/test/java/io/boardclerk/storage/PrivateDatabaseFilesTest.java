package io.boardclerk.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The database and the directory BoardClerk makes for it are the service user's alone. */
class PrivateDatabaseFilesTest {

    @TempDir
    Path dir;

    @Test
    void theDirectoryIs0700AndTheDatabaseAndItsJournalsAre0600() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("data/boards/boardclerk.db");
        try (SqliteLedgerStore store = SqliteLedgerStore.open(file)) {
            store.inTransaction(ledger -> ledger.createBoard("t", "c", "Board"));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data"))));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
            try (var files = Files.list(file.getParent())) {
                for (Path each : files.toList()) {
                    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(each)),
                            each.getFileName().toString());
                }
            }
        }
    }

    @Test
    void anExistingDatabaseOpenToOthersIsNarrowed() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("boardclerk.db");
        SqliteLedgerStore.open(file).close();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        SqliteLedgerStore.open(file).close();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
