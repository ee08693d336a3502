package io.boardclerk.core.model;

import java.util.Locale;

/** Where an action stands in the board's log. */
public enum ActionStatus {
    OPEN, ONGOING, COMPLETE, CLOSED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
