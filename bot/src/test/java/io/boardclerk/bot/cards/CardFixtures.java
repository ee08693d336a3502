package io.boardclerk.bot.cards;

import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.ActionUpdate;
import io.boardclerk.core.view.ActionLogView;
import io.boardclerk.core.view.ActionRow;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Read models built by hand, in the board's own style, for the renderers' tests. */
final class CardFixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private CardFixtures() {
    }

    static ActionRow row(int number, String text, ActionStatus status, LocalDate target, ActionUpdate... updates) {
        return new ActionRow(number, number, LocalDate.of(2026, 5, 16), "8.1", text, "Constabulary; Jo Grant",
                target == null ? "on-going" : CardText.date(target), target, List.of(updates), status, 3);
    }

    static ActionRow sickness(int number) {
        return row(number, "Chief Constable to report back to the July 2026 Board on the reasons for the increase in "
                        + "sickness levels across the Constabulary.", ActionStatus.ONGOING, LocalDate.of(2026, 7, 14),
                new ActionUpdate(LocalDate.of(2026, 9, 18), "Report delayed; the Chief Constable to report back to "
                        + "the Board in November 2026.", "Claire Dunmore"));
    }

    static ActionLogView view(List<ActionLogView.Section> sections) {
        int rows = sections.stream().mapToInt(s -> s.rows().size()).sum();
        return new ActionLogView(1, "Business Coordination Board", TODAY, null, "", "26 May 2027",
                new ActionLogView.Counts(rows, 1, 0, 0, 0), sections);
    }

    /** {@code count} open actions with long texts and long updates, spread over the four sections. */
    static ActionLogView big(int count) {
        List<List<ActionRow>> rows = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        for (int i = 1; i <= count; i++) {
            String text = "Constabulary to bring a report on the Safer Streets Project, action " + i + ", covering "
                    + "the neighbourhood prevention group, the estates strategy and the workforce plan, with costs, "
                    + "risks and a timetable for delivery agreed with the Office of the Police and Crime "
                    + "Commissioner (OPCC) and the Police and Crime Panel, before the next Board in May.";
            rows.get(i % 4).add(row(i, text, ActionStatus.OPEN, TODAY.plusDays(i % 90 - 45),
                    new ActionUpdate(TODAY.minusDays(i % 30), "A paper was initially requested for the September "
                            + "Board; the Assistant Chief Constable advised that further work is needed on the data "
                            + "and it will now come to the next Board with the full analysis.", "Claire Dunmore")));
        }
        ActionLogView.Kind[] kinds = {ActionLogView.Kind.OVERDUE, ActionLogView.Kind.DUE_AT_THIS_MEETING,
                ActionLogView.Kind.OTHER_OPEN, ActionLogView.Kind.CLOSED_SINCE_LAST_MEETING};
        List<ActionLogView.Section> sections = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            sections.add(new ActionLogView.Section(kinds[k], kinds[k].title(), rows.get(k)));
        }
        return view(sections);
    }
}
