package io.boardclerk.storage;

import io.boardclerk.core.port.SharePointRepository;
import io.boardclerk.core.sharepoint.SharePointFolder;

import java.time.Instant;
import java.util.Optional;

/** The SharePoint folders table (V7) on the ledger's connection: the ledger delegates to this. */
final class SqliteSharePoint implements SharePointRepository {

    private final Sql sql;

    SqliteSharePoint(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<SharePointFolder> sharePointFolder(long boardId) {
        return sql.one("SELECT url, drive_id, item_id, name, web_url, set_by, set_at FROM sharepoint_folders"
                        + " WHERE board_id = ?", row -> new SharePointFolder(row.getString(1), row.getString(2),
                        row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                        Sql.instant(row, 7)), boardId);
    }

    @Override
    public void setSharePointFolder(long boardId, SharePointFolder folder) {
        sql.update("INSERT INTO sharepoint_folders (board_id, url, drive_id, item_id, name, web_url, set_by, set_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (board_id) DO UPDATE SET url = excluded.url,"
                + " drive_id = excluded.drive_id, item_id = excluded.item_id, name = excluded.name,"
                + " web_url = excluded.web_url, set_by = excluded.set_by, set_at = excluded.set_at", boardId,
                folder.url(), folder.driveId(), folder.itemId(), folder.name(), folder.webUrl(), folder.setBy(),
                folder.setAt().toString());
    }

    @Override
    public boolean clearSharePointFolder(long boardId) {
        return sql.update("DELETE FROM sharepoint_folders WHERE board_id = ?", boardId) > 0;
    }
}
