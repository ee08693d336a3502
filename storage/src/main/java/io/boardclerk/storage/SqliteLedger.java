package io.boardclerk.storage;

import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.ActionUpdate;
import io.boardclerk.core.model.Apology;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.BoardRole;
import io.boardclerk.core.model.Declaration;
import io.boardclerk.core.model.InterestKind;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.MeetingStatus;
import io.boardclerk.core.model.Owner;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.model.Recording;
import io.boardclerk.core.model.RecordingKind;
import io.boardclerk.core.model.Source;
import io.boardclerk.core.model.Target;
import io.boardclerk.core.port.Ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The ledger on one SQLite connection; the store decides which transaction it runs in. */
final class SqliteLedger implements Ledger {

    private static final String BOARD = "SELECT id, tenant_id, conversation_id, name, name_set_by_user, chair_id,"
            + " secretary_id FROM boards";
    private static final String PERSON = "SELECT id, board_id, teams_id, aad_object_id, name, title, alias, on_roster"
            + " FROM people";
    private static final String MEETING = "SELECT id, board_id, date, time, title, location, status,"
            + " teams_meeting_id, started_at, ended_at FROM meetings";
    private static final String ACTION = "SELECT id, board_id, number, meeting_id, raised_on, agenda_item, text,"
            + " owner_person_id, owner_name, owner_is_body, target_text, target_date, status, recording_id"
            + " FROM actions";
    private static final String RECORDING = "SELECT id, board_id, kind, activity_id, sender_teams_id, sender_name,"
            + " text, received_at, undone_at FROM recordings";

    private final Sql sql;

    SqliteLedger(Connection connection) {
        this.sql = new Sql(connection);
    }

    /** Releases the compiled statements before the connection closes. */
    void close() {
        sql.close();
    }

    // ---- boards

    @Override
    public Optional<Board> findBoard(String tenantId, String conversationId) {
        return sql.one(BOARD + " WHERE tenant_id = ? AND conversation_id = ?", SqliteLedger::board,
                tenantId, conversationId);
    }

    @Override
    public Optional<Board> board(long boardId) {
        return sql.one(BOARD + " WHERE id = ?", SqliteLedger::board, boardId);
    }

    @Override
    public Board createBoard(String tenantId, String conversationId, String name) {
        long id = sql.insert("INSERT INTO boards (tenant_id, conversation_id, name) VALUES (?, ?, ?)",
                tenantId, conversationId, name);
        return board(id).orElseThrow();
    }

    @Override
    public void renameBoard(long boardId, String name, boolean byUser) {
        sql.update("UPDATE boards SET name = ?, name_set_by_user = (name_set_by_user OR ?) WHERE id = ?",
                name, byUser, boardId);
    }

    @Override
    public void setOfficer(long boardId, BoardRole role, long personId) {
        String column = role == BoardRole.CHAIR ? "chair_id" : "secretary_id";
        sql.update("UPDATE boards SET " + column + " = ? WHERE id = ?", personId, boardId);
    }

    @Override
    public List<Board> boards() {
        return sql.list(BOARD + " ORDER BY id", SqliteLedger::board);
    }

    @Override
    public List<Board> boardsOnRoster(String tenantId, String teamsId) {
        return sql.list("SELECT b.id, b.tenant_id, b.conversation_id, b.name, b.name_set_by_user, b.chair_id,"
                        + " b.secretary_id FROM boards b JOIN people p ON p.board_id = b.id"
                        + " WHERE b.tenant_id = ? AND p.teams_id = ? AND p.on_roster = 1 ORDER BY b.name, b.id",
                SqliteLedger::board, tenantId, teamsId);
    }

    private static Board board(ResultSet row) throws SQLException {
        return new Board(row.getLong("id"), row.getString("tenant_id"), row.getString("conversation_id"),
                row.getString("name"), Sql.bool(row, "name_set_by_user"), Sql.longOrNull(row, "chair_id"),
                Sql.longOrNull(row, "secretary_id"));
    }

    // ---- people

    @Override
    public List<Person> people(long boardId) {
        return sql.list(PERSON + " WHERE board_id = ? ORDER BY id", SqliteLedger::person, boardId);
    }

    @Override
    public Optional<Person> person(long personId) {
        return sql.one(PERSON + " WHERE id = ?", SqliteLedger::person, personId);
    }

    @Override
    public Optional<Person> personByTeamsId(long boardId, String teamsId) {
        if (teamsId == null) {
            return Optional.empty();
        }
        return sql.one(PERSON + " WHERE board_id = ? AND teams_id = ?", SqliteLedger::person, boardId, teamsId);
    }

    @Override
    public Person upsertRosterMember(long boardId, String teamsId, String aadObjectId, String name) {
        Optional<Person> known = personByTeamsId(boardId, teamsId);
        if (known.isPresent()) {
            sql.update("UPDATE people SET name = ?, aad_object_id = COALESCE(?, aad_object_id), on_roster = 1"
                    + " WHERE id = ?", name, aadObjectId, known.get().id());
            return person(known.get().id()).orElseThrow();
        }
        // Someone first named in the minutes who has now turned up in Teams: give them their identity.
        Optional<Person> byName = sql.one(PERSON + " WHERE board_id = ? AND teams_id IS NULL AND lower(name) = lower(?)"
                + " ORDER BY id LIMIT 1", SqliteLedger::person, boardId, name);
        if (byName.isPresent()) {
            sql.update("UPDATE people SET teams_id = ?, aad_object_id = ?, on_roster = 1 WHERE id = ?",
                    teamsId, aadObjectId, byName.get().id());
            return person(byName.get().id()).orElseThrow();
        }
        long id = sql.insert("INSERT INTO people (board_id, teams_id, aad_object_id, name, on_roster)"
                + " VALUES (?, ?, ?, ?, 1)", boardId, teamsId, aadObjectId, name);
        return person(id).orElseThrow();
    }

    @Override
    public void retainRoster(long boardId, Collection<String> presentTeamsIds) {
        Set<String> present = new HashSet<>(presentTeamsIds);
        for (Person person : people(boardId)) {
            if (person.onRoster() && !present.contains(person.teamsId())) {
                sql.update("UPDATE people SET on_roster = 0 WHERE id = ?", person.id());
            }
        }
    }

    @Override
    public Person addKnownPerson(long boardId, String name, String title) {
        long id = sql.insert("INSERT INTO people (board_id, name, title, on_roster) VALUES (?, ?, ?, 0)",
                boardId, name, title);
        return person(id).orElseThrow();
    }

    @Override
    public void setTitle(long personId, String title) {
        sql.update("UPDATE people SET title = ? WHERE id = ?", title, personId);
    }

    @Override
    public void setAlias(long personId, String alias) {
        sql.update("UPDATE people SET alias = ? WHERE id = ?", alias, personId);
    }

    private static Person person(ResultSet row) throws SQLException {
        return new Person(row.getLong("id"), row.getLong("board_id"), row.getString("teams_id"),
                row.getString("aad_object_id"), row.getString("name"), row.getString("title"),
                row.getString("alias"), Sql.bool(row, "on_roster"));
    }

    // ---- meetings

    @Override
    public List<Meeting> meetings(long boardId) {
        return sql.list(MEETING + " WHERE board_id = ? ORDER BY date, id", SqliteLedger::meeting, boardId);
    }

    @Override
    public Optional<Meeting> meeting(long meetingId) {
        return sql.one(MEETING + " WHERE id = ?", SqliteLedger::meeting, meetingId);
    }

    @Override
    public Optional<Meeting> openMeeting(long boardId) {
        return sql.one(MEETING + " WHERE board_id = ? AND status = 'OPEN' ORDER BY id DESC LIMIT 1",
                SqliteLedger::meeting, boardId);
    }

    @Override
    public Optional<Meeting> meetingByTeamsId(long boardId, String teamsMeetingId) {
        if (teamsMeetingId == null) {
            return Optional.empty();
        }
        return sql.one(MEETING + " WHERE board_id = ? AND teams_meeting_id = ? ORDER BY id DESC LIMIT 1",
                SqliteLedger::meeting, boardId, teamsMeetingId);
    }

    @Override
    public Meeting scheduleMeeting(long boardId, LocalDate date, LocalTime time, String location, String title) {
        long id = sql.insert("INSERT INTO meetings (board_id, date, time, title, location, status)"
                + " VALUES (?, ?, ?, ?, ?, 'SCHEDULED')", boardId, date, time, title, location);
        return meeting(id).orElseThrow();
    }

    @Override
    public void rescheduleMeeting(long meetingId, LocalDate date, LocalTime time, String location) {
        sql.update("UPDATE meetings SET date = ?, time = COALESCE(?, time), location = COALESCE(?, location)"
                + " WHERE id = ?", date, time, location, meetingId);
    }

    @Override
    public void openMeeting(long meetingId, LocalDate date, LocalTime time, String title, String teamsMeetingId,
                            Instant at) {
        sql.update("UPDATE meetings SET date = ?, time = COALESCE(?, time), title = COALESCE(?, title),"
                        + " teams_meeting_id = COALESCE(?, teams_meeting_id), status = 'OPEN', started_at = ?,"
                        + " ended_at = NULL WHERE id = ?",
                date, time, title, teamsMeetingId, at, meetingId);
    }

    @Override
    public Meeting createOpenMeeting(long boardId, LocalDate date, LocalTime time, String title, String teamsMeetingId,
                                     Instant at) {
        long id = sql.insert("INSERT INTO meetings (board_id, date, time, title, status, teams_meeting_id, started_at)"
                + " VALUES (?, ?, ?, ?, 'OPEN', ?, ?)", boardId, date, time, title, teamsMeetingId, at);
        return meeting(id).orElseThrow();
    }

    @Override
    public void closeMeeting(long meetingId, Instant at) {
        sql.update("UPDATE meetings SET status = 'CLOSED', ended_at = ? WHERE id = ?", at, meetingId);
    }

    @Override
    public Optional<String> currentItem(long meetingId) {
        return sql.one("SELECT current_item FROM meetings WHERE id = ?", row -> row.getString(1), meetingId)
                .filter(item -> item != null);
    }

    @Override
    public void setCurrentItem(long meetingId, String item) {
        sql.update("UPDATE meetings SET current_item = ? WHERE id = ?", item, meetingId);
    }

    private static Meeting meeting(ResultSet row) throws SQLException {
        return new Meeting(row.getLong("id"), row.getLong("board_id"), Sql.date(row, "date"), Sql.time(row, "time"),
                row.getString("title"), row.getString("location"), MeetingStatus.valueOf(row.getString("status")),
                row.getString("teams_meeting_id"), Sql.instant(row, "started_at"), Sql.instant(row, "ended_at"));
    }

    // ---- apologies and declarations

    @Override
    public Apology addApology(long meetingId, Long personId, String name, String role, long recordingId) {
        long id = sql.insert("INSERT INTO apologies (meeting_id, person_id, name, role, recording_id)"
                + " VALUES (?, ?, ?, ?, ?)", meetingId, personId, name, role, recordingId);
        return new Apology(id, meetingId, personId, name, role, recordingId);
    }

    @Override
    public List<Apology> apologies(long meetingId) {
        return sql.list("SELECT id, meeting_id, person_id, name, role, recording_id FROM apologies"
                        + " WHERE meeting_id = ? ORDER BY id",
                row -> new Apology(row.getLong("id"), row.getLong("meeting_id"), Sql.longOrNull(row, "person_id"),
                        row.getString("name"), row.getString("role"), row.getLong("recording_id")),
                meetingId);
    }

    @Override
    public void removeApology(long apologyId) {
        sql.update("DELETE FROM apologies WHERE id = ?", apologyId);
    }

    @Override
    public Declaration addDeclaration(long meetingId, Long personId, String member, String agendaItem,
                                      InterestKind kind, String interest, long recordingId) {
        long id = sql.insert("INSERT INTO declarations (meeting_id, person_id, member, agenda_item, kind, interest,"
                + " recording_id) VALUES (?, ?, ?, ?, ?, ?, ?)", meetingId, personId, member, agendaItem, kind,
                interest, recordingId);
        return new Declaration(id, meetingId, personId, member, agendaItem, kind, interest, recordingId);
    }

    @Override
    public List<Declaration> declarations(long meetingId) {
        return sql.list("SELECT id, meeting_id, person_id, member, agenda_item, kind, interest, recording_id"
                        + " FROM declarations WHERE meeting_id = ? ORDER BY id",
                row -> new Declaration(row.getLong("id"), row.getLong("meeting_id"), Sql.longOrNull(row, "person_id"),
                        row.getString("member"), row.getString("agenda_item"),
                        InterestKind.valueOf(row.getString("kind")), row.getString("interest"),
                        row.getLong("recording_id")),
                meetingId);
    }

    @Override
    public void setNoDeclarations(long meetingId, Long recordingId) {
        if (recordingId == null) {
            sql.update("DELETE FROM no_declarations WHERE meeting_id = ?", meetingId);
        } else {
            sql.update("INSERT INTO no_declarations (meeting_id, recording_id) VALUES (?, ?)"
                    + " ON CONFLICT (meeting_id) DO UPDATE SET recording_id = excluded.recording_id",
                    meetingId, recordingId);
        }
    }

    @Override
    public boolean noDeclarations(long meetingId) {
        return sql.one("SELECT 1 FROM no_declarations WHERE meeting_id = ?", row -> true, meetingId).isPresent();
    }

    // ---- actions

    @Override
    public int takeActionNumber(long boardId) {
        return sql.one("UPDATE boards SET next_action_number = next_action_number + 1 WHERE id = ?"
                        + " RETURNING next_action_number - 1", row -> row.getInt(1), boardId)
                .orElseThrow(() -> new StorageException("No board " + boardId, null));
    }

    @Override
    public ActionItem addAction(long boardId, int number, Long meetingId, LocalDate raisedOn, String agendaItem,
                                String text, Owner owner, Target target, long recordingId) {
        long id = sql.insert("INSERT INTO actions (board_id, number, meeting_id, raised_on, agenda_item, text,"
                        + " owner_person_id, owner_name, owner_is_body, target_text, target_date, status, recording_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                boardId, number, meetingId, raisedOn, agendaItem, text, ownerId(owner), ownerName(owner),
                owner != null && owner.body(), target == null ? null : target.text(),
                target == null ? null : target.date(), ActionStatus.OPEN, recordingId);
        return actionById(id).orElseThrow();
    }

    @Override
    public Optional<ActionItem> action(long boardId, int number) {
        return sql.one(ACTION + " WHERE board_id = ? AND number = ?", row -> action(row, List.of()), boardId, number)
                .map(a -> withUpdates(a, updates(a.id())));
    }

    private Optional<ActionItem> actionById(long actionId) {
        return sql.one(ACTION + " WHERE id = ?", row -> action(row, List.of()), actionId)
                .map(a -> withUpdates(a, updates(a.id())));
    }

    @Override
    public List<ActionItem> actions(long boardId) {
        Map<Long, List<ActionUpdate>> updates = new HashMap<>();
        sql.list("SELECT u.action_id, u.date, u.text, u.by_name FROM action_updates u"
                        + " JOIN actions a ON a.id = u.action_id WHERE a.board_id = ? ORDER BY u.action_id, u.id",
                row -> updates.computeIfAbsent(row.getLong("action_id"), k -> new ArrayList<>()).add(update(row)),
                boardId);
        return sql.list(ACTION + " WHERE board_id = ? ORDER BY number",
                row -> action(row, updates.getOrDefault(row.getLong("id"), List.of())), boardId);
    }

    private List<ActionUpdate> updates(long actionId) {
        return sql.list("SELECT date, text, by_name FROM action_updates WHERE action_id = ? ORDER BY id",
                SqliteLedger::update, actionId);
    }

    @Override
    public List<String> bodyOwnerNames(long boardId) {
        return sql.list("SELECT DISTINCT owner_name FROM actions WHERE board_id = ? AND owner_is_body = 1"
                + " AND owner_name IS NOT NULL", row -> row.getString(1), boardId);
    }

    @Override
    public void setOwner(long actionId, Owner owner) {
        sql.update("UPDATE actions SET owner_person_id = ?, owner_name = ?, owner_is_body = ? WHERE id = ?",
                ownerId(owner), ownerName(owner), owner != null && owner.body(), actionId);
    }

    @Override
    public void setTarget(long actionId, Target target) {
        sql.update("UPDATE actions SET target_text = ?, target_date = ? WHERE id = ?",
                target == null ? null : target.text(), target == null ? null : target.date(), actionId);
    }

    @Override
    public void deleteAction(long actionId) {
        sql.update("DELETE FROM actions WHERE id = ?", actionId);
    }

    private static Long ownerId(Owner owner) {
        return owner == null ? null : owner.personId();
    }

    private static String ownerName(Owner owner) {
        return owner == null ? null : owner.name();
    }

    private static ActionItem action(ResultSet row, List<ActionUpdate> updates) throws SQLException {
        String ownerName = row.getString("owner_name");
        Long ownerId = Sql.longOrNull(row, "owner_person_id");
        Owner owner = new Owner(ownerId, ownerName, Sql.bool(row, "owner_is_body"));
        Target target = new Target(row.getString("target_text"), Sql.date(row, "target_date"));
        return new ActionItem(row.getLong("id"), row.getLong("board_id"), row.getInt("number"),
                Sql.longOrNull(row, "meeting_id"), Sql.date(row, "raised_on"), row.getString("agenda_item"),
                row.getString("text"), owner, target, ActionStatus.valueOf(row.getString("status")), updates,
                row.getLong("recording_id"));
    }

    private static ActionItem withUpdates(ActionItem a, List<ActionUpdate> updates) {
        return new ActionItem(a.id(), a.boardId(), a.number(), a.meetingId(), a.raisedOn(), a.agendaItem(), a.text(),
                a.owner(), a.target(), a.status(), updates, a.recordingId());
    }

    private static ActionUpdate update(ResultSet row) throws SQLException {
        return new ActionUpdate(Sql.date(row, "date"), row.getString("text"), row.getString("by_name"));
    }

    // ---- journal

    @Override
    public boolean claimActivity(String conversationId, String activityId, Instant at) {
        if (activityId == null || activityId.isBlank()) {
            return true;
        }
        return sql.update("INSERT INTO processed_activities (conversation_id, activity_id, processed_at)"
                + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING", conversationId, activityId, at) == 1;
    }

    @Override
    public long addRecording(long boardId, RecordingKind kind, Source source) {
        return sql.insert("INSERT INTO recordings (board_id, kind, activity_id, sender_teams_id, sender_name, text,"
                        + " received_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                boardId, kind, source.activityId(), source.senderTeamsId(), source.senderName(),
                source.text() == null ? "" : source.text(), source.receivedAt());
    }

    @Override
    public Optional<Recording> lastUndoableRecording(long boardId, String senderTeamsId) {
        if (senderTeamsId == null) {
            return Optional.empty();
        }
        return sql.one(RECORDING + " WHERE board_id = ? AND sender_teams_id = ? AND undone_at IS NULL"
                        + " AND kind IN ('APOLOGIES', 'DECLARATION', 'NO_DECLARATIONS', 'ACTION')"
                        + " ORDER BY id DESC LIMIT 1",
                SqliteLedger::recording, boardId, senderTeamsId);
    }

    @Override
    public void markUndone(long recordingId, Instant at) {
        sql.update("UPDATE recordings SET undone_at = ? WHERE id = ?", at, recordingId);
    }

    @Override
    public void deleteRecordedItems(long recordingId) {
        sql.update("DELETE FROM apologies WHERE recording_id = ?", recordingId);
        sql.update("DELETE FROM declarations WHERE recording_id = ?", recordingId);
        sql.update("DELETE FROM no_declarations WHERE recording_id = ?", recordingId);
        sql.update("DELETE FROM actions WHERE recording_id = ?", recordingId);
    }

    @Override
    public void savePendingQuestion(long boardId, String senderTeamsId, String payload, Instant at) {
        sql.update("INSERT INTO pending_questions (board_id, sender_teams_id, payload, asked_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (board_id, sender_teams_id) DO UPDATE SET payload = excluded.payload,"
                + " asked_at = excluded.asked_at", boardId, senderTeamsId, payload, at);
    }

    @Override
    public Optional<String> pendingQuestion(long boardId, String senderTeamsId) {
        return sql.one("SELECT payload FROM pending_questions WHERE board_id = ? AND sender_teams_id = ?",
                row -> row.getString(1), boardId, senderTeamsId);
    }

    @Override
    public void clearPendingQuestion(long boardId, String senderTeamsId) {
        sql.update("DELETE FROM pending_questions WHERE board_id = ? AND sender_teams_id = ?", boardId, senderTeamsId);
    }

    private static Recording recording(ResultSet row) throws SQLException {
        Source source = new Source(row.getString("activity_id"), row.getString("sender_teams_id"),
                row.getString("sender_name"), row.getString("text"), Sql.instant(row, "received_at"));
        return new Recording(row.getLong("id"), row.getLong("board_id"), RecordingKind.valueOf(row.getString("kind")),
                source, Sql.instant(row, "undone_at"));
    }
}
