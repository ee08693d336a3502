package io.boardclerk.core.clerk;

import io.boardclerk.core.port.LedgerStore;
import io.boardclerk.core.posting.ChatAddress;
import io.boardclerk.core.sharepoint.SharePointFolder;

import java.time.Instant;
import java.util.List;

/**
 * What is written beside the clerk's turns: how each board's conversation is reached (its Bot Connector service URL
 * and its Graph address), who added BoardClerk, a SharePoint folder found after a turn, and withdrawn download
 * links. Each is one named write in one transaction, so the bot never opens a write transaction of its own.
 */
public final class Bookkeeping {

    private final LedgerStore store;

    public Bookkeeping(LedgerStore store) {
        this.store = store;
    }

    /** Keeps the service URL of the board in this conversation; false when BoardClerk keeps no board there. */
    public boolean keepServiceUrl(String tenantId, String conversationId, String url) {
        return store.inTransaction(ledger -> ledger.findBoard(tenantId, conversationId).map(board -> {
            if (!url.equals(ledger.serviceUrl(board.id()).orElse(null))) {
                ledger.setServiceUrl(board.id(), url);
            }
            return true;
        }).orElse(false));
    }

    /** Keeps the Graph address of the board in this conversation; false when BoardClerk keeps no board there. */
    public boolean keepChatAddress(String tenantId, String conversationId, ChatAddress address, Instant at) {
        return store.inTransaction(ledger -> ledger.findBoard(tenantId, conversationId).map(board -> {
            if (!address.equals(ledger.chatAddress(board.id()).orElse(null))) {
                ledger.setChatAddress(board.id(), address, at);
            }
            return true;
        }).orElse(false));
    }

    /** Notes who added BoardClerk to each of {@code places} (a conversation and, for a channel, its team). */
    public void noteInstaller(String tenantId, List<String> places, String aadObjectId, Instant at) {
        store.inTransaction(ledger -> {
            for (String place : places) {
                ledger.addInstaller(tenantId, place, aadObjectId, at);
            }
            return null;
        });
    }

    /** Keeps {@code folder} as the board's SharePoint folder (found through Graph after the turn). */
    public void keepSharePointFolder(long boardId, SharePointFolder folder) {
        store.inTransaction(ledger -> {
            ledger.setSharePointFolder(boardId, folder);
            return null;
        });
    }

    /** Withdraws every download link of the board made before {@code before}; false when there is no such board. */
    public boolean revokeLinks(long boardId, Instant before) {
        return store.inTransaction(ledger -> {
            if (ledger.board(boardId).isEmpty()) {
                return false;
            }
            ledger.revokeLinks(boardId, before);
            return true;
        });
    }
}
