package io.boardclerk.core.view;

import java.time.LocalDate;
import java.util.List;

/**
 * The whole action log of a board for a document export (CSV, Word): every action, open and closed, by number.
 * The header names the board and the date.
 */
public record ActionLogDocument(long boardId, String boardName, LocalDate asOf, String marking,
                                List<ActionRow> rows) {

    public ActionLogDocument {
        rows = List.copyOf(rows);
    }

    /** The board's own column headings, in order. */
    public static final List<String> COLUMNS = List.of("ACTION NO.", "MEETING DATE RAISED", "MEETING AGENDA ITEM",
            "ACTION", "OWNER", "TARGET DATE", "UPDATE", "UPDATE DATE", "STATUS");
}
