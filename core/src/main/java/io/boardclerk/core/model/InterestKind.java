package io.boardclerk.core.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The nature of a declared interest. {@link #NOT_STATED} is kept when the member did not say which: BoardClerk
 * never guesses a kind, and offers the kinds as buttons instead.
 */
public enum InterestKind {
    PERSONAL, PECUNIARY, PREJUDICIAL, OTHER, NOT_STATED;

    /** The kinds a member can name. */
    public static final List<InterestKind> NAMED = List.of(PERSONAL, PECUNIARY, PREJUDICIAL, OTHER);

    public String word() {
        return this == NOT_STATED ? "not stated" : name().toLowerCase(Locale.ROOT);
    }

    /** How the minutes name it: "a personal interest", "an interest" (kind other), "an interest (kind not stated)". */
    public String phrase() {
        return switch (this) {
            case OTHER -> "an interest";
            case NOT_STATED -> "an interest (kind not stated)";
            default -> "a " + word() + " interest";
        };
    }

    public static Optional<InterestKind> fromWord(String word) {
        if (word == null) {
            return Optional.empty();
        }
        for (InterestKind kind : values()) {
            if (kind.word().equalsIgnoreCase(word.trim())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
