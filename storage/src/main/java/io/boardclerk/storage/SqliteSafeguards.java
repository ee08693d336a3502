package io.boardclerk.storage;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Who added BoardClerk to a conversation (V11: they may appoint its first officers), and the download links a board
 * has revoked.
 */
final class SqliteSafeguards {

    private final Sql sql;

    SqliteSafeguards(Sql sql) {
        this.sql = sql;
    }

    void revokeLinks(long boardId, Instant before) {
        sql.update("INSERT INTO link_revocations (board_id, revoked_before) VALUES (?, ?) ON CONFLICT (board_id)"
                + " DO UPDATE SET revoked_before = excluded.revoked_before", boardId, before);
    }

    Optional<Instant> linksRevokedBefore(long boardId) {
        return sql.one("SELECT revoked_before FROM link_revocations WHERE board_id = ?",
                row -> Sql.instant(row, 1), boardId);
    }

    void addInstaller(String tenantId, String conversationId, String aadObjectId, Instant at) {
        sql.update("INSERT INTO installers (tenant_id, conversation_id, aad_object_id, added_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", tenantId, conversationId,
                aadObjectId.toLowerCase(Locale.ROOT), at);
    }

    boolean isInstaller(String tenantId, String conversationId, String aadObjectId) {
        return aadObjectId != null && sql.one("SELECT 1 FROM installers WHERE tenant_id = ? AND conversation_id = ?"
                + " AND aad_object_id = ?", row -> true, tenantId, conversationId,
                aadObjectId.toLowerCase(Locale.ROOT)).orElse(false);
    }
}
