package io.boardclerk.storage;

import io.boardclerk.core.reminder.Outgoing;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reminders e-mailed instead of sent in Teams: the MAILED state (V9), what the status shows, and the upgrade. */
class ReminderMailStorageTest extends ReminderTestSupport {

    static final Instant DUE = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void anEmailedDeliveryIsListedWithWhyTeamsCouldNotTakeItAndNeverClaimedAgain() {
        say(CLAIRE, "action Report on road safety owner: Jon Leigh due: 10/12/2026", MONDAY);
        Outgoing out = outbox.claimDue(DUE, 10, DUE.plusSeconds(120)).get(0);
        assertTrue(outbox.sending(out, DUE.plusSeconds(1)));
        outbox.mailed(out.deliveryId(), DUE.plusSeconds(2), "not reachable in Teams (HTTP 403); e-mailed instead");

        assertEquals("MAILED|2026-12-03T08:00:02Z|null", queryString("SELECT state, sent_at, lease_until"
                + " FROM reminder_deliveries WHERE id = " + out.deliveryId()));
        assertEquals(0, outbox.markInDoubt(DUE.plusSeconds(500)), "ended, so never in doubt");
        assertEquals(List.of(), outbox.claimDue(DUE.plusSeconds(600), 10, DUE.plusSeconds(700)));
        String status = say(CLAIRE, "reminders status", DUE.plusSeconds(800));
        assertTrue(status.contains("**E-mailed instead: not reachable in Teams** (1)\n- Jon Leigh, before the target"
                + " of action 1.0: not reachable in Teams (HTTP 403); e-mailed instead"), status);
        assertFalse(status.contains("Could not be delivered"), status);
    }

    @Test
    void theStatusSaysWhetherEmailFallbackIsOnAndWhatEnablingItTakes() {
        String off = say(CLAIRE, "reminders status", MONDAY.plusSeconds(60));
        assertTrue(off.contains("E-mail fallback is off") && off.contains("BOARDCLERK_MAIL_FROM")
                && off.contains("Mail.Send"), off);

        clerk.reminderMail(true);
        String on = say(CLAIRE, "reminders status", MONDAY.plusSeconds(120));
        assertTrue(on.contains("E-mail fallback is on"), on);
    }

    @Test
    @SqliteOnly
    void theMigrationKeepsEveryDeliveryOfAVersion8Database() throws SQLException {
        Path old = dir.resolve("v8.db");
        String url = "jdbc:sqlite:" + old;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("8").load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO boards (id, tenant_id, conversation_id, name) VALUES (1, 't', 'c', 'Old Board')");
            s.execute("INSERT INTO people (id, board_id, teams_id, aad_object_id, name, on_roster) VALUES (1, 1,"
                    + " '29:x', 'aad-x', 'Vic Evers', 1)");
            s.execute("INSERT INTO recordings (id, board_id, kind, text, received_at) VALUES (1, 1, 'ACTION', 'a',"
                    + " '2026-11-01T10:00:00Z')");
            s.execute("INSERT INTO actions (id, board_id, number, raised_on, text, owner_person_id, owner_name,"
                    + " target_text, target_date, status, recording_id) VALUES (1, 1, 1, '2026-11-01', 'Old action', 1,"
                    + " 'Vic Evers', '10/12/2026', '2026-12-10', 'OPEN', 1)");
            s.execute("INSERT INTO reminders (id, board_id, kind, subject, action_id, due_at, state, planned_at) VALUES"
                    + " (1, 1, 'BEFORE', 'action:1', 1, '2026-12-03T08:00:00Z', 'EXPANDED', '2026-11-01T10:00:00Z'),"
                    + " (2, 1, 'DUE', 'action:1', 1, '2026-12-10T08:00:00Z', 'EXPANDED', '2026-11-01T10:00:00Z')");
            s.execute("INSERT INTO reminder_deliveries (id, reminder_id, board_id, person_id, recipient, state,"
                    + " attempts, next_at, last_error, sent_at, conversation_id, message_id, updated_at) VALUES"
                    + " (7, 1, 1, 1, 'Vic Evers', 'SENT', 1, '2026-12-03T08:00:00Z', NULL, '2026-12-03T08:00:05Z',"
                    + " 'a:vic', 'm-1', '2026-12-03T08:00:05Z'),"
                    + " (8, 2, 1, 1, 'Vic Evers', 'PENDING', 0, '2026-12-10T08:00:00Z', NULL, NULL, NULL, NULL,"
                    + " '2026-12-03T08:00:05Z')");
        }
        try (SqliteLedgerStore upgraded = SqliteLedgerStore.open(old)) {
            assertEquals("7:SENT:a:vic:m-1:2026-12-03T08:00:05Z 8:PENDING", upgraded.read(l -> List.of(7L, 8L)
                    .stream().map(id -> l.delivery(id).orElseThrow()).map(d -> d.id() + ":" + d.state()
                            + (d.id() == 7 ? ":a:vic:m-1:" + d.updatedAt() : "")).reduce((a, b) -> a + " " + b)
                    .orElseThrow()));
            assertEquals(1, (int) upgraded.read(l -> l.countDeliveries(1, "SENT", Instant.EPOCH)));
            Instant now = Instant.parse("2026-12-10T09:00:00Z");
            assertEquals(List.of(8L), upgraded.read(l -> l.dueDeliveries(now, 10)).stream().map(d -> d.id())
                    .toList(), "the pending delivery is still due: the due index was made again");
            upgraded.inTransaction(l -> {
                assertEquals(1, l.claimDeliveries(List.of(8L), now.plusSeconds(120), now));
                assertTrue(l.markSending(8, now.plusSeconds(120), now.plusSeconds(1)));
                l.deliveryMailed(8, now.plusSeconds(2), "not reachable in Teams; e-mailed instead");
                return null;
            });
            assertEquals(1, (int) upgraded.read(l -> l.countDeliveries(1, "MAILED", Instant.EPOCH)));
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             var rows = s.executeQuery("SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE"
                     + " tbl_name = 'reminder_deliveries' AND type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY"
                     + " name)")) {
            assertEquals("reminder_deliveries_board reminder_deliveries_due reminder_deliveries_leased",
                    rows.getString(1));
        }
    }
}
