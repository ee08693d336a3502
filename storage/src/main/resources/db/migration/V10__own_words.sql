-- Members in their own words (#13). An apology may carry the member's reason ("on leave", "clash with the Panel"),
-- kept as a note and never read as a name. An apology for a meeting not yet scheduled ("my apologies for the July
-- Board") is kept against the meeting as the member named it, and attached to that meeting once it is scheduled.
-- A declaration whose kind the member did not name is kept as NOT_STATED until they say it (no kind is guessed).
ALTER TABLE apologies ADD COLUMN note TEXT;

CREATE TABLE awaited_apologies (
    id            INTEGER PRIMARY KEY,
    board_id      INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    person_id     INTEGER REFERENCES people (id),
    name          TEXT    NOT NULL,
    role          TEXT,
    note          TEXT,
    meeting_words TEXT    NOT NULL,  -- as the member named it: "the July Board"
    on_date       TEXT,              -- the day named (2027-07-08), when a day was named
    in_month      TEXT,              -- the month named (2027-07), when only a month was
    recording_id  INTEGER NOT NULL REFERENCES recordings (id),
    apology_id    INTEGER,           -- the apology made once the meeting was scheduled
    CHECK ((on_date IS NULL) <> (in_month IS NULL))
);
-- Only awaited apologies not yet attached are looked at when a meeting is scheduled.
CREATE INDEX awaited_apologies_open ON awaited_apologies (board_id) WHERE apology_id IS NULL;
CREATE INDEX awaited_apologies_recording ON awaited_apologies (recording_id);

-- SQLite cannot change a CHECK constraint, so declarations are rebuilt with the new kind and their indexes made
-- again. Nothing references declarations, so the rows move across unchanged (ids included).
CREATE TABLE declarations_v10 (
    id           INTEGER PRIMARY KEY,
    meeting_id   INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    person_id    INTEGER REFERENCES people (id),
    member       TEXT    NOT NULL,
    agenda_item  TEXT,
    kind         TEXT    NOT NULL CHECK (kind IN ('PERSONAL', 'PECUNIARY', 'PREJUDICIAL', 'OTHER', 'NOT_STATED')),
    interest     TEXT    NOT NULL,
    recording_id INTEGER NOT NULL REFERENCES recordings (id)
);
INSERT INTO declarations_v10 (id, meeting_id, person_id, member, agenda_item, kind, interest, recording_id)
SELECT id, meeting_id, person_id, member, agenda_item, kind, interest, recording_id FROM declarations;
DROP TABLE declarations;
ALTER TABLE declarations_v10 RENAME TO declarations;
CREATE INDEX declarations_meeting ON declarations (meeting_id);
CREATE INDEX declarations_recording ON declarations (recording_id);
