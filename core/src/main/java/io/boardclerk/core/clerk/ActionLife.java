package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.ActionEvent;
import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.ActionUpdate;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.MeetingStatus;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.model.RecordingKind;
import io.boardclerk.core.model.Target;
import io.boardclerk.core.parse.BritishDates;
import io.boardclerk.core.roster.Match;
import io.boardclerk.core.view.Views;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An action's life after it is raised: updates, done, close and reopen, the board's review at a meeting, the people
 * who answer for a body, and the history of every change.
 */
final class ActionLife {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private ActionLife() {
    }

    static boolean isOngoing(Target target) {
        return target.date() == null && Views.isOngoing(target.text());
    }

    static String update(Desk desk, Command.UpdateAction command) {
        ActionItem action;
        Optional<Meeting> heardAt;
        if (command.number() != null) {
            action = ActionsHandler.find(desk, command.number());
            heardAt = desk.ledger().openMeeting(desk.board().id());
        } else {
            Meeting meeting = reviewMeeting(desk).orElseThrow(() -> new Refusal(
                    "\"Update: ...\" adds to the action under review, and no meeting has been held. Say "
                            + Md.code("update <number> <text>") + "."));
            long id = desk.ledger().actionUnderReview(meeting.id()).orElseThrow(() -> new Refusal(
                    "\"Update: ...\" adds to the action under review, and none is. Take one up with "
                            + Md.code("review <number>") + " (or the minutes' \"Action 10.0, Agenda Item 4.3, ...\" line),"
                            + " or say " + Md.code("update <number> <text>") + "."));
            action = desk.ledger().actions(desk.board().id()).stream().filter(a -> a.id() == id).findFirst()
                    .orElseThrow(() -> new Refusal("The action under review is no longer on the log."));
            heardAt = Optional.of(meeting);
        }
        desk.requireOwnerOrOfficer(action, "post an update to it");
        if (action.status() == ActionStatus.CLOSED) {
            throw new Refusal("Action " + action.displayNumber() + " is closed, so it takes no more updates. Say "
                    + Md.code("reopen " + action.number()) + " first if the board wants it back.");
        }
        desk.ledger().addRecording(desk.board().id(), RecordingKind.OTHER, desk.source());
        desk.ledger().addUpdate(action.id(), desk.today(), command.text(), desk.source().senderName(),
                desk.source().senderTeamsId(), desk.now());
        ActionUpdate previous = action.updates().isEmpty() ? null : action.updates().get(action.updates().size() - 1);
        desk.audit(action.id(), "update", previous == null ? null : previous.text(), command.text());
        // The meeting that heard the update (the open one, or the one whose review is being written up) keeps it
        // for its minutes.
        heardAt.ifPresent(m -> desk.ledger().setReviewUpdate(m.id(), action.id(), command.text(), desk.now()));
        return "Update recorded on action **" + action.displayNumber() + "** (" + BritishDates.format(desk.today())
                + ", " + Md.esc(desk.source().senderName()) + "): " + Md.esc(command.text());
    }

    static String done(Desk desk, Command.ReportDone command) {
        ActionItem action = ActionsHandler.find(desk, command.number());
        desk.requireOwnerOrOfficer(action, "report it done");
        if (action.status() == ActionStatus.CLOSED) {
            throw new Refusal("Action " + action.displayNumber() + " is already closed.");
        }
        if (action.status() == ActionStatus.COMPLETE) {
            return "Action **" + action.displayNumber() + "** is already reported complete; it awaits the board.";
        }
        changeStatus(desk, action, ActionStatus.COMPLETE, null);
        noteReview(desk, action, null);
        return "Action **" + action.displayNumber() + "** is reported **complete** by "
                + Md.esc(desk.source().senderName()) + ". It stays on the log until the board agrees to close it ("
                + Md.code("close " + action.number()) + ", chair or secretary).";
    }

    /**
     * An owner asks for more time: recorded as a proposal in the action's history, for the chair to accept with
     * {@code action N due ...}, exactly as the reminder card's "Need more time". The target does not move.
     */
    static String moreTime(Desk desk, Command.MoreTime command) {
        ActionItem action = ActionsHandler.find(desk, command.number());
        desk.requireOwnerOrOfficer(action, "ask for more time on it");
        if (action.status() == ActionStatus.CLOSED) {
            throw new Refusal("Action " + action.displayNumber() + " is closed, so it needs no more time.");
        }
        desk.ledger().addRecording(desk.board().id(), RecordingKind.OTHER, desk.source());
        desk.audit(action.id(), "more time asked", Views.target(action.target()), command.target());
        return "**" + Md.esc(desk.source().senderName()) + "** asks for more time on action **"
                + action.displayNumber() + "** (" + Md.esc(action.text()) + "): a new target of "
                + Md.esc(command.target()) + " instead of " + Md.esc(Views.target(action.target()))
                + ". The target stays as it is until the chair agrees with "
                + Md.code("action " + action.number() + " due " + command.target().replaceAll("[<>`]", "")) + ".";
    }

    /** "14 is finished – handover on Friday": the words kept as an update, and the action reported done. */
    static String doneWithUpdate(Desk desk, Command.DoneWithUpdate command) {
        String updated = update(desk, new Command.UpdateAction(command.number(), command.text()));
        return updated + "\n\n" + done(desk, new Command.ReportDone(command.number()));
    }

    static String close(Desk desk, Command.CloseAction command) {
        desk.requireOfficer("close an action");
        ActionItem action = ActionsHandler.find(desk, command.number());
        if (action.status() == ActionStatus.CLOSED) {
            return "Action **" + action.displayNumber() + "** is already closed.";
        }
        changeStatus(desk, action, ActionStatus.CLOSED, desk.today());
        noteReview(desk, action, "closed");
        return "Action **" + action.displayNumber() + "** is **closed**, as the board agreed.";
    }

    static String reopen(Desk desk, Command.ReopenAction command) {
        desk.requireOfficer("reopen an action");
        ActionItem action = ActionsHandler.find(desk, command.number());
        if (action.status() == ActionStatus.OPEN || action.status() == ActionStatus.ONGOING) {
            return "Action **" + action.displayNumber() + "** is already open.";
        }
        ActionStatus status = isOngoing(action.target()) ? ActionStatus.ONGOING : ActionStatus.OPEN;
        changeStatus(desk, action, status, null);
        noteReview(desk, action, "reopened");
        return "Action **" + action.displayNumber() + "** is **" + status.word() + "** again.";
    }

    static String keepOpen(Desk desk, Command.KeepOpen command) {
        desk.requireOfficer("record the board's decision on an action");
        ActionItem action = ActionsHandler.find(desk, command.number());
        if (action.status() == ActionStatus.CLOSED) {
            throw new Refusal("Action " + action.displayNumber() + " is closed. Say " + Md.code("reopen "
                    + action.number()) + " if the board wants it back.");
        }
        if (action.status() == ActionStatus.COMPLETE) {
            changeStatus(desk, action, isOngoing(action.target()) ? ActionStatus.ONGOING : ActionStatus.OPEN, null);
        } else {
            desk.ledger().addRecording(desk.board().id(), RecordingKind.OTHER, desk.source());
            desk.audit(action.id(), "kept open", action.status().word(), action.status().word());
        }
        noteReview(desk, action, "kept open");
        return "Action **" + action.displayNumber() + "** stays **open**, as the board decided.";
    }

    static String newTarget(Desk desk, int number, String words) {
        desk.requireOfficer("change an action's target");
        ActionItem action = ActionsHandler.find(desk, number);
        String reply = ActionsHandler.retarget(desk, action, words);
        ActionItem now = ActionsHandler.find(desk, number);
        noteReview(desk, action, "new target " + Views.target(now.target()));
        return reply;
    }

    private static void changeStatus(Desk desk, ActionItem action, ActionStatus status, LocalDate closedOn) {
        desk.ledger().addRecording(desk.board().id(), RecordingKind.OTHER, desk.source());
        desk.ledger().setStatus(action.id(), status, closedOn);
        desk.audit(action.id(), "status", action.status().word(), status.word());
    }

    /** Within an open meeting, an action acted on is one the meeting reviewed; the decision goes in the minutes. */
    private static void noteReview(Desk desk, ActionItem action, String decision) {
        Optional<Meeting> open = desk.ledger().openMeeting(desk.board().id());
        if (open.isEmpty()) {
            return;
        }
        if (decision == null) {
            desk.ledger().addReview(open.get().id(), action.id(), desk.now());
        } else {
            desk.ledger().setReviewDecision(open.get().id(), action.id(), decision, desk.now());
        }
    }

    static String history(Desk desk, Command.History command) {
        ActionItem action = ActionsHandler.find(desk, command.number());
        List<ActionEvent> events = desk.ledger().history(action.id());
        StringBuilder out = new StringBuilder("**History of action " + action.displayNumber() + "**: "
                + Md.esc(ActionsHandler.shorten(action.text(), 200)) + "\n");
        for (ActionEvent e : events) {
            out.append("\n- ").append(BritishDates.format(e.at().atZone(desk.zone()).toLocalDate())).append(' ')
                    .append(TIME.format(e.at().atZone(desk.zone()))).append(" · ")
                    .append(e.byName() == null ? "Teams" : Md.esc(e.byName())).append(" · ").append(Md.esc(e.what()));
            if (e.before() != null || e.after() != null) {
                out.append(": ");
                if (e.before() != null && !e.before().equals(e.after())) {
                    out.append(Md.esc(ActionsHandler.shorten(e.before(), 160))).append(" → ");
                }
                out.append(e.after() == null ? "–" : Md.esc(ActionsHandler.shorten(e.after(), 160)));
            }
            out.append(" (by ").append(e.via()).append(')');
        }
        if (action.targetHistory().size() > 1) {
            out.append("\n\nTargets: ");
            List<String> targets = new ArrayList<>();
            for (Target t : action.targetHistory()) {
                targets.add(ActionsHandler.describeTarget(t));
            }
            out.append(String.join(" → ", targets));
        }
        out.append("\n\nNow: ").append(action.status().word());
        return out.toString();
    }

    static String mapBody(Desk desk, Command.MapBody command) {
        desk.requireOfficer("say who answers for a body");
        List<Long> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String words : command.people()) {
            Match match = desk.roster().match(words);
            if (match instanceof Match.Unique unique) {
                Person p = unique.person();
                if (!ids.contains(p.id())) {
                    ids.add(p.id());
                    names.add(Md.esc(p.name()));
                }
            } else if (match instanceof Match.Ambiguous ambiguous) {
                throw new Refusal("\"" + Md.esc(words) + "\" could be " + ApologiesHandler.names(ambiguous.candidates())
                        + ". Nothing was changed; name each person exactly or @mention them.");
            } else {
                throw new Refusal("\"" + Md.esc(words) + "\" is nobody on this board. Nothing was changed; "
                        + "@mention the people who answer for " + Md.esc(command.body()) + ".");
            }
        }
        desk.ledger().addRecording(desk.board().id(), RecordingKind.OTHER, desk.source());
        desk.ledger().mapBody(desk.board().id(), command.body(), ids);
        return "**" + Md.esc(command.body()) + "** answers through " + String.join(", ", names)
                + ". Its actions reach them, and they may update them.";
    }

    /** "review actions" and the meeting's start: the actions due at this meeting, overdue or on-going, one card each. */
    static String reviewAll(Desk desk, Command.ReviewActions command) {
        List<ActionItem> due = dueForReview(desk);
        if (due.isEmpty()) {
            return "No actions are due at this meeting, overdue or on-going.";
        }
        for (ActionItem action : due) {
            desk.show(reviewCard(desk, action, null));
        }
        return "**Matters arising**: " + due.size() + (due.size() == 1 ? " action is" : " actions are")
                + " due at this meeting, overdue or on-going.";
    }

    static List<ActionItem> dueForReview(Desk desk) {
        LocalDate meetingDate = desk.currentOrNextMeeting().map(Meeting::date).orElse(desk.today());
        LocalDate by = meetingDate.isBefore(desk.today()) ? desk.today() : meetingDate;
        return desk.ledger().actions(desk.board().id(), List.of(ActionStatus.OPEN, ActionStatus.ONGOING,
                        ActionStatus.COMPLETE)).stream()
                .filter(a -> a.status() == ActionStatus.COMPLETE || a.status() == ActionStatus.ONGOING
                        || a.target().date() != null && !a.target().date().isAfter(by))
                .toList();
    }

    static Card.ActionReview reviewCard(Desk desk, ActionItem action, String outcome) {
        return new Card.ActionReview(desk.board().id(), desk.board().name(), Views.row(action), outcome,
                action.status() != ActionStatus.CLOSED);
    }

    /**
     * The meeting whose review of the action log is being recorded: the open one, or else the last one held (the
     * secretary writing up the minutes afterwards).
     */
    static Optional<Meeting> reviewMeeting(Desk desk) {
        return desk.ledger().openMeeting(desk.board().id())
                .or(() -> desk.ledger().meetings(desk.board().id()).stream()
                        .filter(m -> m.status() == MeetingStatus.CLOSED)
                        .max(Comparator.comparing(Meeting::date).thenComparing(Meeting::id)));
    }

    /** One action taken up: later "Update: ..." lines are about it. */
    static String reviewOne(Desk desk, Command.ReviewAction command) {
        ActionItem action = ActionsHandler.find(desk, command.number());
        Optional<Meeting> open = reviewMeeting(desk);
        if (open.isPresent()) {
            desk.requireOfficer("take up an action in the review");
            desk.ledger().setActionUnderReview(open.get().id(), action.id());
            desk.ledger().addReview(open.get().id(), action.id(), desk.now());
        }
        desk.show(reviewCard(desk, action, null));
        return open.isPresent() ? "Reviewing action **" + action.displayNumber() + "** for " + Desk.describe(open.get())
                + ": \"Update: ...\" lines now add to it." : "";
    }

    /** When the review card was pressed in another meeting or on another day, the stamp says when. */
    static String stamp(Desk desk) {
        return BritishDates.format(desk.today()) + " " + TIME.format(desk.now().atOffset(ZoneOffset.UTC)
                .atZoneSameInstant(desk.zone()));
    }
}
