package io.boardclerk.core.model;

import java.util.Locale;
import java.util.Optional;

/** The nature of a declared interest. */
public enum InterestKind {
    PERSONAL, PECUNIARY, PREJUDICIAL, OTHER;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
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
