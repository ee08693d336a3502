package io.boardclerk.storage;

import io.boardclerk.core.model.CalendarFollow;
import io.boardclerk.core.port.CalendarRepository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The calendar tables (V8) on the ledger's connection: the ledger delegates to this. */
final class SqliteCalendar implements CalendarRepository {

    private static final String COLUMNS = "board_id, organiser, series, set_by, set_at, next_sync_at,"
            + " last_synced_at, problem";
    private static final String FOLLOW = "SELECT " + COLUMNS + " FROM calendar_follows";

    /** What counts as recorded at a meeting: a meeting with none of it is removed when cancelled, not kept. */
    private static final String RECORDED = "SELECT EXISTS (SELECT 1 FROM (SELECT CAST(? AS bigint) AS id) m WHERE"
            + " EXISTS (SELECT 1 FROM apologies WHERE meeting_id = m.id)"
            + " OR EXISTS (SELECT 1 FROM declarations WHERE meeting_id = m.id)"
            + " OR EXISTS (SELECT 1 FROM no_declarations WHERE meeting_id = m.id)"
            + " OR EXISTS (SELECT 1 FROM actions WHERE meeting_id = m.id)"
            + " OR EXISTS (SELECT 1 FROM action_reviews WHERE meeting_id = m.id)"
            + " OR EXISTS (SELECT 1 FROM minutes_approvals WHERE meeting_id = m.id))";

    private final Sql sql;

    SqliteCalendar(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<CalendarFollow> calendarFollow(long boardId) {
        return sql.one(FOLLOW + " WHERE board_id = ?", SqliteCalendar::follow, boardId);
    }

    @Override
    public void followCalendar(long boardId, String organiser, String series, String setBy, Instant at,
                               Instant nextSyncAt) {
        sql.update("INSERT INTO calendar_follows (board_id, organiser, series, set_by, set_at, next_sync_at)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (board_id) DO UPDATE SET organiser = excluded.organiser,"
                + " series = excluded.series, set_by = excluded.set_by, set_at = excluded.set_at,"
                + " next_sync_at = excluded.next_sync_at, last_synced_at = NULL, problem = NULL",
                boardId, organiser, series, setBy, at, nextSyncAt.toEpochMilli());
        // The meetings stay, but not their ties to the calendar followed before: the new one takes over the meetings
        // scheduled on its days, and none is cancelled for being missing from it.
        sql.update("DELETE FROM calendar_events WHERE board_id = ?", boardId);
    }

    @Override
    public boolean unfollowCalendar(long boardId) {
        return sql.update("DELETE FROM calendar_follows WHERE board_id = ?", boardId) > 0;
    }

    @Override
    public List<CalendarFollow> claimDueCalendarFollows(Instant now, Instant leaseUntil) {
        List<CalendarFollow> claimed = new java.util.ArrayList<>(sql.list("UPDATE calendar_follows SET next_sync_at = ?"
                        + " WHERE board_id IN (SELECT board_id FROM calendar_follows WHERE next_sync_at <= ?"
                        + " ORDER BY next_sync_at, board_id" + sql.dialect().skipLocked() + ") RETURNING " + COLUMNS,
                SqliteCalendar::follow, leaseUntil.toEpochMilli(), now.toEpochMilli()));
        claimed.sort(java.util.Comparator.comparing(CalendarFollow::boardId));
        return claimed;
    }

    @Override
    public void calendarSynced(long boardId, Instant nextSyncAt, Instant at, String problem) {
        if (problem == null) {
            sql.update("UPDATE calendar_follows SET next_sync_at = ?, last_synced_at = ?, problem = NULL"
                    + " WHERE board_id = ?", nextSyncAt.toEpochMilli(), at, boardId);
        } else {
            sql.update("UPDATE calendar_follows SET next_sync_at = ?, problem = ? WHERE board_id = ?",
                    nextSyncAt.toEpochMilli(), problem, boardId);
        }
    }

    @Override
    public Map<String, Long> calendarMeetings(long boardId) {
        Map<String, Long> links = new LinkedHashMap<>();
        sql.list("SELECT event_id, meeting_id FROM calendar_events WHERE board_id = ? ORDER BY meeting_id",
                row -> links.put(row.getString(1), row.getLong(2)), boardId);
        return links;
    }

    @Override
    public void linkCalendarEvent(long boardId, String eventId, long meetingId) {
        sql.update("INSERT INTO calendar_events (board_id, event_id, meeting_id) VALUES (?, ?, ?)"
                + " ON CONFLICT (board_id, event_id) DO UPDATE SET meeting_id = excluded.meeting_id",
                boardId, eventId, meetingId);
    }

    @Override
    public boolean cancelMeeting(long meetingId, Instant at) {
        boolean recorded = sql.one(RECORDED, row -> row.getBoolean(1), meetingId).orElse(false);
        if (recorded) {
            sql.update("UPDATE meetings SET cancelled_at = ? WHERE id = ? AND status = 'SCHEDULED'", at, meetingId);
            return false;
        }
        sql.update("DELETE FROM calendar_events WHERE meeting_id = ?", meetingId);
        return sql.update("DELETE FROM meetings WHERE id = ? AND status = 'SCHEDULED'", meetingId) > 0;
    }

    private static CalendarFollow follow(ResultSet row) throws SQLException {
        return new CalendarFollow(row.getLong("board_id"), row.getString("organiser"), row.getString("series"),
                row.getString("set_by"), Sql.instant(row, "set_at"), Instant.ofEpochMilli(row.getLong("next_sync_at")),
                Sql.instant(row, "last_synced_at"), row.getString("problem"));
    }
}
