package io.boardclerk.storage;

import io.boardclerk.core.model.Board;
import io.boardclerk.core.sharepoint.SharePointFolder;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The board's SharePoint folder (V7) on a real SQLite file. */
class SharePointOnSqliteTest extends LedgerStoreTestSupport {

    static final SharePointFolder MINUTES = new SharePointFolder(
            "https://fenshire.sharepoint.com/sites/Board/Shared%20Documents/Minutes", "b!drive", "01MIN", "Minutes",
            "https://fenshire.sharepoint.com/sites/Board/Shared%20Documents/Minutes", "Claire Dunmore", T0);

    @Test
    void a_folder_is_kept_per_board_replaced_and_forgotten() {
        Board board = newBoard("19:a@thread.v2");
        Board other = newBoard("19:b@thread.v2");

        writeDo(l -> l.setSharePointFolder(board.id(), MINUTES));

        assertEquals(Optional.of(MINUTES), read(l -> l.sharePointFolder(board.id())));
        assertTrue(read(l -> l.sharePointFolder(other.id())).isEmpty(), "boards kept apart");
        SharePointFolder papers = new SharePointFolder("https://fenshire.sharepoint.com/sites/Board/Papers", "b!drive",
                "01PAP", "Papers", "https://fenshire.sharepoint.com/sites/Board/Papers", "Helen Marsh",
                T0.plusSeconds(60));
        writeDo(l -> l.setSharePointFolder(board.id(), papers));
        assertEquals(Optional.of(papers), read(l -> l.sharePointFolder(board.id())));
        assertTrue((boolean) write(l -> l.clearSharePointFolder(board.id())));
        assertFalse((boolean) write(l -> l.clearSharePointFolder(board.id())));
        assertTrue(read(l -> l.sharePointFolder(board.id())).isEmpty());
    }

    @Test
    void a_failed_transaction_keeps_nothing() {
        Board board = newBoard("19:c@thread.v2");

        assertThrows(IllegalStateException.class, () -> writeDo(l -> {
            l.setSharePointFolder(board.id(), MINUTES);
            throw new IllegalStateException("refused");
        }));

        assertTrue(read(l -> l.sharePointFolder(board.id())).isEmpty());
    }
}
