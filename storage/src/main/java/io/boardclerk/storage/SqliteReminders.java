package io.boardclerk.storage;

import io.boardclerk.core.reminder.PersonalConversation;
import io.boardclerk.core.reminder.PlannedReminder;
import io.boardclerk.core.reminder.ReminderKind;
import io.boardclerk.core.reminder.ReminderPolicy;
import io.boardclerk.core.reminder.StoredDelivery;
import io.boardclerk.core.reminder.StoredReminder;
import io.boardclerk.core.port.ReminderRepository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The reminder tables (V4) on the ledger's connection. Instants are stored to the second, as {@link Instant#toString}
 * writes them, so that text order is time order and the due queries can compare them in the partial indexes.
 */
abstract class SqliteReminders implements ReminderRepository {

    /** The sweep's first query: its plan is {@code SEARCH reminders USING INDEX reminders_pending_due (due_at<?)}. */
    static final String DUE_REMINDERS = "SELECT id, board_id, kind, subject, action_id, meeting_id, person_id, due_at,"
            + " state, note FROM reminders WHERE state = 'PENDING' AND due_at <= ? ORDER BY due_at LIMIT ?";
    /** The sweep's second query: {@code SEARCH reminder_deliveries USING INDEX reminder_deliveries_due (next_at<?)}. */
    static final String DUE_DELIVERIES = "SELECT id, reminder_id, board_id, person_id, recipient, state, attempts,"
            + " next_at, lease_until, last_error, updated_at FROM reminder_deliveries"
            + " WHERE state IN ('PENDING', 'RETRY') AND next_at <= ? ORDER BY next_at LIMIT ?";
    private static final String REMINDER = "SELECT id, board_id, kind, subject, action_id, meeting_id, person_id,"
            + " due_at, state, note FROM reminders";
    private static final String DELIVERY = "SELECT id, reminder_id, board_id, person_id, recipient, state, attempts,"
            + " next_at, lease_until, last_error, updated_at FROM reminder_deliveries";

    final Sql sql;
    private final Set<Long> changedActions = new LinkedHashSet<>();
    private final Set<Long> changedBoards = new LinkedHashSet<>();

    SqliteReminders(Sql sql) {
        this.sql = sql;
    }

    static String at(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    void actionChanged(long actionId) {
        changedActions.add(actionId);
    }

    void boardChanged(long boardId) {
        changedBoards.add(boardId);
    }

    void meetingChanged(long meetingId) {
        sql.one("SELECT board_id FROM meetings WHERE id = ?", row -> row.getLong(1), meetingId)
                .ifPresent(this::boardChanged);
    }

    @Override
    public Changes takeReminderChanges() {
        Changes changes = new Changes(changedActions, changedBoards);
        changedActions.clear();
        changedBoards.clear();
        return changes;
    }

    @Override
    public ReminderPolicy reminderPolicy(long boardId) {
        return sql.one("SELECT days_before, overdue_every_days, digest_working_days, escalate_after_days, zone"
                        + " FROM reminder_policies WHERE board_id = ?",
                row -> new ReminderPolicy(ReminderPolicy.parseDays(row.getString(1)), row.getInt(2), row.getInt(3),
                        row.getInt(4), ZoneId.of(row.getString(5))), boardId)
                .orElse(ReminderPolicy.DEFAULT);
    }

    @Override
    public void setReminderPolicy(long boardId, ReminderPolicy policy, String by, Instant at) {
        sql.update("INSERT INTO reminder_policies (board_id, days_before, overdue_every_days, digest_working_days,"
                        + " escalate_after_days, zone, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (board_id) DO UPDATE SET days_before = excluded.days_before,"
                        + " overdue_every_days = excluded.overdue_every_days,"
                        + " digest_working_days = excluded.digest_working_days,"
                        + " escalate_after_days = excluded.escalate_after_days, zone = excluded.zone,"
                        + " set_by = excluded.set_by, set_at = excluded.set_at",
                boardId, policy.daysBeforeText(), policy.overdueEveryDays(), policy.digestWorkingDays(),
                policy.escalateAfterDays(), policy.zone().getId(), by, at(at));
    }

    @Override
    public List<Long> boardsNeverPlanned() {
        return sql.list("SELECT b.id FROM boards b WHERE NOT EXISTS (SELECT 1 FROM reminder_policies p"
                + " WHERE p.board_id = b.id) AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.subject = 'board:' || b.id)"
                + " ORDER BY b.id", row -> row.getLong(1));
    }

    @Override
    public List<StoredReminder> pendingRemindersOfAction(long actionId) {
        return sql.list(REMINDER + " WHERE action_id = ? AND state = 'PENDING' ORDER BY due_at",
                SqliteReminders::reminder, actionId);
    }

    @Override
    public List<StoredReminder> pendingReminders(String subject) {
        return sql.list(REMINDER + " WHERE subject = ? AND state = 'PENDING' ORDER BY due_at",
                SqliteReminders::reminder, subject);
    }

    @Override
    public List<StoredReminder> pendingDigests(long boardId) {
        return sql.list(REMINDER + " WHERE board_id = ? AND state = 'PENDING' AND kind = 'DIGEST' ORDER BY due_at",
                SqliteReminders::reminder, boardId);
    }

    @Override
    public boolean digestGone(long meetingId) {
        return sql.list("SELECT 1 FROM reminders WHERE meeting_id = ? AND kind = 'DIGEST' AND state IN ('EXPANDED',"
                + " 'SKIPPED') LIMIT 1", row -> row.getInt(1), meetingId).size() == 1;
    }

    @Override
    public void planReminder(PlannedReminder r, Instant at) {
        sql.update("INSERT INTO reminders (board_id, kind, subject, action_id, meeting_id, person_id, due_at, state,"
                        + " planned_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)"
                        + " ON CONFLICT (subject, kind, due_at) DO UPDATE SET state = 'PENDING', planned_at ="
                        + " excluded.planned_at, ended_at = NULL, note = NULL WHERE reminders.state = 'CANCELLED'",
                r.boardId(), r.kind(), r.subject(), r.actionId(), r.meetingId(), r.personId(), at(r.dueAt()), at(at));
    }

    @Override
    public Optional<StoredReminder> reminder(long reminderId) {
        return sql.one(REMINDER + " WHERE id = ?", SqliteReminders::reminder, reminderId);
    }

    @Override
    public void endReminder(long reminderId, String state, Instant at, String note) {
        sql.update("UPDATE reminders SET state = ?, ended_at = ?, note = ? WHERE id = ? AND state = 'PENDING'",
                state, at(at), note, reminderId);
    }

    @Override
    public void markExpanded(Collection<Long> reminderIds, Instant at) {
        if (!reminderIds.isEmpty()) {
            sql.update("UPDATE reminders SET state = 'EXPANDED', ended_at = ? WHERE state = 'PENDING'"
                    + " AND id" + sql.inIds(), at(at), Dialect.Ids.of(reminderIds));
        }
    }

    @Override
    public int cancelDeliveriesOfAction(long actionId, Instant at, String note) {
        return sql.update("UPDATE reminder_deliveries SET state = 'CANCELLED', last_error = ?, updated_at = ?"
                + " WHERE state IN ('PENDING', 'RETRY', 'CLAIMED') AND reminder_id IN (SELECT id FROM reminders"
                + " WHERE action_id = ?)", note, at(at), actionId);
    }

    @Override
    public List<StoredReminder> dueReminders(Instant now, int limit) {
        return sql.list(DUE_REMINDERS + sql.dialect().skipLocked(), SqliteReminders::reminder, at(now), limit);
    }

    @Override
    public void addDeliveries(List<NewDelivery> deliveries, Instant at) {
        if (deliveries.isEmpty()) {
            return;
        }
        StringBuilder rows = new StringBuilder("[");
        for (NewDelivery d : deliveries) {
            rows.append(rows.length() > 1 ? "," : "").append('[').append(d.reminderId()).append(',')
                    .append(d.boardId()).append(',').append(d.personId() == null ? "null" : d.personId()).append(',');
            json(rows, d.recipient()).append(',');
            json(rows, d.state()).append(',');
            json(rows, at(d.nextAt())).append(',');
            json(rows, d.error()).append(']');
        }
        rows.append(']');
        // "WHERE true" keeps SQLite from reading ON CONFLICT as part of the SELECT's join.
        sql.update("INSERT INTO reminder_deliveries (reminder_id, board_id, person_id, recipient, state, next_at,"
                + " last_error, updated_at) " + sql.dialect().jsonRows("SELECT (value ->> 0)%i, (value ->> 1)%i,"
                + " (value ->> 2)%i, value ->> 3, value ->> 4, (value ->> 5)%t, value ->> 6, ?%t")
                + " WHERE true ON CONFLICT DO NOTHING", at(at), rows.toString());
    }

    /** A JSON string (or null), escaped: recipients are names as people wrote them. */
    static StringBuilder json(StringBuilder out, String value) {
        if (value == null) {
            return out.append("null");
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"');
    }

    @Override
    public List<StoredDelivery> dueDeliveries(Instant now, int limit) {
        return sql.list(DUE_DELIVERIES + sql.dialect().skipLocked(), SqliteReminders::delivery, at(now), limit);
    }

    @Override
    public Optional<StoredDelivery> delivery(long deliveryId) {
        return sql.one(DELIVERY + " WHERE id = ?", SqliteReminders::delivery, deliveryId);
    }

    @Override
    public int claimDeliveries(Collection<Long> deliveryIds, Instant leaseUntil, Instant at) {
        return deliveryIds.isEmpty() ? 0 : sql.update("UPDATE reminder_deliveries SET state = 'CLAIMED',"
                + " lease_until = ?, updated_at = ? WHERE state IN ('PENDING', 'RETRY')"
                + " AND id" + sql.inIds(), at(leaseUntil), at(at), Dialect.Ids.of(deliveryIds));
    }

    @Override
    public boolean markSending(long deliveryId, Instant leaseUntil, Instant at) {
        return sql.update("UPDATE reminder_deliveries SET state = 'SENDING', updated_at = ? WHERE id = ?"
                + " AND state = 'CLAIMED' AND lease_until = ? AND lease_until > ?", at(at), deliveryId,
                at(leaseUntil), at(at)) == 1;
    }

    @Override
    public void postponeDelivery(long deliveryId, Instant nextAt, Instant at) {
        sql.update("UPDATE reminder_deliveries SET next_at = ?, updated_at = ? WHERE id = ?", at(nextAt), at(at),
                deliveryId);
    }

    @Override
    public void deliverySent(long deliveryId, Instant at, String conversationId, String messageId) {
        sql.update("UPDATE reminder_deliveries SET state = 'SENT', sent_at = ?, conversation_id = ?, message_id = ?,"
                + " lease_until = NULL, updated_at = ? WHERE id = ?", at(at), conversationId, messageId, at(at),
                deliveryId);
    }

    @Override
    public void deliveryMailed(long deliveryId, Instant at, String why) {
        sql.update("UPDATE reminder_deliveries SET state = 'MAILED', sent_at = ?, last_error = ?, lease_until = NULL,"
                + " updated_at = ? WHERE id = ?", at(at), why, at(at), deliveryId);
    }

    @Override
    public void deliveryRetry(long deliveryId, Instant nextAt, String error, Instant at) {
        // Not once another instance has marked it in doubt (this one froze mid-send past its lease): it may have
        // gone, and is never sent again.
        sql.update("UPDATE reminder_deliveries SET state = 'RETRY', attempts = attempts + 1, next_at = ?,"
                + " last_error = ?, lease_until = NULL, updated_at = ? WHERE id = ? AND state <> 'IN_DOUBT'",
                at(nextAt), error, at(at), deliveryId);
    }

    @Override
    public void deliveryWaits(long deliveryId, Instant nextAt, String why, Instant at) {
        sql.update("UPDATE reminder_deliveries SET state = 'RETRY', next_at = ?, last_error = ?, lease_until = NULL,"
                + " updated_at = ? WHERE id = ? AND state <> 'IN_DOUBT'", at(nextAt), why, at(at), deliveryId);
    }

    @Override
    public void endDelivery(long deliveryId, String state, String error, Instant at) {
        // A late outcome from a sender that froze mid-send (dead, undeliverable) leaves in doubt what Teams may have:
        // the secretary is told to ask, not that it was given up.
        sql.update("UPDATE reminder_deliveries SET state = ?, last_error = ?, lease_until = NULL, updated_at = ?,"
                + " attempts = attempts + (CASE WHEN ? = 'DEAD' THEN 1 ELSE 0 END)"
                + " WHERE id = ? AND state <> 'IN_DOUBT'", state, error, at(at), state, deliveryId);
    }

    @Override
    public int deliveriesInDoubt(Instant now) {
        // Claimed but never begun: back to the queue, to be claimed again.
        sql.update("UPDATE reminder_deliveries SET state = 'PENDING', lease_until = NULL, updated_at = ?"
                + " WHERE state = 'CLAIMED' AND lease_until < ?", at(now), at(now));
        return sql.update("UPDATE reminder_deliveries SET state = 'IN_DOUBT', updated_at = ?,"
                + " last_error = COALESCE(last_error, 'the sender stopped before it knew whether this was sent')"
                + " WHERE state = 'SENDING' AND lease_until < ?", at(now), at(now));
    }

    @Override
    public Optional<PersonalConversation> personalConversation(String tenantId, String userKey) {
        return sql.one("SELECT tenant_id, user_key, conversation_id, service_url, created_at FROM personal_conversations"
                        + " WHERE tenant_id = ? AND user_key = ?",
                row -> new PersonalConversation(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), Sql.instant(row, "created_at")), tenantId, userKey);
    }

    @Override
    public void savePersonalConversation(PersonalConversation c) {
        sql.update("INSERT INTO personal_conversations (tenant_id, user_key, conversation_id, service_url, created_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id, user_key) DO UPDATE SET"
                        + " conversation_id = excluded.conversation_id, service_url = excluded.service_url",
                c.tenantId(), c.userKey(), c.conversationId(), c.serviceUrl(), at(c.createdAt()));
    }

    @Override
    public int countPendingReminders(long boardId) {
        return sql.one("SELECT COUNT(*) FROM reminders WHERE board_id = ? AND state = 'PENDING'",
                row -> row.getInt(1), boardId).orElse(0);
    }

    @Override
    public int countDeliveries(long boardId, String state, Instant since) {
        return sql.one("SELECT COUNT(*) FROM reminder_deliveries WHERE board_id = ? AND state = " + listed(state)
                + " AND updated_at >= ?", row -> row.getInt(1), boardId, at(since)).orElse(0);
    }

    @Override
    public int deliveriesBegunSince(long boardId, Instant since) {
        // Two counts, each through a partial index (SQLite uses one only when the query repeats its condition): what
        // is in flight through reminder_deliveries_leased, what has ended through reminder_deliveries_board. One count
        // over both read every delivery the board ever had: 0.4 s a sweep at a million actions.
        int inFlight = sql.one("SELECT COUNT(*) FROM reminder_deliveries WHERE state IN ('CLAIMED', 'SENDING')"
                + " AND board_id = ? AND updated_at >= ?", row -> row.getInt(1), boardId, at(since)).orElse(0);
        int ended = sql.one("SELECT COUNT(*) FROM reminder_deliveries WHERE board_id = ?"
                + " AND state IN ('SENT', 'UNDELIVERABLE', 'DEAD', 'IN_DOUBT', 'MAILED') AND updated_at >= ?"
                + " AND (state = 'IN_DOUBT' OR state IN ('SENT', 'MAILED') AND sent_at >= ?)", row -> row.getInt(1),
                boardId, at(since), at(since)).orElse(0);
        return inFlight + ended;
    }

    @Override
    public List<StoredDelivery> deliveries(long boardId, String state, int limit) {
        return sql.list(DELIVERY + " WHERE board_id = ? AND state = " + listed(state) + " ORDER BY updated_at DESC"
                + " LIMIT ?", SqliteReminders::delivery, boardId, limit);
    }

    /**
     * A state the status lists, written into the SQL as a literal (from this fixed set only, never user text) so that
     * SQLite can see the partial index {@code reminder_deliveries_board} applies.
     */
    private static String listed(String state) {
        if (!Set.of(StoredDelivery.SENT, StoredDelivery.UNDELIVERABLE, StoredDelivery.DEAD, StoredDelivery.IN_DOUBT,
                StoredDelivery.MAILED, StoredDelivery.RETRY).contains(state)) {
            throw new IllegalArgumentException("Not a state the status lists: " + state);
        }
        return "'" + state + "'";
    }

    @Override
    public List<StoredReminder> nextReminders(long boardId, int limit) {
        return sql.list(REMINDER + " WHERE board_id = ? AND state = 'PENDING' ORDER BY due_at LIMIT ?",
                SqliteReminders::reminder, boardId, limit);
    }

    private static StoredReminder reminder(ResultSet row) throws SQLException {
        return new StoredReminder(row.getLong("id"), row.getLong("board_id"),
                ReminderKind.valueOf(row.getString("kind")), row.getString("subject"),
                Sql.longOrNull(row, "action_id"), Sql.longOrNull(row, "meeting_id"), Sql.longOrNull(row, "person_id"),
                Sql.instant(row, "due_at"), row.getString("state"), row.getString("note"));
    }

    private static StoredDelivery delivery(ResultSet row) throws SQLException {
        return new StoredDelivery(row.getLong("id"), row.getLong("reminder_id"), row.getLong("board_id"),
                Sql.longOrNull(row, "person_id"), row.getString("recipient"), row.getString("state"),
                row.getInt("attempts"), Sql.instant(row, "next_at"), Sql.instant(row, "lease_until"),
                row.getString("last_error"), Sql.instant(row, "updated_at"));
    }
}
