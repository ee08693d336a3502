package io.boardclerk.graph;

import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.ActionUpdate;
import io.boardclerk.core.view.ActionLogView;
import io.boardclerk.core.view.ActionRow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Action-log views for the tests: invented boards, people and actions. */
final class Views {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private Views() {
    }

    static ActionRow row(int number, String text, String owners, String update) {
        return new ActionRow(number, number, LocalDate.of(2026, 9, 10), "5." + number, text, owners,
                "the next Board (26/05/2027)", LocalDate.of(2027, 5, 26),
                update == null ? List.of() : List.of(new ActionUpdate(LocalDate.of(2026, 11, 1), update,
                        "Claire Dunmore")), ActionStatus.OPEN, 1);
    }

    static ActionLogView view(String board, List<ActionRow> overdue, List<ActionRow> open) {
        List<ActionLogView.Section> sections = new ArrayList<>();
        if (!overdue.isEmpty()) {
            sections.add(new ActionLogView.Section(ActionLogView.Kind.OVERDUE, "Overdue", overdue));
        }
        if (!open.isEmpty()) {
            sections.add(new ActionLogView.Section(ActionLogView.Kind.OTHER_OPEN, "Other open", open));
        }
        return new ActionLogView(1, board, TODAY, null, "", null,
                new ActionLogView.Counts(overdue.size() + open.size(), overdue.size(), 0, 0, 0), sections);
    }

    /** A log of {@code count} actions, each with a long text and update. */
    static ActionLogView big(int count) {
        List<ActionRow> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rows.add(row(i, "Bring a report on the Safer Streets project, phase " + i + ", to the Board. "
                    .repeat(6), "Constabulary; Jon Leigh", "Work is under way with the partners. ".repeat(8)));
        }
        return view("Fenshire Police and Crime Board", List.of(), rows);
    }
}
