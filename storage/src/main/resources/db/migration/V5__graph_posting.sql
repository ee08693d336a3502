-- Posting the action-log summary through Microsoft Graph (#5, part A).

-- Where Graph finds a board's conversation: a channel is addressed by its team (the Microsoft 365 group id Teams
-- sends as channelData.team.aadGroupId) and channel id; a group or meeting chat by its chat id (team_id NULL).
CREATE TABLE graph_chat_addresses (
    board_id   INTEGER PRIMARY KEY REFERENCES boards (id) ON DELETE CASCADE,
    team_id    TEXT,
    thread_id  TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- The weekly posting of a board's action-log summary, on one day at 09:00 in the board's zone.
CREATE TABLE action_log_schedules (
    board_id    INTEGER PRIMARY KEY REFERENCES boards (id) ON DELETE CASCADE,
    day_of_week TEXT NOT NULL CHECK (day_of_week IN ('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY',
                                                     'SATURDAY', 'SUNDAY')),
    zone        TEXT NOT NULL DEFAULT 'Europe/London',
    set_by      TEXT,
    set_at      TEXT NOT NULL
);

-- One row per post made on schedule, claimed in a transaction before posting: the key makes each board's post of a
-- date happen at most once, across restarts and however often the scheduler looks.
CREATE TABLE action_log_posts (
    board_id   INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    post_date  TEXT    NOT NULL,
    claimed_at TEXT    NOT NULL,
    outcome    TEXT,
    PRIMARY KEY (board_id, post_date)
) WITHOUT ROWID;
