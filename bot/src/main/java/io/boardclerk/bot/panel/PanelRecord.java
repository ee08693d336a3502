package io.boardclerk.bot.panel;

import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.ActionUpdate;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.MeetingStatus;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.parse.BritishDates;
import io.boardclerk.core.port.Ledger;
import io.boardclerk.core.view.Views;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the side panel shows: the meeting's record for one board, as the signed-in person may act on it. Plain values,
 * written to JSON as they are; every string is raw user text, which the page shows as text, never as markup.
 */
public final class PanelRecord {

    private PanelRecord() {
    }

    public record View(String board, You you, MeetingView meeting, List<ApologyView> apologies,
                       boolean noDeclarations, List<DeclarationView> declarations, List<ActionView> raised,
                       List<ActionView> due) {
    }

    /** @param role "chair", "secretary" or "member" */
    public record You(String name, String role) {
    }

    /** @param status "open", "scheduled" or "closed" */
    public record MeetingView(String date, String title, String status) {
    }

    public record ApologyView(String name, String role) {
    }

    public record DeclarationView(String member, String item, String kind, String interest) {
    }

    /**
     * @param canUpdate whether the signed-in person may post an update (an owner, or chair or secretary); the clerk
     *                  decides again when the update arrives
     */
    public record ActionView(int number, String display, String item, String text, String owners, String target,
                             String status, boolean overdue, UpdateView latestUpdate, boolean canUpdate) {
    }

    public record UpdateView(String date, String text, String by) {
    }

    /** The record for {@code person} on {@code board}, read in one transaction. */
    public static View read(Ledger ledger, Board board, Person person, LocalDate today) {
        String role = board.chairId() != null && board.chairId() == person.id() ? "chair"
                : board.secretaryId() != null && board.secretaryId() == person.id() ? "secretary" : "member";
        You you = new You(person.name(), role);
        Optional<Meeting> meeting = meetingToShow(ledger, board.id(), today);
        if (meeting.isEmpty()) {
            return new View(board.name(), you, null, List.of(), false, List.of(), List.of(), List.of());
        }
        Meeting m = meeting.get();
        List<ActionItem> actions = ledger.actions(board.id());
        boolean officer = board.isOfficer(person.id());
        List<ActionView> raised = actions.stream().filter(a -> a.meetingId() != null && a.meetingId() == m.id())
                .map(a -> action(ledger, a, person, officer, today)).toList();
        List<ActionView> due = actions.stream().filter(a -> dueAt(a, m.date()))
                .map(a -> action(ledger, a, person, officer, today)).toList();
        return new View(board.name(), you,
                new MeetingView(BritishDates.format(m.date()), m.title(), m.status().name().toLowerCase(java.util.Locale.ROOT)),
                ledger.apologies(m.id()).stream().map(a -> new ApologyView(a.name(), a.role())).toList(),
                ledger.noDeclarations(m.id()),
                ledger.declarations(m.id()).stream().map(d -> new DeclarationView(d.member(), d.agendaItem(),
                        d.kind().word(), d.interest())).toList(),
                raised, due);
    }

    /**
     * The meeting the panel is about, as the clerk reads "the current meeting": the open one; else one closed today;
     * else the next scheduled; else the last held.
     */
    static Optional<Meeting> meetingToShow(Ledger ledger, long boardId, LocalDate today) {
        Optional<Meeting> open = ledger.openMeeting(boardId);
        if (open.isPresent()) {
            return open;
        }
        List<Meeting> meetings = ledger.meetings(boardId);
        return meetings.stream().filter(m -> m.status() == MeetingStatus.CLOSED && m.date().equals(today))
                .max(Comparator.comparing(Meeting::id))
                .or(() -> meetings.stream().filter(m -> m.status() == MeetingStatus.SCHEDULED
                        && !m.date().isBefore(today)).min(Comparator.comparing(Meeting::date)))
                .or(() -> meetings.stream().filter(m -> m.status() == MeetingStatus.CLOSED)
                        .max(Comparator.comparing(Meeting::date).thenComparing(Meeting::id)));
    }

    /** Due at the meeting: not closed, and reported complete or targeted on or before the meeting's date. */
    private static boolean dueAt(ActionItem a, LocalDate meetingDate) {
        if (a.status() == ActionStatus.CLOSED) {
            return false;
        }
        return a.status() == ActionStatus.COMPLETE
                || a.target().date() != null && !a.target().date().isAfter(meetingDate);
    }

    private static ActionView action(Ledger ledger, ActionItem a, Person person, boolean officer, LocalDate today) {
        boolean open = a.status() == ActionStatus.OPEN || a.status() == ActionStatus.ONGOING;
        boolean overdue = open && a.target().date() != null && a.target().date().isBefore(today);
        ActionUpdate latest = a.updates().isEmpty() ? null : a.updates().get(a.updates().size() - 1);
        boolean owner = a.owners().stream().anyMatch(o -> o.personId() != null && o.personId() == person.id()
                || o.body() && ledger.bodyMembers(a.boardId(), o.name()).contains(person.id()));
        return new ActionView(a.number(), a.displayNumber(), a.agendaItem(), a.text(), Views.owners(a),
                Views.target(a.target()), a.status().word(), overdue,
                latest == null ? null : new UpdateView(BritishDates.format(latest.date()), latest.text(), latest.by()),
                a.status() != ActionStatus.CLOSED && (owner || officer));
    }
}
