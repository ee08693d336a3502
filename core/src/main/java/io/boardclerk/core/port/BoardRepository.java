package io.boardclerk.core.port;

import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.BoardRole;

import java.util.List;
import java.util.Optional;

public interface BoardRepository {

    Optional<Board> findBoard(String tenantId, String conversationId);

    Optional<Board> board(long boardId);

    Board createBoard(String tenantId, String conversationId, String name);

    void renameBoard(long boardId, String name, boolean byUser);

    void setOfficer(long boardId, BoardRole role, long personId);

    List<Board> boards();

    /** The board's protective marking ("OFFICIAL", "OFFICIAL-SENSITIVE", "PROTECT"); empty for none. */
    Optional<String> marking(long boardId);

    void setMarking(long boardId, String marking);

    /**
     * Where the Bot Connector of the board's conversation answers, as last seen on an activity from it; empty until
     * one arrives. Messages the bot starts itself (confirmations of what was done in the meeting side panel) go there.
     */
    Optional<String> serviceUrl(long boardId);

    void setServiceUrl(long boardId, String serviceUrl);

    /** Withdraws every download link of the board issued at or before {@code before}. */
    void revokeLinks(long boardId, java.time.Instant before);

    /** When the board's download links were last withdrawn: links issued at or before it are refused. */
    Optional<java.time.Instant> linksRevokedBefore(long boardId);

    /** Notes that the person with this Entra object id added BoardClerk to the conversation. */
    void addInstaller(String tenantId, String conversationId, String aadObjectId, java.time.Instant at);

    /** Whether the person with this Entra object id added BoardClerk to the conversation. */
    boolean isInstaller(String tenantId, String conversationId, String aadObjectId);

    /** The boards of one tenant whose roster holds this Teams user. */
    List<Board> boardsOnRoster(String tenantId, String teamsId);
}
