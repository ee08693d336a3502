package io.boardclerk.storage;

import io.boardclerk.core.model.AttendanceFetch;
import io.boardclerk.core.model.AttendanceReport;
import io.boardclerk.core.model.AttendanceReport.Attendee;
import io.boardclerk.core.model.AttendanceReport.Session;
import io.boardclerk.core.port.AttendanceRepository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Attendance reports, their fetches and the board's quorum, on the ledger's connection (V6). */
final class SqliteAttendance implements AttendanceRepository {

    private static final String COLUMNS = "meeting_id, board_id, teams_meeting_id, organizer_id, graph_meeting_id,"
            + " join_url, state, tries, next_try_at, problem, posted";
    private static final String FETCH = "SELECT " + COLUMNS + " FROM attendance_fetches";

    private final Sql sql;

    SqliteAttendance(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<AttendanceFetch> attendanceFetch(long meetingId) {
        return sql.one(FETCH + " WHERE meeting_id = ?", SqliteAttendance::fetch, meetingId);
    }

    @Override
    public void saveAttendanceFetch(AttendanceFetch f) {
        sql.update("INSERT INTO attendance_fetches (meeting_id, board_id, teams_meeting_id, organizer_id,"
                        + " graph_meeting_id, join_url, state, tries, next_try_at, problem, posted)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (meeting_id) DO UPDATE SET"
                        + " organizer_id = excluded.organizer_id, graph_meeting_id = excluded.graph_meeting_id,"
                        + " join_url = excluded.join_url, state = excluded.state, tries = excluded.tries,"
                        + " next_try_at = excluded.next_try_at, problem = excluded.problem, posted = excluded.posted",
                f.meetingId(), f.boardId(), f.teamsMeetingId(), f.organizerId(), f.graphMeetingId(), f.joinUrl(),
                f.state(), f.tries(), f.nextTryAt() == null ? null : f.nextTryAt().toEpochMilli(), f.problem(),
                f.posted());
    }

    @Override
    public List<AttendanceFetch> claimDueAttendanceFetches(Instant now, Instant leaseUntil) {
        List<AttendanceFetch> claimed = new java.util.ArrayList<>(sql.list("UPDATE attendance_fetches"
                        + " SET next_try_at = ? WHERE meeting_id IN (SELECT meeting_id FROM attendance_fetches"
                        + " WHERE (state = 'PENDING' AND next_try_at <= ?) OR (state = 'OBTAINED' AND posted = FALSE"
                        + " AND (next_try_at IS NULL OR next_try_at <= ?)) ORDER BY next_try_at, meeting_id"
                        + sql.dialect().skipLocked() + ") RETURNING " + COLUMNS, SqliteAttendance::fetch,
                leaseUntil.toEpochMilli(), now.toEpochMilli(), now.toEpochMilli()));
        claimed.sort(java.util.Comparator.comparing(AttendanceFetch::meetingId));
        return claimed;
    }

    @Override
    public void saveAttendanceReport(long meetingId, AttendanceReport report) {
        sql.update("DELETE FROM attendance_reports WHERE meeting_id = ?", meetingId);
        sql.update("INSERT INTO attendance_reports (meeting_id, meeting_start, meeting_end) VALUES (?, ?, ?)",
                meetingId, report.meetingStart(), report.meetingEnd());
        int position = 0;
        for (Attendee a : report.attendees()) {
            long record = sql.insert("INSERT INTO attendance_records (meeting_id, position, name, email, object_id,"
                    + " role) VALUES (?, ?, ?, ?, ?, ?)", meetingId, position++, a.name(), a.email(), a.objectId(),
                    a.role());
            int s = 0;
            for (Session session : a.sessions()) {
                sql.update("INSERT INTO attendance_sessions (record_id, position, joined_at, left_at)"
                        + " VALUES (?, ?, ?, ?)", record, s++, session.joined(), session.left());
            }
        }
    }

    @Override
    public Optional<AttendanceReport> attendanceReport(long meetingId) {
        Optional<Instant[]> span = sql.one("SELECT meeting_start, meeting_end FROM attendance_reports"
                + " WHERE meeting_id = ?", row -> new Instant[] {Sql.instant(row, "meeting_start"),
                Sql.instant(row, "meeting_end")}, meetingId);
        if (span.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, List<Session>> sessions = new LinkedHashMap<>();
        sql.list("SELECT s.record_id, s.joined_at, s.left_at FROM attendance_sessions s"
                        + " JOIN attendance_records r ON r.id = s.record_id WHERE r.meeting_id = ?"
                        + " ORDER BY s.record_id, s.position",
                row -> sessions.computeIfAbsent(row.getLong(1), k -> new ArrayList<>())
                        .add(new Session(Sql.instant(row, "joined_at"), Sql.instant(row, "left_at"))), meetingId);
        List<Attendee> attendees = sql.list("SELECT id, name, email, object_id, role FROM attendance_records"
                        + " WHERE meeting_id = ? ORDER BY position",
                row -> new Attendee(row.getString("name"), row.getString("email"), row.getString("object_id"),
                        row.getString("role"), sessions.getOrDefault(row.getLong("id"), List.of())), meetingId);
        return Optional.of(new AttendanceReport(span.get()[0], span.get()[1], attendees));
    }

    @Override
    public void setPersonAddress(long personId, String address) {
        sql.update("INSERT INTO person_addresses (person_id, address) VALUES (?, ?) ON CONFLICT (person_id)"
                + " DO UPDATE SET address = excluded.address", personId, address);
    }

    @Override
    public Map<Long, String> personAddresses(long boardId) {
        Map<Long, String> addresses = new LinkedHashMap<>();
        sql.list("SELECT a.person_id, a.address FROM person_addresses a JOIN people p ON p.id = a.person_id"
                + " WHERE p.board_id = ?", row -> addresses.put(row.getLong(1), row.getString(2)), boardId);
        return addresses;
    }

    @Override
    public OptionalInt quorum(long boardId) {
        return sql.one("SELECT quorum FROM boards WHERE id = ?", row -> {
            int value = row.getInt(1);
            return row.wasNull() ? OptionalInt.empty() : OptionalInt.of(value);
        }, boardId).orElse(OptionalInt.empty());
    }

    @Override
    public void setQuorum(long boardId, Integer quorum) {
        sql.update("UPDATE boards SET quorum = ? WHERE id = ?", quorum, boardId);
    }

    private static AttendanceFetch fetch(ResultSet row) throws SQLException {
        long next = row.getLong("next_try_at");
        Instant nextTry = row.wasNull() ? null : Instant.ofEpochMilli(next);
        return new AttendanceFetch(row.getLong("meeting_id"), row.getLong("board_id"),
                row.getString("teams_meeting_id"), row.getString("organizer_id"), row.getString("graph_meeting_id"),
                row.getString("join_url"), AttendanceFetch.State.valueOf(row.getString("state")), row.getInt("tries"),
                nextTry, row.getString("problem"), Sql.bool(row, "posted"));
    }
}
