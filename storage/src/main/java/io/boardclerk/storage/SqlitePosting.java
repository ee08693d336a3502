package io.boardclerk.storage;

import io.boardclerk.core.port.PostingRepository;
import io.boardclerk.core.posting.ChatAddress;
import io.boardclerk.core.posting.ClaimedPost;
import io.boardclerk.core.posting.PostingSchedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The posting tables (V5) on the ledger's connection: the ledger delegates to this. */
final class SqlitePosting implements PostingRepository {

    private static final String SCHEDULE = "SELECT board_id, day_of_week, zone, set_by, set_at FROM action_log_schedules";

    private final Sql sql;

    SqlitePosting(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<ChatAddress> chatAddress(long boardId) {
        return sql.one("SELECT team_id, thread_id FROM graph_chat_addresses WHERE board_id = ?",
                row -> new ChatAddress(row.getString(1), row.getString(2)), boardId);
    }

    @Override
    public void setChatAddress(long boardId, ChatAddress address, Instant at) {
        sql.update("INSERT INTO graph_chat_addresses (board_id, team_id, thread_id, updated_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (board_id) DO UPDATE SET team_id = excluded.team_id, thread_id = excluded.thread_id,"
                + " updated_at = excluded.updated_at", boardId, address.teamId(), address.threadId(), at.toString());
    }

    @Override
    public Optional<PostingSchedule> postingSchedule(long boardId) {
        return sql.one(SCHEDULE + " WHERE board_id = ?", SqlitePosting::schedule, boardId);
    }

    @Override
    public void setPostingSchedule(long boardId, DayOfWeek day, ZoneId zone, String setBy, Instant at) {
        sql.update("INSERT INTO action_log_schedules (board_id, day_of_week, zone, set_by, set_at) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (board_id) DO UPDATE SET day_of_week = excluded.day_of_week, zone = excluded.zone,"
                + " set_by = excluded.set_by, set_at = excluded.set_at", boardId, day.name(), zone.getId(), setBy,
                at.toString());
    }

    @Override
    public boolean clearPostingSchedule(long boardId) {
        return sql.update("DELETE FROM action_log_schedules WHERE board_id = ?", boardId) > 0;
    }

    @Override
    public List<PostingSchedule> postingSchedules() {
        return sql.list(SCHEDULE + " ORDER BY board_id", SqlitePosting::schedule);
    }

    @Override
    public boolean claimWeeklyPost(long boardId, LocalDate date, Instant at) {
        return sql.update("INSERT INTO action_log_posts (board_id, post_date, claimed_at) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING", boardId, date, at) == 1;
    }

    @Override
    public boolean recordWeeklyPost(long boardId, LocalDate date, String outcome) {
        return sql.update("UPDATE action_log_posts SET outcome = ? WHERE board_id = ? AND post_date = ?"
                + " AND outcome IS NULL", outcome, boardId, date) == 1;
    }

    @Override
    public List<ClaimedPost> unfinishedWeeklyPosts() {
        return sql.list("SELECT board_id, post_date, claimed_at FROM action_log_posts WHERE outcome IS NULL"
                + " ORDER BY board_id, post_date", row -> new ClaimedPost(row.getLong(1),
                Sql.date(row, 2), Sql.instant(row, 3)));
    }

    private static PostingSchedule schedule(ResultSet row) throws SQLException {
        return new PostingSchedule(row.getLong(1), DayOfWeek.valueOf(row.getString(2)), ZoneId.of(row.getString(3)),
                row.getString(4), Sql.instant(row, 5));
    }
}
