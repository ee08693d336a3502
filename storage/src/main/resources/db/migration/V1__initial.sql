-- BoardClerk's record: boards, the people on them, their meetings, and what was recorded at each.
-- Dates are ISO text (2022-05-26), times HH:MM, instants ISO-8601 UTC text.

CREATE TABLE boards (
    id                 INTEGER PRIMARY KEY,
    tenant_id          TEXT    NOT NULL,
    conversation_id    TEXT    NOT NULL,
    name               TEXT    NOT NULL,
    name_set_by_user   INTEGER NOT NULL DEFAULT 0,
    chair_id           INTEGER,
    secretary_id       INTEGER,
    next_action_number INTEGER NOT NULL DEFAULT 1,
    UNIQUE (tenant_id, conversation_id)
);

CREATE TABLE people (
    id            INTEGER PRIMARY KEY,
    board_id      INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    teams_id      TEXT,
    aad_object_id TEXT,
    name          TEXT    NOT NULL,
    title         TEXT,
    alias         TEXT,
    on_roster     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (board_id, teams_id)
);
CREATE INDEX people_teams_id ON people (teams_id);
CREATE INDEX people_board ON people (board_id);

CREATE TABLE meetings (
    id               INTEGER PRIMARY KEY,
    board_id         INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    date             TEXT    NOT NULL,
    time             TEXT,
    title            TEXT,
    location         TEXT,
    status           TEXT    NOT NULL CHECK (status IN ('SCHEDULED', 'OPEN', 'CLOSED')),
    teams_meeting_id TEXT,
    started_at       TEXT,
    ended_at         TEXT,
    current_item     TEXT
);
CREATE INDEX meetings_board ON meetings (board_id, date);
CREATE INDEX meetings_board_status ON meetings (board_id, status);

CREATE TABLE recordings (
    id              INTEGER PRIMARY KEY,
    board_id        INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL,
    activity_id     TEXT,
    sender_teams_id TEXT,
    sender_name     TEXT,
    text            TEXT    NOT NULL,
    received_at     TEXT    NOT NULL,
    undone_at       TEXT
);
CREATE INDEX recordings_sender ON recordings (board_id, sender_teams_id, id);

CREATE TABLE processed_activities (
    conversation_id TEXT NOT NULL,
    activity_id     TEXT NOT NULL,
    processed_at    TEXT NOT NULL,
    PRIMARY KEY (conversation_id, activity_id)
) WITHOUT ROWID;

CREATE TABLE apologies (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    person_id    INTEGER REFERENCES people (id),
    name         TEXT    NOT NULL,
    role         TEXT,
    recording_id INTEGER NOT NULL REFERENCES recordings (id)
);
CREATE INDEX apologies_meeting ON apologies (meeting_id);
CREATE INDEX apologies_recording ON apologies (recording_id);

CREATE TABLE declarations (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    person_id    INTEGER REFERENCES people (id),
    member       TEXT    NOT NULL,
    agenda_item  TEXT,
    kind         TEXT    NOT NULL CHECK (kind IN ('PERSONAL', 'PECUNIARY', 'PREJUDICIAL', 'OTHER')),
    interest     TEXT    NOT NULL,
    recording_id INTEGER NOT NULL REFERENCES recordings (id)
);
CREATE INDEX declarations_meeting ON declarations (meeting_id);
CREATE INDEX declarations_recording ON declarations (recording_id);

CREATE TABLE no_declarations (
    meeting_id   INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
    recording_id INTEGER NOT NULL REFERENCES recordings (id)
);

CREATE TABLE actions (
    id              INTEGER PRIMARY KEY,
    board_id        INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    number          INTEGER NOT NULL,
    meeting_id      INTEGER REFERENCES meetings (id),
    raised_on       TEXT    NOT NULL,
    agenda_item     TEXT,
    text            TEXT    NOT NULL,
    owner_person_id INTEGER REFERENCES people (id),
    owner_name      TEXT,
    owner_is_body   INTEGER NOT NULL DEFAULT 0,
    target_text     TEXT,
    target_date     TEXT,
    status          TEXT    NOT NULL CHECK (status IN ('OPEN', 'ONGOING', 'COMPLETE', 'CLOSED')),
    recording_id    INTEGER NOT NULL REFERENCES recordings (id),
    UNIQUE (board_id, number)
);
CREATE INDEX actions_recording ON actions (recording_id);

CREATE TABLE action_updates (
    id        INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    date      TEXT    NOT NULL,
    text      TEXT    NOT NULL,
    by_name   TEXT
);
CREATE INDEX action_updates_action ON action_updates (action_id, id);

CREATE TABLE pending_questions (
    board_id        INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    sender_teams_id TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    asked_at        TEXT    NOT NULL,
    PRIMARY KEY (board_id, sender_teams_id)
);
