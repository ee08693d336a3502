package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.Owner;
import io.boardclerk.core.model.RecordingKind;
import io.boardclerk.core.model.Target;
import io.boardclerk.core.parse.BritishDates;
import io.boardclerk.core.parse.TargetParser;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** New actions, their owners and targets, and the action log. */
final class ActionsHandler {

    /** How many actions one chat message lists before pointing at the export. */
    static final int LOG_LINES = 40;
    private static final int LOG_TEXT = 240;

    private ActionsHandler() {
    }

    static String record(Desk desk, Command.RecordAction command) {
        desk.requireOfficer("record actions");
        Owners.Resolution owner = Owners.resolve(desk, command.owner(), command.explicitOwner());
        PendingAction draft = new PendingAction(command.text(), command.target(), command.agendaItem());
        if (owner.owner() == null) {
            desk.ledger().savePendingQuestion(desk.board().id(), desk.sender().teamsId(), draft.encode(), desk.now());
            return "I have not recorded this action yet: \"" + Md.esc(shorten(command.text(), LOG_TEXT)) + "\"\n\n"
                    + owner.question() + " Answer with " + Md.code("owner <person or body>") + ", e.g. "
                    + Md.code("owner Constabulary") + " or " + Md.code("owner @Jo Grant") + ".";
        }
        return add(desk, draft, owner.owner());
    }

    static String answerOwner(Desk desk, Command.AnswerOwner command) {
        desk.requireOfficer("record actions");
        Optional<PendingAction> draft = desk.ledger().pendingQuestion(desk.board().id(), desk.sender().teamsId())
                .flatMap(PendingAction::decode);
        if (draft.isEmpty()) {
            throw new Refusal("No action is waiting for an owner. To change an existing action's owner, say "
                    + Md.code("action <number> owner <person or body>") + ".");
        }
        Owners.Resolution owner = Owners.resolve(desk, command.owner(), true);
        if (owner.owner() == null) {
            return owner.question() + " Answer with " + Md.code("owner <person or body>") + ".";
        }
        return add(desk, draft.get(), owner.owner());
    }

    private static String add(Desk desk, PendingAction draft, Owner owner) {
        desk.ledger().clearPendingQuestion(desk.board().id(), desk.sender().teamsId());
        Optional<Meeting> meeting = desk.ledger().openMeeting(desk.board().id());
        LocalDate raisedOn = meeting.map(Meeting::date).orElse(desk.today());
        String item = draft.item() != null ? draft.item()
                : meeting.flatMap(m -> desk.ledger().currentItem(m.id())).orElse(null);
        Target target = target(desk, draft.target(), raisedOn);
        long recording = desk.record(RecordingKind.ACTION);
        int number = desk.ledger().takeActionNumber(desk.board().id());
        ActionItem action = desk.ledger().addAction(desk.board().id(), number, meeting.map(Meeting::id).orElse(null),
                raisedOn, item, draft.text(), owner, target, recording);
        StringBuilder out = new StringBuilder("Action **" + action.displayNumber() + "** recorded");
        out.append(meeting.isPresent() ? " at " + Desk.describe(meeting.get()) : " (no meeting is open: raised on "
                + BritishDates.format(raisedOn) + ")").append(":\n");
        out.append(details(action));
        if (owner.personId() == null && !owner.body()) {
            out.append("\n⚠ ").append(Md.esc(owner.name())).append(" is not anyone I know on this board: kept as "
                    + "written.");
        }
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
        Owners.Resolution owner = Owners.resolve(desk, command.owner(), true);
        if (owner.owner() == null) {
            throw new Refusal(owner.question() + " Say " + Md.code("action " + command.number() + " owner <person or"
                    + " body>") + ".");
        }
        desk.ledger().addRecording(desk.board().id(), RecordingKind.OTHER, desk.source());
        desk.ledger().setOwner(action.id(), owner.owner());
        return "Action **" + action.displayNumber() + "** now belongs to " + describeOwner(owner.owner()) + ".";
    }

    static String setTarget(Desk desk, Command.SetActionTarget command) {
        desk.requireOfficer("change an action's target");
        ActionItem action = find(desk, command.number());
        Target target = target(desk, command.target(), action.raisedOn());
        desk.ledger().addRecording(desk.board().id(), RecordingKind.OTHER, desk.source());
        desk.ledger().setTarget(action.id(), target);
        return "Action **" + action.displayNumber() + "** is now due " + describeTarget(target) + ".";
    }

    static String log(Desk desk, Command.ActionLog command) {
        List<ActionItem> open = desk.ledger().actions(desk.board().id()).stream()
                .filter(a -> a.status() != ActionStatus.CLOSED).toList();
        if (open.isEmpty()) {
            return "The action log of " + Md.esc(desk.board().name()) + " has no open actions.";
        }
        StringBuilder out = new StringBuilder("**Action log: " + Md.esc(desk.board().name()) + "** ("
                + open.size() + " open)\n");
        for (ActionItem a : open.subList(0, Math.min(open.size(), LOG_LINES))) {
            out.append("\n- **").append(a.displayNumber()).append("** · item ")
                    .append(a.agendaItem() == null ? "–" : Md.esc(a.agendaItem())).append(" · ")
                    .append(Md.esc(shorten(a.text(), LOG_TEXT))).append(" · Owner: ").append(describeOwner(a.owner()))
                    .append(" · Target: ").append(describeTarget(a.target())).append(" · ").append(a.status().word());
        }
        if (open.size() > LOG_LINES) {
            out.append("\n\n…and ").append(open.size() - LOG_LINES)
                    .append(" more. The full log is in the export.");
        }
        return out.toString();
    }

    /** Re-reads every open action's meeting target against the board's schedule, after the schedule changed. */
    static int followSchedule(Desk desk) {
        List<LocalDate> dates = desk.ledger().meetings(desk.board().id()).stream().map(Meeting::date).toList();
        int changed = 0;
        for (ActionItem action : desk.ledger().actions(desk.board().id())) {
            if (action.status() == ActionStatus.CLOSED || action.target().text() == null) {
                continue;
            }
            TargetParser.Reading reading = TargetParser.read(action.target().text(), action.raisedOn());
            if (reading.ok() && reading.spec().followsSchedule()) {
                LocalDate date = reading.spec().resolve(action.raisedOn(), dates).orElse(null);
                if (!java.util.Objects.equals(date, action.target().date())) {
                    desk.ledger().setTarget(action.id(), new Target(action.target().text(), date));
                    changed++;
                }
            }
        }
        return changed;
    }

    static String details(ActionItem a) {
        return "- Action: " + Md.esc(a.text())
                + "\n- Owner: " + describeOwner(a.owner())
                + "\n- Target: " + describeTarget(a.target())
                + "\n- Agenda item: " + (a.agendaItem() == null ? "not set (say " + Md.code("item 5.7")
                + " before recording)" : Md.esc(a.agendaItem()))
                + "\n- Raised: " + BritishDates.format(a.raisedOn());
    }

    static String describeOwner(Owner owner) {
        return Md.esc(owner.name()) + (owner.body() ? " (body)" : "");
    }

    static String describeTarget(Target target) {
        if (target.text() == null) {
            return "not set";
        }
        if (target.date() == null && target.text().toLowerCase(java.util.Locale.ROOT).matches(".*\\bon-?\\s?going\\b.*")) {
            return Md.esc(target.text());
        }
        if (target.date() == null) {
            return Md.esc(target.text()) + " (date to follow when that meeting is scheduled)";
        }
        String words = target.text();
        String date = BritishDates.format(target.date());
        return words.equals(date) ? date : Md.esc(words) + " (" + date + ")";
    }

    private static Target target(Desk desk, String words, LocalDate raisedOn) {
        if (words == null || words.isBlank()) {
            return new Target(null, null);
        }
        TargetParser.Reading reading = TargetParser.read(words, raisedOn);
        if (!reading.ok()) {
            throw new Refusal(reading.problem());
        }
        List<LocalDate> dates = desk.ledger().meetings(desk.board().id()).stream().map(Meeting::date).toList();
        return new Target(reading.words(), reading.spec().resolve(raisedOn, dates).orElse(null));
    }

    private static ActionItem find(Desk desk, int number) {
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
