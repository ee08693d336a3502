-- The action log's whole life: several owners, bodies mapped to people, target history, status changes with an
-- audit trail, the review of actions in a meeting, board settings and the approval of minutes.

-- Owners, people or bodies, in the order given. actions.owner_* keeps the first owner (older readers, and the
-- index of body names), written together with these rows.
CREATE TABLE action_owners (
    action_id INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    person_id INTEGER REFERENCES people (id),
    name      TEXT    NOT NULL,
    is_body   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (action_id, position)
) WITHOUT ROWID;
CREATE INDEX action_owners_person ON action_owners (person_id);
INSERT INTO action_owners (action_id, position, person_id, name, is_body)
SELECT id, 0, owner_person_id, owner_name, owner_is_body FROM actions WHERE owner_name IS NOT NULL;

-- Every target an action has had, the original first.
CREATE TABLE action_targets (
    id        INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    text      TEXT,
    date      TEXT,
    set_at    TEXT    NOT NULL,
    set_by    TEXT
);
CREATE INDEX action_targets_action ON action_targets (action_id, id);
INSERT INTO action_targets (action_id, text, date, set_at, set_by)
SELECT a.id, a.target_text, a.target_date, r.received_at, r.sender_name
FROM actions a JOIN recordings r ON r.id = a.recording_id;

ALTER TABLE actions ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE actions ADD COLUMN closed_on TEXT;
CREATE INDEX actions_board_status ON actions (board_id, status);

ALTER TABLE action_updates ADD COLUMN at TEXT;
ALTER TABLE action_updates ADD COLUMN by_teams_id TEXT;

-- Who, when, what it was before and after, and where it came from (message, card or meeting event).
CREATE TABLE action_events (
    id          INTEGER PRIMARY KEY,
    action_id   INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    at          TEXT    NOT NULL,
    by_teams_id TEXT,
    by_name     TEXT,
    via         TEXT    NOT NULL CHECK (via IN ('message', 'card', 'meeting')),
    what        TEXT    NOT NULL,
    before      TEXT,
    after       TEXT,
    activity_id TEXT
);
CREATE INDEX action_events_action ON action_events (action_id, id);

-- A body ("Constabulary") answers through people: reminders reach them.
CREATE TABLE body_members (
    board_id  INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    body_key  TEXT    NOT NULL,
    body_name TEXT    NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (board_id, body_key, person_id)
) WITHOUT ROWID;

-- What the board did with each action it reviewed at a meeting ("matters arising").
CREATE TABLE action_reviews (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    action_id  INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    decision   TEXT,
    update_text TEXT,
    at         TEXT    NOT NULL,
    PRIMARY KEY (meeting_id, action_id)
) WITHOUT ROWID;
ALTER TABLE meetings ADD COLUMN review_action_id INTEGER REFERENCES actions (id) ON DELETE SET NULL;

ALTER TABLE boards ADD COLUMN marking TEXT;

CREATE TABLE minutes_approvals (
    meeting_id   INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
    approved_by  TEXT    NOT NULL,
    approved_at  TEXT    NOT NULL,
    recording_id INTEGER NOT NULL REFERENCES recordings (id)
);

-- Who sits on the board as a member and who attends as an officer, as the minutes' header says
-- ("Members: ... In attendance: ..."): the minutes draft lists them so.
CREATE TABLE standings (
    person_id INTEGER PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    standing  TEXT    NOT NULL CHECK (standing IN ('MEMBER', 'IN_ATTENDANCE'))
);
