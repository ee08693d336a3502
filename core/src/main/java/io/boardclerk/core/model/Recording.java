package io.boardclerk.core.model;

import java.time.Instant;

/** One act of recording (a message that recorded apologies, a declaration, an action ...), kept so it can be undone. */
public record Recording(long id, long boardId, RecordingKind kind, Source source, Instant undoneAt) {
}
