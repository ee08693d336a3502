-- Reminders to action owners (#4). A reminder is one message owed: what it is about (an action, a meeting's
-- digest, a board's escalation digest), its kind and the instant it falls due. That triple identifies it: it is
-- planned in the same transaction as the change that causes it (recording, re-targeting, reassigning, closing an
-- action, moving a meeting, changing the policy), so a change takes effect at once. When it falls due it is
-- expanded into one delivery per person who should receive it; each delivery is sent at most once.

-- The board's reminder policy; a board without a row has the defaults.
CREATE TABLE reminder_policies (
    board_id             INTEGER PRIMARY KEY REFERENCES boards (id) ON DELETE CASCADE,
    days_before          TEXT    NOT NULL DEFAULT '7,0',  -- days before the target, 0 = on the day; '' = none
    overdue_every_days   INTEGER NOT NULL DEFAULT 7,      -- 0 = no overdue reminders
    digest_working_days  INTEGER NOT NULL DEFAULT 5,      -- working days before a meeting; 0 = no digest
    escalate_after_days  INTEGER NOT NULL DEFAULT 14,     -- 0 = no escalation to the chair
    zone                 TEXT    NOT NULL DEFAULT 'Europe/London',
    set_by               TEXT,
    set_at               TEXT
);

CREATE TABLE reminders (
    id          INTEGER PRIMARY KEY,
    board_id    INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('BEFORE', 'DUE', 'OVERDUE', 'DIGEST', 'ESCALATION', 'SNOOZE')),
    subject     TEXT    NOT NULL,  -- 'action:<id>', 'action:<id>:person:<id>' (snooze), 'meeting:<id>', 'board:<id>'
    action_id   INTEGER REFERENCES actions (id) ON DELETE CASCADE,
    meeting_id  INTEGER REFERENCES meetings (id) ON DELETE CASCADE,
    person_id   INTEGER REFERENCES people (id) ON DELETE CASCADE,  -- only for a snooze: who asked for it
    due_at      TEXT    NOT NULL,  -- ISO-8601 UTC instant, inside the board's delivery window when planned
    state       TEXT    NOT NULL CHECK (state IN ('PENDING', 'EXPANDED', 'CANCELLED', 'SKIPPED')),
    planned_at  TEXT    NOT NULL,
    ended_at    TEXT,              -- when it was expanded, cancelled or skipped
    note        TEXT,              -- why it was cancelled or skipped
    UNIQUE (subject, kind, due_at)
);
-- The sweep reads only what is due: its cost follows the number due, not the number of actions stored.
CREATE INDEX reminders_pending_due ON reminders (due_at) WHERE state = 'PENDING';
CREATE INDEX reminders_action ON reminders (action_id) WHERE action_id IS NOT NULL;
CREATE INDEX reminders_meeting ON reminders (meeting_id) WHERE meeting_id IS NOT NULL;
-- What `reminders status` lists: partial, so a sweep's writes touch them only where a reminder or delivery ends up
-- (planned, sent, given up), never on every change of state, and one board's entries sit together.
CREATE INDEX reminders_board_pending ON reminders (board_id, due_at) WHERE state = 'PENDING';

-- One message to one person. A sweep claims deliveries in a batch (CLAIMED, with a lease) and marks each SENDING, one
-- at a time, just before it goes out. A CLAIMED delivery whose lease ran out was never sent: it is claimed again. A
-- SENDING delivery whose lease ran out without an outcome (the
-- process died while sending) becomes IN_DOUBT and is never sent again; the secretary sees it.
CREATE TABLE reminder_deliveries (
    id            INTEGER PRIMARY KEY,
    reminder_id   INTEGER NOT NULL REFERENCES reminders (id) ON DELETE CASCADE,
    board_id      INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    person_id     INTEGER REFERENCES people (id) ON DELETE SET NULL,
    recipient     TEXT    NOT NULL,  -- the person's name when the delivery was made
    state         TEXT    NOT NULL CHECK (state IN ('PENDING', 'CLAIMED', 'SENDING', 'SENT', 'RETRY', 'DEAD', 'UNDELIVERABLE',
                                                    'IN_DOUBT', 'CANCELLED')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    next_at       TEXT    NOT NULL,
    lease_until   TEXT,
    last_error    TEXT,
    sent_at       TEXT,
    conversation_id TEXT,
    message_id    TEXT,
    updated_at    TEXT    NOT NULL,
    UNIQUE (reminder_id, person_id)
);
CREATE INDEX reminder_deliveries_due ON reminder_deliveries (next_at) WHERE state IN ('PENDING', 'RETRY');
CREATE INDEX reminder_deliveries_leased ON reminder_deliveries (lease_until) WHERE state IN ('CLAIMED', 'SENDING');
CREATE INDEX reminder_deliveries_board ON reminder_deliveries (board_id, state, updated_at)
    WHERE state IN ('SENT', 'UNDELIVERABLE', 'DEAD', 'IN_DOUBT');

-- The personal conversation between the bot and a person, once created or first seen: the conversation
-- reference proactive messages need, kept here rather than in memory.
CREATE TABLE personal_conversations (
    tenant_id       TEXT NOT NULL,
    user_key        TEXT NOT NULL,  -- the Teams user id (29:...) or, before one is known, the Entra object id
    conversation_id TEXT NOT NULL,
    service_url     TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    PRIMARY KEY (tenant_id, user_key)
) WITHOUT ROWID;
