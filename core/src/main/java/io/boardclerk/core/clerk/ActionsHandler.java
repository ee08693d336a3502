package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.MeetingStatus;
import io.boardclerk.core.model.Owner;
import io.boardclerk.core.model.RecordingKind;
import io.boardclerk.core.model.Target;
import io.boardclerk.core.parse.BritishDates;
import io.boardclerk.core.parse.TargetParser;
import io.boardclerk.core.parse.TargetSpec;
import io.boardclerk.core.view.Views;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** New actions, their owners and targets, and the action log. */
final class ActionsHandler {

    /** How many actions one chat message lists before pointing at the export. */
    static final int LOG_LINES = 40;
    private static final int LOG_TEXT = 240;

    private ActionsHandler() {
    }

    static String record(Desk desk, Command.RecordAction command) {
        desk.requireOfficer("record actions");
        Owners.Several owner = Owners.resolveAll(desk, command.owner(), command.explicitOwner());
        PendingAction draft = new PendingAction(command.text(), command.target(), command.agendaItem());
        if (!owner.resolved()) {
            desk.ledger().savePendingQuestion(desk.board().id(), desk.sender().teamsId(), draft.encode(), desk.now());
            desk.show(new Card.Question(desk.board().id(), "Who owns this action? Answer with \"owner <person or"
                    + " body>\", or drop it.", List.of(new Card.Question.Choice("Drop it", ""))));
            return "I have not recorded this action yet: \"" + Md.esc(shorten(command.text(), LOG_TEXT)) + "\"\n\n"
                    + owner.question() + " Answer with " + Md.code("owner <person or body>") + ", e.g. "
                    + Md.code("owner Constabulary") + " or " + Md.code("owner @Jo Grant") + "." + notes(owner);
        }
        return add(desk, draft, owner);
    }

    static String answerOwner(Desk desk, Command.AnswerOwner command) {
        desk.requireOfficer("record actions");
        Optional<PendingAction> draft = desk.ledger().pendingQuestion(desk.board().id(), desk.sender().teamsId())
                .flatMap(PendingAction::decode);
        if (draft.isEmpty()) {
            throw new Refusal("No action is waiting for an owner. To change an existing action's owner, say "
                    + Md.code("action <number> owner <person or body>") + ".");
        }
        Owners.Several owner = Owners.resolveAll(desk, command.owner(), true);
        if (!owner.resolved()) {
            return owner.question() + " Answer with " + Md.code("owner <person or body>") + "." + notes(owner);
        }
        return add(desk, draft.get(), owner);
    }

    /** The owners' notes (found in the organisation's directory, or why it could not be searched), one a line. */
    private static String notes(Owners.Several owner) {
        StringBuilder out = new StringBuilder();
        for (String note : owner.notes()) {
            out.append("\n").append(note.startsWith("The organisation's directory could not") ? "⚠ " : "ℹ ")
                    .append(note);
        }
        return out.toString();
    }

    private static String add(Desk desk, PendingAction draft, Owners.Several resolved) {
        List<Owner> owners = resolved.owners();
        desk.ledger().clearPendingQuestion(desk.board().id(), desk.sender().teamsId());
        // Raised at the meeting under way, or at the one whose minutes are being written up.
        Optional<Meeting> meeting = desk.minutedMeeting();
        LocalDate raisedOn = meeting.map(Meeting::date).orElse(desk.today());
        String item = draft.item() != null ? draft.item()
                : meeting.flatMap(m -> desk.ledger().currentItem(m.id())).orElse(null);
        Target target = target(desk, draft.target(), raisedOn);
        long recording = desk.record(RecordingKind.ACTION);
        int number = desk.ledger().takeActionNumber(desk.board().id());
        ActionItem action = desk.ledger().addAction(desk.board().id(), number, meeting.map(Meeting::id).orElse(null),
                raisedOn, item, draft.text(), owners, target, recording, desk.now(), desk.source().senderName());
        desk.audit(action.id(), "raised", null, draft.text());
        if (ActionLife.isOngoing(target)) {
            desk.ledger().setStatus(action.id(), ActionStatus.ONGOING, null);
            action = desk.ledger().action(desk.board().id(), number).orElseThrow();
        }
        StringBuilder out = new StringBuilder("Action **" + action.displayNumber() + "** recorded");
        out.append(meeting.isPresent() ? " at " + Desk.describe(meeting.get()) : " (no meeting is open or being"
                + " minuted: raised on "
                + BritishDates.format(raisedOn) + ")").append(":\n");
        out.append(details(action));
        for (Owner owner : owners) {
            if (owner.personId() == null && !owner.body()) {
                out.append("\n⚠ ").append(Md.esc(owner.name())).append(" is not anyone I know on this board: kept as "
                        + "written.");
            }
        }
        out.append(notes(resolved));
        if (target.text() == null) {
            out.append("\nNo target was given: say ").append(Md.code("action " + number + " due <date or meeting>"))
                    .append('.');
        }
        out.append("\n\nWrong? Say ").append(Md.code("undo")).append(", ")
                .append(Md.code("action " + number + " owner <...>")).append(" or ")
                .append(Md.code("action " + number + " due <...>")).append('.');
        return out.toString();
    }

    static String setOwner(Desk desk, Command.SetActionOwner command) {
        desk.requireOfficer("change an action's owner");
        ActionItem action = find(desk, command.number());
        Owners.Several owner = Owners.resolveAll(desk, command.owner(), true);
        if (!owner.resolved()) {
            throw new Refusal(owner.question() + " Say " + Md.code("action " + command.number() + " owner <person or"
                    + " body>") + "." + notes(owner));
        }
        desk.ledger().addRecording(desk.board().id(), RecordingKind.OTHER, desk.source());
        desk.ledger().setOwners(action.id(), owner.owners());
        String before = Views.owners(action);
        String after = owner.owners().stream().map(Owner::name).collect(Collectors.joining("; "));
        desk.audit(action.id(), "owners", before, after);
        return "Action **" + action.displayNumber() + "** now belongs to " + describeOwners(owner.owners()) + "."
                + notes(owner);
    }

    static String setTarget(Desk desk, Command.SetActionTarget command) {
        desk.requireOfficer("change an action's target");
        ActionItem action = find(desk, command.number());
        return retarget(desk, action, command.target());
    }

    /** A new target; the original and every revision stay in the action's target history. */
    static String retarget(Desk desk, ActionItem action, String words) {
        if (action.status() == ActionStatus.CLOSED) {
            throw new Refusal("Action " + action.displayNumber() + " is closed. Say " + Md.code("reopen "
                    + action.number()) + " first if the board wants it back.");
        }
        Target target = target(desk, words, action.raisedOn());
        desk.ledger().addRecording(desk.board().id(), RecordingKind.OTHER, desk.source());
        desk.ledger().setTarget(action.id(), target, desk.now(), desk.source().senderName());
        desk.audit(action.id(), "target", Views.target(action.target()),
                Views.target(target));
        if (ActionLife.isOngoing(target) && action.status() == ActionStatus.OPEN) {
            desk.ledger().setStatus(action.id(), ActionStatus.ONGOING, null);
        } else if (!ActionLife.isOngoing(target) && action.status() == ActionStatus.ONGOING) {
            desk.ledger().setStatus(action.id(), ActionStatus.OPEN, null);
        }
        String was = action.originalTarget().equals(target) ? "" : " (originally " + describeTarget(
                action.originalTarget()) + ")";
        return "Action **" + action.displayNumber() + "** is now due " + describeTarget(target) + was + ".";
    }

    /** Re-reads every open action's meeting target against the board's schedule, after the schedule changed. */
    static int followSchedule(Desk desk) {
        List<Meeting> meetings = desk.ledger().meetings(desk.board().id());
        int changed = 0;
        for (ActionItem action : desk.ledger().actions(desk.board().id())) {
            if (action.status() == ActionStatus.CLOSED || action.target().text() == null) {
                continue;
            }
            TargetParser.Reading reading = TargetParser.read(action.target().text(), action.raisedOn());
            if (reading.ok() && reading.spec().followsSchedule()) {
                LocalDate from = from(desk, reading.spec(), action.raisedOn());
                LocalDate date = reading.spec().resolve(from, dates(meetings, reading.spec())).orElse(null);
                if (!Objects.equals(date, action.target().date())) {
                    desk.ledger().followTarget(action.id(), new Target(action.target().text(), date));
                    desk.audit(action.id(), "target follows the schedule",
                            Views.target(action.target()),
                            Views.target(new Target(action.target().text(), date)));
                    changed++;
                }
            }
        }
        return changed;
    }

    /** The meetings a target may fall on: a recurring one moves on past meetings already held. */
    private static List<LocalDate> dates(List<Meeting> meetings, TargetSpec spec) {
        return meetings.stream()
                .filter(m -> !spec.recurs() || m.status() != MeetingStatus.CLOSED)
                .map(Meeting::date).toList();
    }

    /** A recurring target falls on the next such meeting from today, never on the meeting that raised it. */
    private static LocalDate from(Desk desk, TargetSpec spec, LocalDate raisedOn) {
        if (!spec.recurs()) {
            return raisedOn;
        }
        return desk.today().isAfter(raisedOn) ? desk.today() : raisedOn.plusDays(1);
    }

    static String details(ActionItem a) {
        return "- Action: " + Md.esc(a.text())
                + "\n- Owner: " + describeOwners(a.owners())
                + "\n- Target: " + describeTarget(a.target())
                + "\n- Agenda item: " + (a.agendaItem() == null ? "not set (say " + Md.code("item 5.7")
                + " before recording)" : Md.esc(a.agendaItem()))
                + "\n- Raised: " + BritishDates.format(a.raisedOn());
    }

    static String describeOwners(List<Owner> owners) {
        return owners.stream().map(ActionsHandler::describeOwner).collect(Collectors.joining("; "));
    }

    static String describeOwner(Owner owner) {
        return Md.esc(owner.name()) + (owner.body() ? " (body)" : "");
    }

    static String describeTarget(Target target) {
        if (target.text() == null) {
            return "not set";
        }
        if (target.date() == null && target.text().toLowerCase(Locale.ROOT).matches(".*\\bon-?\\s?going\\b.*")) {
            return Md.esc(target.text());
        }
        if (target.date() == null) {
            return Md.esc(target.text()) + " (date to follow when that meeting is scheduled)";
        }
        String words = target.text();
        String date = BritishDates.format(target.date());
        return words.equals(date) ? date : Md.esc(words) + " (" + date + ")";
    }

    static Target target(Desk desk, String words, LocalDate raisedOn) {
        if (words == null || words.isBlank()) {
            return new Target(null, null);
        }
        TargetParser.Reading reading = TargetParser.read(words, raisedOn);
        if (!reading.ok()) {
            throw new Refusal(reading.problem());
        }
        List<LocalDate> dates = dates(desk.ledger().meetings(desk.board().id()), reading.spec());
        LocalDate from = from(desk, reading.spec(), raisedOn);
        return new Target(reading.words(), reading.spec().resolve(from, dates).orElse(null));
    }

    static ActionItem find(Desk desk, int number) {
        return desk.ledger().action(desk.board().id(), number).orElseThrow(() -> {
            int count = desk.ledger().actions(desk.board().id()).size();
            return new Refusal("There is no action " + ActionItem.displayNumber(number) + " on the log of "
                    + Md.esc(desk.board().name()) + (count == 0 ? ", which has no actions yet."
                    : ". Say " + Md.code("action log") + " to see the numbers."));
        });
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
    }
}
