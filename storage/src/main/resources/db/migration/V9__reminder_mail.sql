-- Reminders e-mailed to owners BoardClerk cannot reach in Teams (#5, "People"). A delivery that Teams refused (no
-- Teams identity, app not installed, bot blocked) but that went out by e-mail through Microsoft Graph ends MAILED
-- instead of UNDELIVERABLE, with last_error saying why Teams could not take it and sent_at when it was e-mailed. The
-- address is not kept: it is personal data the directory already holds, and the secretary needs to know that the
-- owner was e-mailed, not where.
--
-- SQLite cannot change a CHECK constraint, so the table is rebuilt with the new state and its indexes made again.
-- Flyway's connection does not enforce foreign keys, and nothing references reminder_deliveries, so the rows move
-- across unchanged (ids included).
CREATE TABLE reminder_deliveries_v9 (
    id            INTEGER PRIMARY KEY,
    reminder_id   INTEGER NOT NULL REFERENCES reminders (id) ON DELETE CASCADE,
    board_id      INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    person_id     INTEGER REFERENCES people (id) ON DELETE SET NULL,
    recipient     TEXT    NOT NULL,  -- the person's name when the delivery was made
    state         TEXT    NOT NULL CHECK (state IN ('PENDING', 'CLAIMED', 'SENDING', 'SENT', 'RETRY', 'DEAD', 'UNDELIVERABLE',
                                                    'IN_DOUBT', 'CANCELLED', 'MAILED')),
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
INSERT INTO reminder_deliveries_v9 (id, reminder_id, board_id, person_id, recipient, state, attempts, next_at,
                                    lease_until, last_error, sent_at, conversation_id, message_id, updated_at)
SELECT id, reminder_id, board_id, person_id, recipient, state, attempts, next_at, lease_until, last_error, sent_at,
       conversation_id, message_id, updated_at
FROM reminder_deliveries;
DROP TABLE reminder_deliveries;
ALTER TABLE reminder_deliveries_v9 RENAME TO reminder_deliveries;

CREATE INDEX reminder_deliveries_due ON reminder_deliveries (next_at) WHERE state IN ('PENDING', 'RETRY');
CREATE INDEX reminder_deliveries_leased ON reminder_deliveries (lease_until) WHERE state IN ('CLAIMED', 'SENDING');
CREATE INDEX reminder_deliveries_board ON reminder_deliveries (board_id, state, updated_at)
    WHERE state IN ('SENT', 'UNDELIVERABLE', 'DEAD', 'IN_DOUBT', 'MAILED');
