-- A board's SharePoint folder for its minutes drafts and action logs (#5, files).

-- Kept by Graph's drive and item ids, which survive renames; the address as set and as Graph gave it, for showing.
CREATE TABLE sharepoint_folders (
    board_id INTEGER PRIMARY KEY REFERENCES boards (id) ON DELETE CASCADE,
    url      TEXT NOT NULL,
    drive_id TEXT NOT NULL,
    item_id  TEXT NOT NULL,
    name     TEXT NOT NULL,
    web_url  TEXT NOT NULL,
    set_by   TEXT,
    set_at   TEXT NOT NULL
);
