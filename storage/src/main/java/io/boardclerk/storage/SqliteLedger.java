package io.boardclerk.storage;

import io.boardclerk.core.model.ActionEvent;
import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.ActionReview;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.ActionUpdate;
import io.boardclerk.core.model.Apology;
import io.boardclerk.core.model.AwaitedApology;
import io.boardclerk.core.model.AttendanceFetch;
import io.boardclerk.core.model.CalendarFollow;
import io.boardclerk.core.model.AttendanceReport;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.BoardRole;
import io.boardclerk.core.model.Declaration;
import io.boardclerk.core.model.InterestKind;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.MeetingStatus;
import io.boardclerk.core.model.MinutesApproval;
import io.boardclerk.core.model.Owner;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.model.PersonLink;
import io.boardclerk.core.model.Recording;
import io.boardclerk.core.model.RecordingKind;
import io.boardclerk.core.model.Source;
import io.boardclerk.core.model.Target;
import io.boardclerk.core.port.Ledger;
import io.boardclerk.core.posting.ChatAddress;
import io.boardclerk.core.posting.ClaimedPost;
import io.boardclerk.core.posting.PostingSchedule;
import io.boardclerk.core.sharepoint.SharePointFolder;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** The ledger on one SQLite connection; the store decides which transaction it runs in. */
final class SqliteLedger extends SqliteReminders implements Ledger {

    private static final String BOARD = "SELECT id, tenant_id, conversation_id, name, name_set_by_user, chair_id,"
            + " secretary_id FROM boards";
    private static final String PERSON = "SELECT id, board_id, teams_id, aad_object_id, name, title, alias, on_roster"
            + " FROM people";
    private static final String MEETING = "SELECT id, board_id, date, time, title, location, status,"
            + " teams_meeting_id, started_at, ended_at FROM meetings";
    private static final String ACTION = "SELECT id, board_id, number, meeting_id, raised_on, agenda_item, text,"
            + " owner_person_id, owner_name, owner_is_body, target_text, target_date, status, recording_id, version"
            + " FROM actions";
    private static final String RECORDING = "SELECT id, board_id, kind, activity_id, sender_teams_id, sender_name,"
            + " text, received_at, undone_at FROM recordings";

    private final SqliteAttendance attendance;
    private final SqlitePosting posting;
    private final SqliteSharePoint sharePoint;
    private final SqliteCalendar calendar;
    private final SqliteReviews reviews;
    private final SqliteSafeguards safeguards;
    private final SqlitePersonLinks personLinks;

    SqliteLedger(Connection connection, Dialect dialect) {
        super(new Sql(connection, dialect));
        this.attendance = new SqliteAttendance(sql);
        this.posting = new SqlitePosting(sql);
        this.sharePoint = new SqliteSharePoint(sql);
        this.calendar = new SqliteCalendar(sql);
        this.reviews = new SqliteReviews(sql);
        this.safeguards = new SqliteSafeguards(sql);
        this.personLinks = new SqlitePersonLinks(sql);
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
    public Optional<String> marking(long boardId) {
        return boardSetting(boardId, "marking");
    }

    @Override
    public void setMarking(long boardId, String marking) {
        setBoardSetting(boardId, "marking", marking);
    }

    @Override
    public Optional<String> serviceUrl(long boardId) {
        return boardSetting(boardId, "service_url");
    }

    @Override
    public void setServiceUrl(long boardId, String serviceUrl) {
        setBoardSetting(boardId, "service_url", serviceUrl);
    }

    /** One of the board's own text columns; {@code column} is always a constant of this class, never user text. */
    private Optional<String> boardSetting(long boardId, String column) {
        return sql.one("SELECT " + column + " FROM boards WHERE id = ?", row -> row.getString(1), boardId)
                .flatMap(Optional::ofNullable);
    }

    private void setBoardSetting(long boardId, String column, String value) {
        sql.update("UPDATE boards SET " + column + " = ? WHERE id = ?", value, boardId);
    }

    @Override
    public List<Board> boardsOnRoster(String tenantId, String teamsId) {
        return sql.list("SELECT b.id, b.tenant_id, b.conversation_id, b.name, b.name_set_by_user, b.chair_id,"
                        + " b.secretary_id FROM boards b JOIN people p ON p.board_id = b.id"
                        + " WHERE b.tenant_id = ? AND p.teams_id = ? AND p.on_roster = TRUE ORDER BY b.name, b.id",
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
            sql.update("UPDATE people SET name = ?, aad_object_id = COALESCE(?, aad_object_id), on_roster = TRUE"
                    + " WHERE id = ?", name, aadObjectId, known.get().id());
            return person(known.get().id()).orElseThrow();
        }
        // Someone found in the directory (by object id) who has now turned up in Teams: the same person. A name
        // alone never makes two people one: a newcomer with the name of someone known only by name starts afresh.
        if (aadObjectId != null && !aadObjectId.isBlank()) {
            Optional<Person> byObjectId = sql.one(PERSON + " WHERE board_id = ? AND teams_id IS NULL"
                    + " AND lower(aad_object_id) = lower(?) ORDER BY id LIMIT 1", SqliteLedger::person, boardId,
                    aadObjectId);
            if (byObjectId.isPresent()) {
                sql.update("UPDATE people SET teams_id = ?, name = ?, on_roster = TRUE WHERE id = ?",
                        teamsId, name, byObjectId.get().id());
                return person(byObjectId.get().id()).orElseThrow();
            }
        }
        long id = sql.insert("INSERT INTO people (board_id, teams_id, aad_object_id, name, on_roster)"
                + " VALUES (?, ?, ?, ?, TRUE)", boardId, teamsId, aadObjectId, name);
        return person(id).orElseThrow();
    }

    @Override
    public void setOutsider(long personId, boolean outsider) {
        sql.update("UPDATE people SET outsider = ? WHERE id = ?", outsider, personId);
    }

    @Override
    public boolean outsider(long personId) {
        return sql.one("SELECT outsider FROM people WHERE id = ?", row -> row.getBoolean(1), personId)
                .orElse(false);
    }

    @Override
    public void revokeLinks(long boardId, Instant before) {
        safeguards.revokeLinks(boardId, before);
    }

    @Override
    public Optional<Instant> linksRevokedBefore(long boardId) {
        return safeguards.linksRevokedBefore(boardId);
    }

    @Override
    public void addInstaller(String tenantId, String conversationId, String aadObjectId, Instant at) {
        safeguards.addInstaller(tenantId, conversationId, aadObjectId, at);
    }

    @Override
    public boolean isInstaller(String tenantId, String conversationId, String aadObjectId) {
        return safeguards.isInstaller(tenantId, conversationId, aadObjectId);
    }

    @Override
    public void retainRoster(long boardId, Collection<String> presentTeamsIds) {
        Set<String> present = new HashSet<>(presentTeamsIds);
        for (Person person : people(boardId)) {
            if (person.onRoster() && !present.contains(person.teamsId())) {
                sql.update("UPDATE people SET on_roster = FALSE WHERE id = ?", person.id());
            }
        }
    }

    @Override
    public Person addKnownPerson(long boardId, String name, String title) {
        long id = sql.insert("INSERT INTO people (board_id, name, title, on_roster) VALUES (?, ?, ?, FALSE)",
                boardId, name, title);
        return person(id).orElseThrow();
    }

    @Override
    public Person addDirectoryPerson(long boardId, String name, String aadObjectId) {
        for (Person known : people(boardId)) {
            if (aadObjectId.equals(known.aadObjectId())) {
                return known;
            }
        }
        long id = sql.insert("INSERT INTO people (board_id, name, aad_object_id, on_roster) VALUES (?, ?, ?, FALSE)",
                boardId, name, aadObjectId);
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

    @Override
    public PersonLink linkNameOnly(long nameOnlyId, long teamsPersonId) {
        PersonLink link = personLinks.link(nameOnlyId, teamsPersonId);
        link.actionIds().forEach(this::actionChanged);
        return link;
    }

    private static Person person(ResultSet row) throws SQLException {
        return new Person(row.getLong("id"), row.getLong("board_id"), row.getString("teams_id"),
                row.getString("aad_object_id"), row.getString("name"), row.getString("title"),
                row.getString("alias"), Sql.bool(row, "on_roster"));
    }

    // ---- meetings

    @Override
    public List<Meeting> meetings(long boardId) {
        return sql.list(MEETING + " WHERE board_id = ? AND cancelled_at IS NULL ORDER BY date, id",
                SqliteLedger::meeting, boardId);
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
        boardChanged(boardId);
        long id = sql.insert("INSERT INTO meetings (board_id, date, time, title, location, status)"
                + " VALUES (?, ?, ?, ?, ?, 'SCHEDULED')", boardId, date, time, title, location);
        return meeting(id).orElseThrow();
    }

    @Override
    public void rescheduleMeeting(long meetingId, LocalDate date, LocalTime time, String location) {
        meetingChanged(meetingId);
        sql.update("UPDATE meetings SET date = ?, time = COALESCE(?, time), location = COALESCE(?, location)"
                + " WHERE id = ?", date, time, location, meetingId);
    }

    @Override
    public void openMeeting(long meetingId, LocalDate date, LocalTime time, String title, String teamsMeetingId,
                            Instant at) {
        meetingChanged(meetingId);
        sql.update("UPDATE meetings SET date = ?, time = COALESCE(?, time), title = COALESCE(?, title),"
                        + " teams_meeting_id = COALESCE(?, teams_meeting_id), status = 'OPEN', started_at = ?,"
                        + " ended_at = NULL WHERE id = ?",
                date, time, title, teamsMeetingId, at, meetingId);
    }

    @Override
    public Meeting createOpenMeeting(long boardId, LocalDate date, LocalTime time, String title, String teamsMeetingId,
                                     Instant at) {
        boardChanged(boardId);
        long id = sql.insert("INSERT INTO meetings (board_id, date, time, title, status, teams_meeting_id, started_at)"
                + " VALUES (?, ?, ?, ?, 'OPEN', ?, ?)", boardId, date, time, title, teamsMeetingId, at);
        return meeting(id).orElseThrow();
    }

    @Override
    public void closeMeeting(long meetingId, Instant at) {
        meetingChanged(meetingId);
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
        return addApology(meetingId, personId, name, role, null, recordingId);
    }

    @Override
    public Apology addApology(long meetingId, Long personId, String name, String role, String note,
                              long recordingId) {
        long id = sql.insert("INSERT INTO apologies (meeting_id, person_id, name, role, note, recording_id)"
                + " VALUES (?, ?, ?, ?, ?, ?)", meetingId, personId, name, role, note, recordingId);
        return new Apology(id, meetingId, personId, name, role, recordingId, note);
    }

    @Override
    public List<Apology> apologies(long meetingId) {
        return sql.list("SELECT id, meeting_id, person_id, name, role, recording_id, note FROM apologies"
                        + " WHERE meeting_id = ? ORDER BY id",
                row -> new Apology(row.getLong("id"), row.getLong("meeting_id"), Sql.longOrNull(row, "person_id"),
                        row.getString("name"), row.getString("role"), row.getLong("recording_id"),
                        row.getString("note")),
                meetingId);
    }

    @Override
    public AwaitedApology awaitApology(long boardId, Long personId, String name, String role, String note,
                                       String meetingWords, LocalDate onDate, YearMonth inMonth, long recordingId) {
        String month = inMonth == null ? null : inMonth.toString();
        long id = sql.insert("INSERT INTO awaited_apologies (board_id, person_id, name, role, note, meeting_words,"
                + " on_date, in_month, recording_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", boardId, personId, name,
                role, note, meetingWords, onDate, month, recordingId);
        return new AwaitedApology(id, boardId, personId, name, role, note, meetingWords, onDate, inMonth, recordingId,
                null);
    }

    @Override
    public List<AwaitedApology> awaitedApologies(long boardId) {
        return sql.list("SELECT id, board_id, person_id, name, role, note, meeting_words, on_date, in_month,"
                        + " recording_id FROM awaited_apologies WHERE board_id = ? AND apology_id IS NULL ORDER BY id",
                row -> new AwaitedApology(row.getLong("id"), row.getLong("board_id"),
                        Sql.longOrNull(row, "person_id"), row.getString("name"), row.getString("role"),
                        row.getString("note"), row.getString("meeting_words"), Sql.date(row, "on_date"),
                        row.getString("in_month") == null ? null : YearMonth.parse(row.getString("in_month")),
                        row.getLong("recording_id"), null),
                boardId);
    }

    @Override
    public void attachAwaitedApology(long awaitedId, long apologyId) {
        sql.update("UPDATE awaited_apologies SET apology_id = ? WHERE id = ?", apologyId, awaitedId);
    }

    @Override
    public void setDeclarationKind(long declarationId, InterestKind kind) {
        sql.update("UPDATE declarations SET kind = ? WHERE id = ?", kind, declarationId);
    }

    @Override
    public Optional<Declaration> declaration(long declarationId) {
        return sql.one("SELECT id, meeting_id, person_id, member, agenda_item, kind, interest, recording_id"
                + " FROM declarations WHERE id = ?", SqliteLedger::declaration, declarationId);
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
                        + " FROM declarations WHERE meeting_id = ? ORDER BY id", SqliteLedger::declaration, meetingId);
    }

    private static Declaration declaration(ResultSet row) throws SQLException {
        return new Declaration(row.getLong("id"), row.getLong("meeting_id"), Sql.longOrNull(row, "person_id"),
                row.getString("member"), row.getString("agenda_item"), InterestKind.valueOf(row.getString("kind")),
                row.getString("interest"), row.getLong("recording_id"));
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

    @Override
    public void approveMinutes(long meetingId, String approvedBy, Instant at, long recordingId) {
        sql.update("INSERT INTO minutes_approvals (meeting_id, approved_by, approved_at, recording_id)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (meeting_id) DO UPDATE SET approved_by = excluded.approved_by,"
                + " approved_at = excluded.approved_at, recording_id = excluded.recording_id",
                meetingId, approvedBy, at, recordingId);
    }

    @Override
    public Optional<MinutesApproval> approval(long meetingId) {
        return sql.one("SELECT meeting_id, approved_by, approved_at FROM minutes_approvals WHERE meeting_id = ?",
                row -> new MinutesApproval(row.getLong(1), row.getString(2), Sql.instant(row, "approved_at")),
                meetingId);
    }

    @Override
    public void setMember(long personId, boolean member) {
        sql.update("INSERT INTO standings (person_id, standing) VALUES (?, ?) ON CONFLICT (person_id)"
                + " DO UPDATE SET standing = excluded.standing", personId, member ? "MEMBER" : "IN_ATTENDANCE");
    }

    @Override
    public Map<Long, Boolean> standings(long boardId) {
        Map<Long, Boolean> standings = new HashMap<>();
        sql.list("SELECT s.person_id, s.standing FROM standings s JOIN people p ON p.id = s.person_id"
                + " WHERE p.board_id = ?", row -> standings.put(row.getLong(1), "MEMBER".equals(row.getString(2))),
                boardId);
        return standings;
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
                                String text, List<Owner> owners, Target target, long recordingId, Instant at,
                                String by) {
        Owner first = owners.isEmpty() ? new Owner(null, null, false) : owners.get(0);
        long id = sql.insert("INSERT INTO actions (board_id, number, meeting_id, raised_on, agenda_item, text,"
                        + " owner_person_id, owner_name, owner_is_body, target_text, target_date, status, recording_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                boardId, number, meetingId, raisedOn, agendaItem, text, first.personId(), first.name(), first.body(),
                target == null ? null : target.text(), target == null ? null : target.date(), ActionStatus.OPEN,
                recordingId);
        insertOwners(id, owners);
        actionChanged(id);
        sql.update("INSERT INTO action_targets (action_id, text, date, set_at, set_by) VALUES (?, ?, ?, ?, ?)",
                id, target == null ? null : target.text(), target == null ? null : target.date(), at, by);
        return actionById(id).orElseThrow();
    }

    private void insertOwners(long actionId, List<Owner> owners) {
        for (int i = 0; i < owners.size(); i++) {
            Owner o = owners.get(i);
            sql.update("INSERT INTO action_owners (action_id, position, person_id, name, is_body) VALUES (?, ?, ?, ?, ?)",
                    actionId, i, o.personId(), o.name(), o.body());
        }
    }

    @Override
    public Optional<ActionItem> action(long boardId, int number) {
        return sql.one(ACTION + " WHERE board_id = ? AND number = ?", row -> row.getLong("id"), boardId, number)
                .flatMap(this::actionById);
    }

    @Override
    public Optional<ActionItem> actionById(long actionId) {
        List<Owner> owners = sql.list("SELECT action_id, person_id, name, is_body FROM action_owners"
                + " WHERE action_id = ? ORDER BY position", SqliteLedger::owner, actionId);
        List<Target> targets = sql.list("SELECT action_id, text, date FROM action_targets WHERE action_id = ?"
                + " ORDER BY id", SqliteLedger::target, actionId);
        List<ActionUpdate> updates = sql.list("SELECT action_id, date, text, by_name FROM action_updates"
                + " WHERE action_id = ? ORDER BY id", SqliteLedger::update, actionId);
        return sql.one(ACTION + " WHERE id = ?", row -> action(row, owners, targets, updates), actionId);
    }

    @Override
    public List<ActionItem> actionsByIds(Collection<Long> actionIds) {
        if (actionIds.isEmpty()) {
            return List.of();
        }
        Dialect.Ids ids = Dialect.Ids.of(actionIds);
        String in = sql.inIds();
        Map<Long, List<Owner>> owners = new HashMap<>();
        sql.list("SELECT action_id, person_id, name, is_body FROM action_owners WHERE action_id" + in
                        + " ORDER BY action_id, position",
                row -> owners.computeIfAbsent(row.getLong("action_id"), k -> new ArrayList<>()).add(owner(row)), ids);
        Map<Long, List<Target>> targets = new HashMap<>();
        sql.list("SELECT action_id, text, date FROM action_targets WHERE action_id" + in + " ORDER BY action_id, id",
                row -> targets.computeIfAbsent(row.getLong("action_id"), k -> new ArrayList<>()).add(target(row)), ids);
        Map<Long, List<ActionUpdate>> updates = new HashMap<>();
        sql.list("SELECT action_id, date, text, by_name FROM action_updates WHERE action_id" + in
                        + " ORDER BY action_id, id",
                row -> updates.computeIfAbsent(row.getLong("action_id"), k -> new ArrayList<>()).add(update(row)), ids);
        return sql.list(ACTION + " WHERE id" + in, row -> {
            long id = row.getLong("id");
            return action(row, owners.getOrDefault(id, List.of()), targets.getOrDefault(id, List.of()),
                    updates.getOrDefault(id, List.of()));
        }, ids);
    }

    @Override
    public List<ActionItem> actions(long boardId) {
        return actions(boardId, "", List.of());
    }

    @Override
    public List<ActionItem> actions(long boardId, List<ActionStatus> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        String in = " AND a.status IN (" + String.join(", ", java.util.Collections.nCopies(statuses.size(), "?")) + ")";
        return actions(boardId, in, statuses);
    }

    private List<ActionItem> actions(long boardId, String statusFilter, List<ActionStatus> statuses) {
        Object[] args = new Object[1 + statuses.size()];
        args[0] = boardId;
        for (int i = 0; i < statuses.size(); i++) {
            args[i + 1] = statuses.get(i);
        }
        Map<Long, List<Owner>> owners = new HashMap<>();
        sql.list("SELECT o.action_id, o.person_id, o.name, o.is_body FROM action_owners o JOIN actions a"
                        + " ON a.id = o.action_id WHERE a.board_id = ?" + statusFilter + " ORDER BY o.action_id, o.position",
                row -> owners.computeIfAbsent(row.getLong("action_id"), k -> new ArrayList<>()).add(owner(row)), args);
        Map<Long, List<Target>> targets = new HashMap<>();
        sql.list("SELECT t.action_id, t.text, t.date FROM action_targets t JOIN actions a ON a.id = t.action_id"
                        + " WHERE a.board_id = ?" + statusFilter + " ORDER BY t.action_id, t.id",
                row -> targets.computeIfAbsent(row.getLong("action_id"), k -> new ArrayList<>()).add(target(row)), args);
        Map<Long, List<ActionUpdate>> updates = new HashMap<>();
        sql.list("SELECT u.action_id, u.date, u.text, u.by_name FROM action_updates u"
                        + " JOIN actions a ON a.id = u.action_id WHERE a.board_id = ?" + statusFilter
                        + " ORDER BY u.action_id, u.id",
                row -> updates.computeIfAbsent(row.getLong("action_id"), k -> new ArrayList<>()).add(update(row)),
                args);
        return sql.list(ACTION.replace(" FROM actions", " FROM actions a") + " WHERE a.board_id = ?" + statusFilter
                        + " ORDER BY a.number",
                row -> {
                    long id = row.getLong("id");
                    return action(row, owners.getOrDefault(id, List.of()), targets.getOrDefault(id, List.of()),
                            updates.getOrDefault(id, List.of()));
                }, args);
    }

    @Override
    public List<String> bodyOwnerNames(long boardId) {
        return sql.list("SELECT DISTINCT o.name FROM action_owners o JOIN actions a ON a.id = o.action_id"
                + " WHERE a.board_id = ? AND o.is_body = TRUE UNION SELECT DISTINCT body_name FROM body_members"
                + " WHERE board_id = ?", row -> row.getString(1), boardId, boardId);
    }

    @Override
    public void setOwners(long actionId, List<Owner> owners) {
        actionChanged(actionId);
        Owner first = owners.isEmpty() ? new Owner(null, null, false) : owners.get(0);
        sql.update("UPDATE actions SET owner_person_id = ?, owner_name = ?, owner_is_body = ?, version = version + 1"
                + " WHERE id = ?", first.personId(), first.name(), first.body(), actionId);
        sql.update("DELETE FROM action_owners WHERE action_id = ?", actionId);
        insertOwners(actionId, owners);
    }

    @Override
    public void setTarget(long actionId, Target target, Instant at, String by) {
        followTarget(actionId, target);
        sql.update("INSERT INTO action_targets (action_id, text, date, set_at, set_by) VALUES (?, ?, ?, ?, ?)",
                actionId, target.text(), target.date(), at, by);
    }

    @Override
    public void followTarget(long actionId, Target target) {
        actionChanged(actionId);
        sql.update("UPDATE actions SET target_text = ?, target_date = ?, version = version + 1 WHERE id = ?",
                target.text(), target.date(), actionId);
    }

    @Override
    public void setStatus(long actionId, ActionStatus status, LocalDate closedOn) {
        actionChanged(actionId);
        sql.update("UPDATE actions SET status = ?, closed_on = ?, version = version + 1 WHERE id = ?",
                status, closedOn, actionId);
    }

    @Override
    public Map<Long, LocalDate> closedOn(long boardId) {
        Map<Long, LocalDate> closed = new HashMap<>();
        sql.list("SELECT id, closed_on FROM actions WHERE board_id = ? AND status = 'CLOSED' AND closed_on IS NOT NULL",
                row -> closed.put(row.getLong(1), Sql.date(row, "closed_on")), boardId);
        return closed;
    }

    @Override
    public void addUpdate(long actionId, LocalDate date, String text, String by, String byTeamsId, Instant at) {
        sql.update("INSERT INTO action_updates (action_id, date, text, by_name, by_teams_id, at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", actionId, date, text, by, byTeamsId, at);
        sql.update("UPDATE actions SET version = version + 1 WHERE id = ?", actionId);
    }

    @Override
    public void addEvent(ActionEvent e) {
        sql.update("INSERT INTO action_events (action_id, at, by_teams_id, by_name, via, what, before, after,"
                        + " activity_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", e.actionId(), e.at(), e.byTeamsId(),
                e.byName(), e.via(), e.what(), e.before(), e.after(), e.activityId());
    }

    @Override
    public List<ActionEvent> history(long actionId) {
        return sql.list("SELECT action_id, at, by_teams_id, by_name, via, what, before, after, activity_id"
                + " FROM action_events WHERE action_id = ? ORDER BY id", row -> new ActionEvent(row.getLong(1),
                Sql.instant(row, "at"), row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                row.getString(7), row.getString(8), row.getString(9)), actionId);
    }

    @Override
    public void deleteAction(long actionId) {
        actionChanged(actionId);
        sql.update("DELETE FROM actions WHERE id = ?", actionId);
    }

    @Override
    public void mapBody(long boardId, String bodyName, List<Long> personIds) {
        String key = bodyKey(bodyName);
        sql.update("DELETE FROM body_members WHERE board_id = ? AND body_key = ?", boardId, key);
        for (Long personId : new java.util.LinkedHashSet<>(personIds)) {
            sql.update("INSERT INTO body_members (board_id, body_key, body_name, person_id) VALUES (?, ?, ?, ?)",
                    boardId, key, bodyName, personId);
        }
    }

    @Override
    public List<Long> bodyMembers(long boardId, String bodyName) {
        return sql.list("SELECT person_id FROM body_members WHERE board_id = ? AND body_key = ? ORDER BY person_id",
                row -> row.getLong(1), boardId, bodyKey(bodyName));
    }

    @Override
    public Map<String, List<Long>> bodies(long boardId) {
        Map<String, List<Long>> bodies = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sql.list("SELECT body_name, person_id FROM body_members WHERE board_id = ? ORDER BY body_key, person_id",
                row -> bodies.computeIfAbsent(row.getString(1), k -> new ArrayList<>()).add(row.getLong(2)), boardId);
        return bodies;
    }

    static String bodyKey(String bodyName) {
        return bodyName.strip().replaceFirst("(?i)^the\\s+", "").replaceAll("\\s+", " ")
                .toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void addReview(long meetingId, long actionId, Instant at) {
        reviews.addReview(meetingId, actionId, at);
    }

    @Override
    public void setReviewDecision(long meetingId, long actionId, String decision, Instant at) {
        reviews.setReviewDecision(meetingId, actionId, decision, at);
    }

    @Override
    public void setReviewUpdate(long meetingId, long actionId, String update, Instant at) {
        reviews.setReviewUpdate(meetingId, actionId, update, at);
    }

    @Override
    public List<ActionReview> reviews(long meetingId) {
        return reviews.reviews(meetingId);
    }

    @Override
    public Optional<Long> actionUnderReview(long meetingId) {
        return reviews.actionUnderReview(meetingId);
    }

    @Override
    public void setActionUnderReview(long meetingId, Long actionId) {
        reviews.setActionUnderReview(meetingId, actionId);
    }

    private static Owner owner(ResultSet row) throws SQLException {
        return new Owner(Sql.longOrNull(row, "person_id"), row.getString("name"), Sql.bool(row, "is_body"));
    }

    private static Target target(ResultSet row) throws SQLException {
        return new Target(row.getString("text"), Sql.date(row, "date"));
    }

    private static ActionItem action(ResultSet row, List<Owner> owners, List<Target> targets,
                                     List<ActionUpdate> updates) throws SQLException {
        Target target = new Target(row.getString("target_text"), Sql.date(row, "target_date"));
        List<Owner> named = owners.isEmpty() && row.getString("owner_name") != null
                ? List.of(new Owner(Sql.longOrNull(row, "owner_person_id"), row.getString("owner_name"),
                Sql.bool(row, "owner_is_body"))) : owners;
        return new ActionItem(row.getLong("id"), row.getLong("board_id"), row.getInt("number"),
                Sql.longOrNull(row, "meeting_id"), Sql.date(row, "raised_on"), row.getString("agenda_item"),
                row.getString("text"), named, target, targets.isEmpty() ? List.of(target) : targets,
                ActionStatus.valueOf(row.getString("status")), updates, row.getLong("recording_id"),
                row.getInt("version"));
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
        sql.update("DELETE FROM awaited_apologies WHERE recording_id = ?", recordingId);
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

    // ---- attendance reports and the quorum (V6): kept in SqliteAttendance

    @Override
    public Optional<AttendanceFetch> attendanceFetch(long meetingId) {
        return attendance.attendanceFetch(meetingId);
    }

    @Override
    public void saveAttendanceFetch(AttendanceFetch fetch) {
        attendance.saveAttendanceFetch(fetch);
    }

    @Override
    public List<AttendanceFetch> claimDueAttendanceFetches(Instant now, Instant leaseUntil) {
        return attendance.claimDueAttendanceFetches(now, leaseUntil);
    }

    @Override
    public void saveAttendanceReport(long meetingId, AttendanceReport report) {
        attendance.saveAttendanceReport(meetingId, report);
    }

    @Override
    public Optional<AttendanceReport> attendanceReport(long meetingId) {
        return attendance.attendanceReport(meetingId);
    }

    @Override
    public void setPersonAddress(long personId, String address) {
        attendance.setPersonAddress(personId, address);
    }

    @Override
    public Map<Long, String> personAddresses(long boardId) {
        return attendance.personAddresses(boardId);
    }

    @Override
    public OptionalInt quorum(long boardId) {
        return attendance.quorum(boardId);
    }

    @Override
    public void setQuorum(long boardId, Integer quorum) {
        attendance.setQuorum(boardId, quorum);
    }

    // ---- posting through Microsoft Graph (V5)

    @Override
    public Optional<ChatAddress> chatAddress(long boardId) {
        return posting.chatAddress(boardId);
    }

    @Override
    public void setChatAddress(long boardId, ChatAddress address, Instant at) {
        posting.setChatAddress(boardId, address, at);
    }

    @Override
    public Optional<PostingSchedule> postingSchedule(long boardId) {
        return posting.postingSchedule(boardId);
    }

    @Override
    public void setPostingSchedule(long boardId, DayOfWeek day, ZoneId zone, String setBy, Instant at) {
        posting.setPostingSchedule(boardId, day, zone, setBy, at);
    }

    @Override
    public boolean clearPostingSchedule(long boardId) {
        return posting.clearPostingSchedule(boardId);
    }

    @Override
    public List<PostingSchedule> postingSchedules() {
        return posting.postingSchedules();
    }

    @Override
    public boolean claimWeeklyPost(long boardId, LocalDate date, Instant at) {
        return posting.claimWeeklyPost(boardId, date, at);
    }

    @Override
    public boolean recordWeeklyPost(long boardId, LocalDate date, String outcome) {
        return posting.recordWeeklyPost(boardId, date, outcome);
    }

    @Override
    public List<ClaimedPost> unfinishedWeeklyPosts() {
        return posting.unfinishedWeeklyPosts();
    }

    // ---- the board's SharePoint folder (V7)

    @Override
    public Optional<SharePointFolder> sharePointFolder(long boardId) {
        return sharePoint.sharePointFolder(boardId);
    }

    @Override
    public void setSharePointFolder(long boardId, SharePointFolder folder) {
        sharePoint.setSharePointFolder(boardId, folder);
    }

    @Override
    public boolean clearSharePointFolder(long boardId) {
        return sharePoint.clearSharePointFolder(boardId);
    }

    // ---- the calendar a board follows (V8): kept in SqliteCalendar

    @Override
    public Optional<CalendarFollow> calendarFollow(long boardId) {
        return calendar.calendarFollow(boardId);
    }

    @Override
    public void followCalendar(long boardId, String organiser, String series, String setBy, Instant at,
                               Instant nextSyncAt) {
        calendar.followCalendar(boardId, organiser, series, setBy, at, nextSyncAt);
    }

    @Override
    public boolean unfollowCalendar(long boardId) {
        return calendar.unfollowCalendar(boardId);
    }

    @Override
    public List<CalendarFollow> claimDueCalendarFollows(Instant now, Instant leaseUntil) {
        return calendar.claimDueCalendarFollows(now, leaseUntil);
    }

    @Override
    public void calendarSynced(long boardId, Instant nextSyncAt, Instant at, String problem) {
        calendar.calendarSynced(boardId, nextSyncAt, at, problem);
    }

    @Override
    public Map<String, Long> calendarMeetings(long boardId) {
        return calendar.calendarMeetings(boardId);
    }

    @Override
    public void linkCalendarEvent(long boardId, String eventId, long meetingId) {
        calendar.linkCalendarEvent(boardId, eventId, meetingId);
    }

    @Override
    public boolean cancelMeeting(long meetingId, Instant at) {
        meetingChanged(meetingId);
        return calendar.cancelMeeting(meetingId, at);
    }
}
