package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.MeetingStatus;
import io.boardclerk.core.model.Owner;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.port.Ledger;
import io.boardclerk.core.parse.BritishDates;
import io.boardclerk.core.roster.Match;
import io.boardclerk.core.roster.RosterMatcher;
import io.boardclerk.core.view.ActionLogView;
import io.boardclerk.core.view.ActionLogView.Kind;
import io.boardclerk.core.view.ActionLogView.Section;
import io.boardclerk.core.view.ActionRow;
import io.boardclerk.core.view.Views;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The chair's summary of the action log, its filters, and a person's own actions. */
final class ActionLogs {

    private static final List<ActionStatus> OPEN = List.of(ActionStatus.OPEN, ActionStatus.ONGOING,
            ActionStatus.COMPLETE);

    private ActionLogs() {
    }

    static String log(Desk desk, Command.ActionLog command) {
        Predicate<ActionItem> owned = a -> true;
        String filter = null;
        String query = "";
        if (command.owner() != null) {
            owned = ownedBy(desk, command.owner());
            filter = "owner " + command.owner();
            query = filter;
        }
        if (command.overdueOnly()) {
            filter = "overdue";
            query = "overdue";
        }
        ActionLogView view = view(desk.ledger(), desk.board(), desk.today(), desk.currentOrNextMeeting(), owned,
                command.overdueOnly(), filter, query);
        if (view.rowCount() == 0) {
            return command.overdueOnly() ? "No actions of " + Md.esc(desk.board().name()) + " are overdue."
                    : command.owner() != null ? "No open actions of " + Md.esc(desk.board().name()) + " belong to "
                    + Md.esc(command.owner()) + "." : "The action log of " + Md.esc(desk.board().name())
                    + " has no open actions.";
        }
        desk.show(new Card.ActionLog(view, 0));
        return "";
    }

    /** "my actions" in a board's conversation: the sender's own, on this board. */
    static String mine(Desk desk, Command.MyActions command) {
        Predicate<ActionItem> mine = desk::senderOwns;
        ActionLogView view = view(desk.ledger(), desk.board(), desk.today(), desk.currentOrNextMeeting(), mine, false,
                "my actions (" + desk.sender().name() + ")", "my");
        if (view.rowCount() == 0) {
            return "You have no open actions on " + Md.esc(desk.board().name()) + ".";
        }
        desk.show(new Card.ActionLog(view, 0));
        return "";
    }

    /** "my actions" in a personal chat: every board the person sits on, grouped by board. */
    static Reply mineEverywhere(Ledger ledger, Turn turn, LocalDate today) {
        List<Board> boards = ledger.boardsOnRoster(turn.conversation().tenantId(), turn.sender().teamsId());
        List<Section> sections = new ArrayList<>();
        int open = 0;
        int overdue = 0;
        int awaiting = 0;
        for (Board board : boards) {
            Optional<Person> me = ledger.personByTeamsId(board.id(), turn.sender().teamsId());
            if (me.isEmpty()) {
                continue;
            }
            long personId = me.get().id();
            Map<String, List<Long>> members = new java.util.HashMap<>();
            List<ActionRow> rows = ledger.actions(board.id(), OPEN).stream()
                    .filter(a -> a.isOwnedBy(personId) || a.owners().stream().filter(Owner::body)
                            .anyMatch(o -> members.computeIfAbsent(o.name(), n -> ledger.bodyMembers(board.id(), n))
                                    .contains(personId)))
                    .map(Views::row).toList();
            if (!rows.isEmpty()) {
                sections.add(new Section(Kind.BOARD, board.name(), rows));
                open += rows.size();
                overdue += (int) rows.stream().filter(r -> isOverdue(r, today)).count();
                awaiting += (int) rows.stream().filter(r -> r.status() == ActionStatus.COMPLETE).count();
            }
        }
        if (sections.isEmpty()) {
            return new Reply(boards.isEmpty() ? "I don't know you as a member of any board yet."
                    : "You have no open actions on any of your boards.");
        }
        ActionLogView view = new ActionLogView(0, "Your actions", today, "my actions (" + turn.sender().name() + ")",
                "my", null, new ActionLogView.Counts(open, overdue, 0, awaiting, 0), sections);
        return new Reply("", List.of(new Card.ActionLog(view, 0)));
    }

    static ActionLogView view(Ledger ledger, Board board, LocalDate today, Optional<Meeting> meeting,
                              Predicate<ActionItem> include, boolean overdueOnly, String filter, String query) {
        Map<Kind, List<ActionRow>> sections = new EnumMap<>(Kind.class);
        for (Kind kind : List.of(Kind.OVERDUE, Kind.DUE_AT_THIS_MEETING, Kind.OTHER_OPEN,
                Kind.CLOSED_SINCE_LAST_MEETING)) {
            sections.put(kind, new ArrayList<>());
        }
        LocalDate meetingDate = meeting.map(Meeting::date).orElse(null);
        LocalDate since = lastMeetingBefore(ledger, board.id(), meeting.map(Meeting::id).orElse(null), today);
        Map<Long, LocalDate> closedOn = ledger.closedOn(board.id());
        int awaiting = 0;
        for (ActionItem a : ledger.actions(board.id())) {
            if (!include.test(a)) {
                continue;
            }
            ActionRow row = Views.row(a);
            if (a.status() == ActionStatus.CLOSED) {
                LocalDate closed = closedOn.get(a.id());
                if (closed != null && (since == null || !closed.isBefore(since))) {
                    sections.get(Kind.CLOSED_SINCE_LAST_MEETING).add(row);
                }
                continue;
            }
            if (a.status() == ActionStatus.COMPLETE) {
                awaiting++;
            }
            if (isOverdue(row, today)) {
                sections.get(Kind.OVERDUE).add(row);
            } else if (a.status() == ActionStatus.COMPLETE || meetingDate != null && a.target().date() != null
                    && !a.target().date().isAfter(meetingDate)) {
                sections.get(Kind.DUE_AT_THIS_MEETING).add(row);
            } else {
                sections.get(Kind.OTHER_OPEN).add(row);
            }
        }
        int overdue = sections.get(Kind.OVERDUE).size();
        int due = sections.get(Kind.DUE_AT_THIS_MEETING).size();
        int open = overdue + due + sections.get(Kind.OTHER_OPEN).size();
        int closed = sections.get(Kind.CLOSED_SINCE_LAST_MEETING).size();
        List<Section> out = new ArrayList<>();
        for (Map.Entry<Kind, List<ActionRow>> e : sections.entrySet()) {
            if (overdueOnly && e.getKey() != Kind.OVERDUE) {
                continue;
            }
            if (!e.getValue().isEmpty()) {
                String title = e.getKey() == Kind.DUE_AT_THIS_MEETING && meetingDate != null
                        ? e.getKey().title() + " (" + BritishDates.format(meetingDate) + ")" : e.getKey().title();
                out.add(new Section(e.getKey(), title, e.getValue()));
            }
        }
        return new ActionLogView(board.id(), board.name(), today, filter, query,
                meetingDate == null ? null : BritishDates.formatLong(meetingDate),
                new ActionLogView.Counts(open, overdue, due, awaiting, closed), out);
    }

    static boolean isOverdue(ActionRow row, LocalDate today) {
        return (row.status() == ActionStatus.OPEN || row.status() == ActionStatus.ONGOING) && row.targetDate() != null
                && row.targetDate().isBefore(today);
    }

    /** The date of the last meeting held before the current one (or before today), null when none was. */
    private static LocalDate lastMeetingBefore(Ledger ledger, long boardId, Long currentId, LocalDate today) {
        return ledger.meetings(boardId).stream()
                .filter(m -> m.status() == MeetingStatus.CLOSED && (currentId == null || m.id() != currentId)
                        && m.date().isBefore(today.plusDays(1)))
                .map(Meeting::date).max(Comparator.naturalOrder()).orElse(null);
    }

    /** Actions owned by the words: a person on the roster (directly or through a body), or an owner by name. */
    private static Predicate<ActionItem> ownedBy(Desk desk, String words) {
        String wanted = RosterMatcher.normal(words.replaceFirst("(?i)^the\\s+", ""));
        Match match = desk.roster().match(words);
        Long personId = match instanceof Match.Unique unique ? unique.person().id() : null;
        return a -> a.owners().stream().anyMatch(o -> RosterMatcher.normal(o.name()).equals(wanted)
                || personId != null && (o.personId() != null && o.personId().equals(personId)
                || o.body() && desk.bodyMembers(o.name()).contains(personId)));
    }
}
