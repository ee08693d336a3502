package io.boardclerk.storage.bench;

import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.Owner;
import io.boardclerk.core.model.Target;
import io.boardclerk.core.reminder.PlannedReminder;
import io.boardclerk.core.reminder.ReminderPlanner;
import io.boardclerk.core.reminder.ReminderPolicy;
import io.boardclerk.core.reminder.WorkingCalendar;
import io.boardclerk.storage.SqliteLedgerStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a benchmark database shaped like years of use: boards of 500 actions each, eight people and twelve
 * meetings a board, one action in ten still open. Open actions have their reminders planned in the future, closed
 * ones keep the history of reminders already sent. Reminders are planned by the real planner; {@code dueBatches}
 * batches of {@code duePerBatch} fall due at 08:00 on successive working days ({@link #sweepAt}), so each sweep of
 * the benchmark finds exactly one batch.
 *
 * <p>The schema comes from the real migrations (the store is opened once, then closed); rows go in by plain JDBC in
 * one transaction, which is far quicker than recording a million actions through the clerk.
 */
final class BenchDatabase {

    static final int ACTIONS_PER_BOARD = 500;
    static final int PEOPLE_PER_BOARD = 8;
    static final int MEETINGS_PER_BOARD = 12;
    static final LocalDate FIRST_SWEEP_DAY = LocalDate.of(2026, 12, 1);
    /**
     * Reminders a week before the target, weekly while overdue, digests: the default policy without the reminder on
     * the day itself, so that each sweep day finds exactly one batch (a batch's on-the-day reminders would otherwise
     * fall due on a later sweep day along with that day's batch).
     */
    static final ReminderPolicy POLICY = new ReminderPolicy(List.of(7), 7, 5, 14, ReminderPolicy.LONDON);
    private static final Instant PLANNED_AT = Instant.parse("2026-11-30T00:00:00Z");

    private BenchDatabase() {
    }

    static void create(Path file, int actions, int dueBatches, int duePerBatch) throws Exception {
        Files.deleteIfExists(file);
        Files.deleteIfExists(Path.of(file + "-wal"));
        Files.deleteIfExists(Path.of(file + "-shm"));
        SqliteLedgerStore.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=OFF");
                s.execute("PRAGMA foreign_keys=OFF");
            }
            c.setAutoCommit(false);
            fill(c, actions, dueBatches, duePerBatch);
            c.commit();
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("ANALYZE");
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        }
    }

    private static void fill(Connection c, int actions, int dueBatches, int duePerBatch)
            throws SQLException {
        SplittableRandom random = new SplittableRandom(42);
        int boards = Math.max(1, actions / ACTIONS_PER_BOARD);
        String received = PLANNED_AT.minus(400, ChronoUnit.DAYS).toString();
        LocalDate today = LocalDate.of(2026, 12, 1);
        try (PreparedStatement board = c.prepareStatement("INSERT INTO boards (id, tenant_id, conversation_id, name, "
                + "chair_id, secretary_id, next_action_number, service_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement person = c.prepareStatement("INSERT INTO people (id, board_id, teams_id, aad_object_id,"
                     + " name, on_roster) VALUES (?, ?, ?, ?, ?, 1)");
             PreparedStatement policy = c.prepareStatement("INSERT INTO reminder_policies (board_id, days_before, "
                     + "overdue_every_days, digest_working_days, escalate_after_days, zone) "
                     + "VALUES (?, '7', 7, 5, 14, 'Europe/London')");
             PreparedStatement meeting = c.prepareStatement("INSERT INTO meetings (id, board_id, date, time, status) "
                     + "VALUES (?, ?, ?, '10:00', ?)");
             PreparedStatement recording = c.prepareStatement("INSERT INTO recordings (id, board_id, kind, activity_id,"
                     + " sender_teams_id, sender_name, text, received_at) VALUES (?, ?, 'ACTION', ?, ?, ?, ?, ?)");
             PreparedStatement action = c.prepareStatement("INSERT INTO actions (id, board_id, number, meeting_id, "
                     + "raised_on, agenda_item, text, owner_person_id, owner_name, target_text, target_date, status, "
                     + "recording_id, closed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement owner = c.prepareStatement("INSERT INTO action_owners (action_id, position, person_id, "
                     + "name) VALUES (?, 0, ?, ?)");
             PreparedStatement target = c.prepareStatement("INSERT INTO action_targets (action_id, text, date, set_at,"
                     + " set_by) VALUES (?, ?, ?, ?, 'Claire Dunmore')");
             PreparedStatement reminder = c.prepareStatement("INSERT INTO reminders (board_id, kind, subject, "
                     + "action_id, due_at, state, planned_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     Statement.RETURN_GENERATED_KEYS);
             PreparedStatement delivery = c.prepareStatement("INSERT INTO reminder_deliveries (reminder_id, board_id,"
                     + " person_id, recipient, state, attempts, next_at, sent_at, updated_at) "
                     + "VALUES (?, ?, ?, ?, 'SENT', 1, ?, ?, ?)")) {
            long personId = 0;
            long meetingId = 0;
            long actionId = 0;
            int due = 0;
            int dueWanted = dueBatches * duePerBatch;
            for (int b = 1; b <= boards; b++) {
                long firstPerson = personId + 1;
                for (int p = 0; p < PEOPLE_PER_BOARD; p++) {
                    personId++;
                    person.setLong(1, personId);
                    person.setLong(2, b);
                    person.setString(3, "29:bench-user-" + personId);
                    person.setString(4, "00000000-0000-0000-0000-" + String.format("%012d", personId));
                    person.setString(5, "Member " + personId);
                    person.addBatch();
                }
                board.setLong(1, b);
                board.setString(2, "tenant-" + (b % 20));
                board.setString(3, "19:bench-board-" + b + "@thread.v2");
                board.setString(4, "Board " + b);
                board.setLong(5, firstPerson);
                board.setLong(6, firstPerson + 1);
                board.setInt(7, ACTIONS_PER_BOARD + 1);
                board.setString(8, "http://127.0.0.1:9/");
                board.addBatch();
                policy.setLong(1, b);
                policy.addBatch();
                long firstMeeting = meetingId + 1;
                for (int m = 0; m < MEETINGS_PER_BOARD; m++) {
                    meetingId++;
                    meeting.setLong(1, meetingId);
                    meeting.setLong(2, b);
                    meeting.setString(3, today.minusMonths(MEETINGS_PER_BOARD - 2 - m).toString());
                    meeting.setString(4, m < MEETINGS_PER_BOARD - 2 ? "CLOSED" : "SCHEDULED");
                    meeting.addBatch();
                }
                for (int n = 1; n <= ACTIONS_PER_BOARD && actionId < actions; n++) {
                    actionId++;
                    long ownerId = firstPerson + random.nextInt(PEOPLE_PER_BOARD);
                    boolean open = actionId % 10 == 0;
                    LocalDate targetDate;
                    if (open && due < dueWanted) {
                        // Due a week after the benchmark's sweep day for its batch: its reminder "7 days before"
                        // falls due at 08:00 that day, as the planner plans it.
                        targetDate = sweepDay(due / duePerBatch).plusDays(7);
                        due++;
                    } else {
                        targetDate = open ? today.plusDays(60 + random.nextInt(400))
                                : today.minusDays(30 + random.nextInt(700));
                    }
                    recording.setLong(1, actionId);
                    recording.setLong(2, b);
                    recording.setString(3, "bench-" + actionId);
                    recording.setString(4, "29:bench-user-" + ownerId);
                    recording.setString(5, "Member " + ownerId);
                    recording.setString(6, "Action: Member " + ownerId + " to report on item " + n + " by "
                            + targetDate);
                    recording.setString(7, received);
                    recording.addBatch();
                    action.setLong(1, actionId);
                    action.setLong(2, b);
                    action.setInt(3, n);
                    action.setLong(4, firstMeeting + random.nextInt(MEETINGS_PER_BOARD - 2));
                    action.setString(5, targetDate.minusDays(60).toString());
                    action.setString(6, (1 + random.nextInt(9)) + "." + (1 + random.nextInt(9)));
                    action.setString(7, "Report to the Board on item " + n + " with the costs and options agreed");
                    action.setLong(8, ownerId);
                    action.setString(9, "Member " + ownerId);
                    action.setString(10, targetDate.toString());
                    action.setString(11, targetDate.toString());
                    action.setString(12, open ? "OPEN" : "CLOSED");
                    action.setLong(13, actionId);
                    action.setString(14, open ? null : targetDate.plusDays(20).toString());
                    action.addBatch();
                    owner.setLong(1, actionId);
                    owner.setLong(2, ownerId);
                    owner.setString(3, "Member " + ownerId);
                    owner.addBatch();
                    target.setLong(1, actionId);
                    target.setString(2, targetDate.toString());
                    target.setString(3, targetDate.toString());
                    target.setString(4, received);
                    target.addBatch();
                    String subject = "action:" + actionId;
                    if (open) {
                        for (PlannedReminder r : ReminderPlanner.forAction(item(actionId, b, n, ownerId, targetDate),
                                List.of(), POLICY, PLANNED_AT)) {
                            planned(reminder, r);
                        }
                    } else {
                        Instant sentAt = targetDate.atTime(8, 0).toInstant(java.time.ZoneOffset.UTC);
                        reminder.setLong(1, b);
                        reminder.setString(2, "DUE");
                        reminder.setString(3, subject);
                        reminder.setLong(4, actionId);
                        reminder.setString(5, sentAt.toString());
                        reminder.setString(6, "EXPANDED");
                        reminder.setString(7, received);
                        reminder.setString(8, sentAt.toString());
                        reminder.executeUpdate();
                        long reminderId;
                        try (var keys = reminder.getGeneratedKeys()) {
                            keys.next();
                            reminderId = keys.getLong(1);
                        }
                        delivery.setLong(1, reminderId);
                        delivery.setLong(2, b);
                        delivery.setLong(3, ownerId);
                        delivery.setString(4, "Member " + ownerId);
                        delivery.setString(5, sentAt.toString());
                        delivery.setString(6, sentAt.toString());
                        delivery.setString(7, sentAt.toString());
                        delivery.addBatch();
                    }
                }
                if (b % 20 == 0 || b == boards) {
                    board.executeBatch();
                    policy.executeBatch();
                    person.executeBatch();
                    meeting.executeBatch();
                    recording.executeBatch();
                    action.executeBatch();
                    owner.executeBatch();
                    target.executeBatch();
                    delivery.executeBatch();
                }
            }
            if (due < dueWanted) {
                throw new IllegalArgumentException("Only " + due + " open actions for " + dueWanted + " due reminders");
            }
        }
    }

    /** The benchmark's sweeps run at 08:00 on successive working days from Tuesday 1 December 2026. */
    static LocalDate sweepDay(int batch) {
        LocalDate day = FIRST_SWEEP_DAY;
        for (int i = 0; i < batch; i++) {
            do {
                day = day.plusDays(1);
            } while (!WorkingCalendar.isWorkingDay(day));
        }
        return day;
    }

    static Instant sweepAt(int batch) {
        return WorkingCalendar.opening(sweepDay(batch), POLICY.zone());
    }

    private static ActionItem item(long id, long board, int number, long ownerId, LocalDate targetDate) {
        Target target = new Target(targetDate.toString(), targetDate);
        return new ActionItem(id, board, number, null, targetDate.minusDays(60), "5.1", "Report",
                List.of(new Owner(ownerId, "Member " + ownerId, false)), target, List.of(target), ActionStatus.OPEN,
                List.of(), id, 0);
    }

    private static void planned(PreparedStatement reminder, PlannedReminder r) throws SQLException {
        reminder.setLong(1, r.boardId());
        reminder.setString(2, r.kind().name());
        reminder.setString(3, r.subject());
        reminder.setLong(4, r.actionId());
        reminder.setString(5, r.dueAt().toString());
        reminder.setString(6, "PENDING");
        reminder.setString(7, PLANNED_AT.toString());
        reminder.setNull(8, java.sql.Types.VARCHAR);
        reminder.executeUpdate();
    }
}
