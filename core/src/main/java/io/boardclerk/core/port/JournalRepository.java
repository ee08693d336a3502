package io.boardclerk.core.port;

import io.boardclerk.core.model.Recording;
import io.boardclerk.core.model.RecordingKind;
import io.boardclerk.core.model.Source;

import java.time.Instant;
import java.util.Optional;

/** Which activities were handled, and the source of every recording. */
public interface JournalRepository {

    /** Claims an activity id for a conversation; false when it was claimed before (a redelivery). */
    boolean claimActivity(String conversationId, String activityId, Instant at);

    long addRecording(long boardId, RecordingKind kind, Source source);

    /** The sender's most recent recording on the board that can still be undone. */
    Optional<Recording> lastUndoableRecording(long boardId, String senderTeamsId);

    void markUndone(long recordingId, Instant at);

    /** Deletes the apologies, declarations, "no declarations" mark and actions that a recording made. */
    void deleteRecordedItems(long recordingId);

    /** Remembers a question the bot asked the sender, to be answered by their next message. */
    void savePendingQuestion(long boardId, String senderTeamsId, String payload, Instant at);

    Optional<String> pendingQuestion(long boardId, String senderTeamsId);

    void clearPendingQuestion(long boardId, String senderTeamsId);
}
