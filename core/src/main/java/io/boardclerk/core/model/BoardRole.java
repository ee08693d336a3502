package io.boardclerk.core.model;

/** The two offices a board needs BoardClerk to know about. */
public enum BoardRole {
    CHAIR("chair"), SECRETARY("secretary");

    private final String word;

    BoardRole(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
