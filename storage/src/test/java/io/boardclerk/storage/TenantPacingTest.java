package io.boardclerk.storage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Teams' per-tenant limits kept in PostgreSQL: two instances draw on one bucket and see one pause. */
@PostgresOnly
class TenantPacingTest {

    @TempDir
    Path dir;
    Database first;
    Database second;

    @BeforeEach
    void open() {
        first = TestDatabase.openEmpty(dir);
        second = TestDatabase.reopen(dir);
    }

    @AfterEach
    void close() {
        second.close();
        first.close();
    }

    private TenantPacing pacing(Database database) {
        return database.tenantPacing().orElseThrow();
    }

    @Test
    void twoInstancesTakeFromOneBucketAndWaitWhenItIsEmpty() {
        // A slow refill (one a minute) so the test's own pace cannot top the bucket up.
        double perSecond = 1.0 / 60;
        for (int i = 0; i < 3; i++) {
            assertEquals(0, pacing(i % 2 == 0 ? first : second).take("tenant-1", perSecond, 3), "token " + i);
        }
        long wait = pacing(second).take("tenant-1", perSecond, 3);
        assertTrue(wait > 50_000_000_000L && wait <= 60_000_000_000L, "about a minute to the next token: " + wait);
        assertEquals(0, pacing(first).take("tenant-2", perSecond, 3), "another tenant has a bucket of its own");
    }

    @Test
    void aPauseOneInstanceSetsIsKeptByTheOtherAndALaterPauseStands() {
        Instant now = Instant.parse("2026-12-08T10:00:00Z");
        assertEquals(Optional.empty(), pacing(second).pausedUntil("tenant-1", now));

        pacing(first).pause("tenant-1", now.plusSeconds(30));
        assertEquals(Optional.of(now.plusSeconds(30)), pacing(second).pausedUntil("tenant-1", now));

        pacing(second).pause("tenant-1", now.plusSeconds(10));
        assertEquals(Optional.of(now.plusSeconds(30)), pacing(first).pausedUntil("tenant-1", now), "the later stands");
        assertEquals(Optional.empty(), pacing(first).pausedUntil("tenant-1", now.plusSeconds(31)), "and then ends");
        assertEquals(Optional.empty(), pacing(first).pausedUntil("tenant-2", now));
    }

    @Test
    void sqliteKeepsTheLimitsInMemory() throws Exception {
        try (SqliteLedgerStore sqlite = SqliteLedgerStore.open(dir.resolve("one.db"))) {
            assertTrue(sqlite.tenantPacing().isEmpty());
        }
    }
}
