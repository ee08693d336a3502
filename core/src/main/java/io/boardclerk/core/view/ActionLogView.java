package io.boardclerk.core.view;

import java.time.LocalDate;
import java.util.List;

/**
 * The chair's summary of a board's action log: counts, then sections (overdue, due at this meeting, other open,
 * closed since the last meeting), each in number order.
 *
 * @param filter   how the log was narrowed, in words ("overdue", "owner Constabulary"), null for the whole log
 * @param query    the words that produce this view again (for a "More" button): "", "overdue", "owner Constabulary"
 * @param meeting  the meeting "due at this meeting" refers to, in words ("26 May 2026"), null when none is known
 */
public record ActionLogView(long boardId, String boardName, LocalDate asOf, String filter, String query,
                            String meeting, Counts counts, List<Section> sections) {

    public ActionLogView {
        sections = List.copyOf(sections);
    }

    public record Counts(int open, int overdue, int dueThisMeeting, int awaitingClosure, int closedSinceLastMeeting) {
    }

    public enum Kind {
        OVERDUE("Overdue"),
        DUE_AT_THIS_MEETING("Due at this meeting"),
        OTHER_OPEN("Other open"),
        CLOSED_SINCE_LAST_MEETING("Closed since the last meeting"),
        /** A person's actions on one board, in their personal chat ("my actions"). */
        BOARD("Board");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** @param title the heading shown; for {@link Kind#BOARD} the board's name */
    public record Section(Kind kind, String title, List<ActionRow> rows) {
        public Section {
            rows = List.copyOf(rows);
        }
    }

    public int rowCount() {
        return sections.stream().mapToInt(s -> s.rows().size()).sum();
    }
}
