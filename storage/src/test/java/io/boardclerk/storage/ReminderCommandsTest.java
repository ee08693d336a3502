package io.boardclerk.storage;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code reminders} and {@code reminders status} as the chair, the secretary and members see them. */
class ReminderCommandsTest extends ReminderTestSupport {

    @Test
    void anybodyMayReadThePolicy() {
        String reply = say(JON, "reminders", MONDAY);
        assertTrue(reply.startsWith("Reminders for **Fenshire Board**:\n- Before the target: 7 days before; and on the"
                + " day\n- While overdue: weekly\n"), reply);
        assertTrue(reply.contains("`reminders 7,0 overdue weekly digest 5 escalate 14`"), reply);
    }

    @Test
    void theSecretarySetsItAndTheBoardKeepsIt() {
        String reply = say(CLAIRE, "reminders 3,1,0 overdue every 3 days digest 2 escalate 21", MONDAY);
        assertTrue(reply.contains("- Before the target: 3 days, 1 day before; and on the day\n- While overdue: every 3"
                + " days\n- Meeting digest: 2 working days before"), reply);
        assertEquals("3,1,0|3|2|21|Europe/London|Claire Dunmore", queryString("SELECT days_before,"
                + " overdue_every_days, digest_working_days, escalate_after_days, zone, set_by FROM reminder_policies"));
        say(HELEN, "reminders zone Europe/Dublin", MONDAY.plusSeconds(5));
        assertTrue(say(JON, "reminders", MONDAY.plusSeconds(10)).contains("Europe/Dublin time"));
        assertTrue(say(CLAIRE, "reminders off", MONDAY.plusSeconds(20)).contains("Reminders are off for this board."));
    }

    @Test
    void membersMayNotChangeItNorSeeTheStatus() {
        String reply = say(JON, "reminders overdue off", MONDAY);
        assertTrue(reply.startsWith("Only the chair or secretary can change the reminders."), reply);
        assertEquals(0, count("reminder_policies"));
        assertTrue(say(JANE, "reminders status", MONDAY).startsWith("Only the chair or secretary can see"));
    }

    @Test
    void badWordsAreRefusedWithHowToSayItAndNothingChanges() {
        String reply = say(CLAIRE, "reminders 7,0 overdue monthly", MONDAY);
        assertTrue(reply.startsWith("I can't read \"overdue monthly\" in a reminder policy. Say it like this:"
                + " `reminders 7,0 overdue weekly digest 5 escalate 14`"), reply);
        assertEquals(0, count("reminder_policies"));
        assertTrue(say(CLAIRE, "reminders zone Atlantis/Lost", MONDAY).contains("is not a time zone I know"));
        assertTrue(say(CLAIRE, "reminders digest 99", MONDAY).contains("between 1 and 20"));
    }

    @Test
    void minutesThatMentionRemindersAreNotTakenForTheCommand() {
        String reply = say(CLAIRE, "Reminders were sent to members about the training day.", MONDAY);
        assertEquals(0, count("reminder_policies"));
        assertTrue(!reply.contains("reminder policy"), reply);
    }

    @Test
    void theStatusOfAQuietBoard() {
        say(CLAIRE, "action Report on road safety owner: Jon Leigh due: 10/12/2026", MONDAY);
        String status = say(CLAIRE, "reminders status", MONDAY);
        assertEquals("""
                **Reminders of Fenshire Board**
                - Planned: 4
                - Sent in the last 7 days: 0

                E-mail fallback is off: an owner BoardClerk cannot reach in Teams gets no reminder. To e-mail them \
                instead, the administrator sets BOARDCLERK_MAIL_FROM to BoardClerk's mailbox (with Microsoft Graph \
                on) and grants the app the Mail.Send permission, limited to that mailbox.

                **Next due**
                - Mon 30/11/2026 08:00: overdue actions for the chair
                - Thu 03/12/2026 08:00: before the target of action 1.0
                - Thu 10/12/2026 08:00: action 1.0 due that day
                - Thu 17/12/2026 08:00: action 1.0 overdue""", status);
    }

    @Test
    void theStatusListsAFewAndCountsTheRest() {
        for (int i = 1; i <= 14; i++) {
            say(CLAIRE, "action Report " + i + " owner: Constabulary due: 10/12/2026", MONDAY);
        }
        io.boardclerk.core.reminder.Reminders outbox = new io.boardclerk.core.reminder.Reminders(store);
        outbox.claimDue(Instant.parse("2026-12-03T08:00:00Z"), 50, Instant.parse("2026-12-03T08:02:00Z"));
        String status = say(CLAIRE, "reminders status", Instant.parse("2026-12-03T09:00:00Z"));
        assertTrue(status.contains("**Could not be delivered** (14)\n"), status);
        assertTrue(status.contains("- … and 4 more\n"), status);
        assertTrue(status.length() < 28_000);
    }

    @Test
    @SqliteOnly
    void theMigrationAppliesToADatabaseMadeByTheFirstThreeVersions() {
        Path old = dir.resolve("v3.db");
        String url = "jdbc:sqlite:" + old;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("3").load()
                .migrate();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
             java.sql.Statement s = c.createStatement()) {
            s.execute("INSERT INTO boards (id, tenant_id, conversation_id, name) VALUES (1, 't', 'c', 'Old Board')");
            s.execute("INSERT INTO people (id, board_id, teams_id, name, on_roster) VALUES (1, 1, '29:x', 'Vic Evers',"
                    + " 1)");
            s.execute("INSERT INTO recordings (id, board_id, kind, text, received_at) VALUES (1, 1, 'ACTION', 'a',"
                    + " '2026-11-01T10:00:00Z')");
            s.execute("INSERT INTO actions (id, board_id, number, raised_on, text, owner_person_id, owner_name,"
                    + " target_text, target_date, status, recording_id) VALUES (1, 1, 1, '2026-11-01', 'Old action', 1,"
                    + " 'Vic Evers', '10/12/2026', '2026-12-10', 'OPEN', 1)");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        try (SqliteLedgerStore upgraded = SqliteLedgerStore.open(old)) {
            assertEquals("Old action", upgraded.read(l -> l.action(1, 1).orElseThrow().text()));
            assertEquals(io.boardclerk.core.reminder.ReminderPolicy.DEFAULT,
                    upgraded.read(l -> l.reminderPolicy(1)));
            io.boardclerk.core.reminder.Reminders outbox = new io.boardclerk.core.reminder.Reminders(upgraded);
            assertEquals(1, outbox.planBoardsNeverPlanned(MONDAY), "the old board's actions get their reminders");
            assertEquals(0, outbox.planBoardsNeverPlanned(MONDAY), "once");
            assertEquals(4, (int) upgraded.read(l -> l.countPendingReminders(1)),
                    "before, on the day, the first overdue, the escalation");
        }
    }
}
