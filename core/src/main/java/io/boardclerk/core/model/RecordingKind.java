package io.boardclerk.core.model;

/** What a recording recorded; the undoable kinds are the ones {@code undo} can take back. */
public enum RecordingKind {
    APOLOGIES("apologies"),
    DECLARATION("a declaration of interest"),
    NO_DECLARATIONS("no declarations of interest"),
    ACTION("an action"),
    OTHER("a change");

    private final String description;

    RecordingKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
