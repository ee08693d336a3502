-- Following a board's meeting series in its organiser's Outlook calendar (issue #5, "Calendar").

-- A meeting cancelled in the calendar after something was recorded at it (apologies sent ahead, say): kept, so
-- nothing recorded is lost, but out of the board's schedule. Meetings with nothing recorded are removed instead.
ALTER TABLE meetings ADD COLUMN cancelled_at TEXT;

-- The calendar a board follows: the organiser's address, the series' subject (NULL: the board's name), and when it
-- is next read by itself (epoch milliseconds, comparable as numbers).
CREATE TABLE calendar_follows (
    board_id       INTEGER PRIMARY KEY REFERENCES boards (id) ON DELETE CASCADE,
    organiser      TEXT    NOT NULL,
    series         TEXT,
    set_by         TEXT,
    set_at         TEXT    NOT NULL,
    next_sync_at   INTEGER NOT NULL,
    last_synced_at TEXT,
    problem        TEXT
);
CREATE INDEX calendar_follows_due ON calendar_follows (next_sync_at);

-- Which calendar event (occurrence) each synced meeting came from: a re-sync updates the meeting rather than adding
-- another.
CREATE TABLE calendar_events (
    board_id   INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    event_id   TEXT    NOT NULL,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    PRIMARY KEY (board_id, event_id)
) WITHOUT ROWID;
CREATE INDEX calendar_events_meeting ON calendar_events (meeting_id);
