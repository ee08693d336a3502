-- Who may hold office on a board. Teams marks guests (userRole guest) and people of another organisation (a roster
-- tenant other than the board's); anonymous participants have no Entra object id. None of them may be chair or
-- secretary.
ALTER TABLE people ADD COLUMN outsider INTEGER NOT NULL DEFAULT 0;

-- Who added BoardClerk to a conversation, as Teams names them (the installationUpdate, or the conversationUpdate that
-- adds the bot): the person Teams vouches for, who may appoint a board's first chair or secretary.
CREATE TABLE installers (
    tenant_id       TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    aad_object_id   TEXT NOT NULL,
    added_at        TEXT NOT NULL,
    PRIMARY KEY (tenant_id, conversation_id, aad_object_id)
);

-- A board's download links issued at or before this instant are refused (java -jar boardclerk.jar revoke-links).
CREATE TABLE link_revocations (
    board_id       INTEGER PRIMARY KEY REFERENCES boards (id),
    revoked_before TEXT NOT NULL
);
