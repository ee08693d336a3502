package io.boardclerk.core.port;

import io.boardclerk.core.sharepoint.SharePointFolder;

import java.util.Optional;

/** The SharePoint folder each board's documents are uploaded to (V7). */
public interface SharePointRepository {

    Optional<SharePointFolder> sharePointFolder(long boardId);

    /** Sets or replaces the board's folder. */
    void setSharePointFolder(long boardId, SharePointFolder folder);

    /** True when there was a folder to forget. */
    boolean clearSharePointFolder(long boardId);
}
