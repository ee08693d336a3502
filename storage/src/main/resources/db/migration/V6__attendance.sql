-- Teams attendance reports (issue #5, "Attendance") and each board's quorum.

-- How many members make a quorum; NULL while the board has set none.
ALTER TABLE boards ADD COLUMN quorum INTEGER CHECK (quorum IS NULL OR quorum BETWEEN 1 AND 99);

-- A person's e-mail address or sign-in name as the Teams roster gives it: matches them in an attendance report when
-- the report's object id does not.
CREATE TABLE person_addresses (
    person_id INTEGER PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    address   TEXT    NOT NULL
);

-- Getting a meeting's attendance report: queued as the Teams meeting ends, tried again (bounded) until Teams has
-- published the report, then posted into the board's chat once. next_try_at is in epoch milliseconds (comparable as
-- numbers); NULL once nothing more will be tried by itself.
CREATE TABLE attendance_fetches (
    meeting_id       INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
    board_id         INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    teams_meeting_id TEXT    NOT NULL,
    organizer_id     TEXT,
    graph_meeting_id TEXT,
    join_url         TEXT,
    state            TEXT    NOT NULL CHECK (state IN ('PENDING', 'OBTAINED', 'NOT_FOUND', 'REFUSED', 'GAVE_UP')),
    tries            INTEGER NOT NULL DEFAULT 0,
    next_try_at      INTEGER,
    problem          TEXT,
    posted           INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX attendance_fetches_due ON attendance_fetches (next_try_at);

-- The report as Teams gave it; the reconciliation against the board is worked out from it whenever it is shown, so
-- later corrections to roles, standings and apologies are always reflected.
CREATE TABLE attendance_reports (
    meeting_id    INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
    meeting_start TEXT,
    meeting_end   TEXT
);

CREATE TABLE attendance_records (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES attendance_reports (meeting_id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    name       TEXT,
    email      TEXT,
    object_id  TEXT,
    role       TEXT
);
CREATE INDEX attendance_records_meeting ON attendance_records (meeting_id);

CREATE TABLE attendance_sessions (
    record_id INTEGER NOT NULL REFERENCES attendance_records (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    joined_at TEXT,
    left_at   TEXT
);
CREATE INDEX attendance_sessions_record ON attendance_sessions (record_id);
