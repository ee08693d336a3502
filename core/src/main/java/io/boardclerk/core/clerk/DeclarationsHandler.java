package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.Declaration;
import io.boardclerk.core.model.InterestKind;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.MeetingStatus;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.model.RecordingKind;
import io.boardclerk.core.roster.Match;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Declarations of interest, and the explicit "There were no declarations of interest." */
final class DeclarationsHandler {

    private DeclarationsHandler() {
    }

    static String none(Desk desk, Command.NoDeclarations command) {
        desk.requireOfficer("record that there were no declarations");
        // The minutes' sentence is about the meeting being minuted, even when typed up weeks later.
        Meeting meeting = desk.minutedMeeting().orElseGet(desk::requireMeeting);
        List<Declaration> declarations = desk.ledger().declarations(meeting.id());
        if (!declarations.isEmpty()) {
            throw new Refusal(declarations.size() + " declaration(s) are already recorded for "
                    + Desk.describe(meeting) + ", so I have not recorded \"no declarations\". Say "
                    + Md.code("declarations") + " to see them.");
        }
        long recording = desk.record(RecordingKind.NO_DECLARATIONS);
        desk.ledger().setNoDeclarations(meeting.id(), recording);
        return "Recorded for " + Desk.describe(meeting) + ": there were no declarations of interest.";
    }

    static String declare(Desk desk, Command.Declare command) {
        Person member = desk.sender();
        String memberName = member.name();
        Long memberId = member.id();
        if (command.member() != null) {
            Match match = desk.roster().match(command.member());
            if (match instanceof Match.Ambiguous ambiguous) {
                throw new Refusal("Who declared? \"" + Md.esc(command.member()) + "\" could be "
                        + ApologiesHandler.names(ambiguous.candidates()) + ". Say it again with the full name.");
            }
            if (match instanceof Match.Unique unique) {
                member = unique.person();
                memberName = member.name();
                memberId = member.id();
            } else {
                member = null;
                memberName = command.member();
                memberId = null;
            }
        }
        if (memberId == null || memberId != desk.sender().id()) {
            desk.requireOfficer("record a declaration for someone else (members declare their own with "
                    + Md.code("declare item 7: <interest>") + ")");
        }
        Meeting meeting = meetingOf(desk, command);
        long recording = desk.record(RecordingKind.DECLARATION);
        desk.ledger().setNoDeclarations(meeting.id(), null);
        Declaration d = desk.ledger().addDeclaration(meeting.id(), memberId, memberName, command.agendaItem(),
                command.kind(), command.interest(), recording);
        if (d.kind() == InterestKind.NOT_STATED) {
            // No kind is guessed: the member is offered the kinds.
            List<Card.Question.Choice> kinds = InterestKind.NAMED.stream().map(k -> new Card.Question.Choice(
                    capital(k.word()), "interest item " + d.agendaItem() + " " + k.word())).toList();
            desk.show(new Card.Question(desk.board().id(), "Which kind of interest is it, in item " + d.agendaItem()
                    + "?", kinds));
        }
        return "Declaration recorded for " + Desk.describe(meeting) + ":\n" + describe(d)
                + (memberId == null ? "\n⚠ " + Md.esc(memberName) + " is not anyone I know on this board: kept as written."
                : "")
                + (d.kind() == InterestKind.NOT_STATED ? "\nThe kind is recorded as not stated: choose it below, or say "
                + Md.code("interest item " + d.agendaItem() + " personal") + "." : "")
                + "\n\nWrong? Say " + Md.code("undo") + ".";
    }

    /**
     * The meeting a declaration is made at: the one named ("Forgot to declare at Thursday's meeting"), else the one
     * under way; the secretary's minute sentence ("Jon Leigh declared ...") goes on the meeting being minuted, a
     * member's own between meetings on the next.
     */
    private static Meeting meetingOf(Desk desk, Command.Declare command) {
        if (command.meeting() != null) {
            Optional<Meeting> held = MeetingChoice.held(desk, command.meeting());
            if (held.isPresent()) {
                return held.get();
            }
            MeetingChoice ahead = MeetingChoice.of(desk, command.meeting());
            if (ahead instanceof MeetingChoice.Found found) {
                return found.meeting();
            }
        }
        if (command.member() != null) {
            return desk.minutedMeeting().orElseGet(desk::requireMeeting);
        }
        return desk.requireMeeting();
    }

    /** "Nothing to declare from me": nothing is recorded (only the secretary records "no declarations"). */
    static String nothing(Desk desk, Command.NothingToDeclare command) {
        return desk.addressed() ? "Noted: nothing to declare from you. Nothing is recorded; the secretary records "
                + "whether there were declarations." : "";
    }

    /** The kind of the sender's declaration on an item at the meeting under way (or the next), once they say it. */
    static String kind(Desk desk, Command.SetInterestKind command) {
        Meeting meeting = desk.requireMeeting();
        List<Declaration> mine = desk.ledger().declarations(meeting.id()).stream()
                .filter(d -> Objects.equals(d.personId(), desk.sender().id())
                        && d.agendaItem() != null && d.agendaItem().equals(command.agendaItem()))
                .toList();
        if (mine.isEmpty()) {
            throw new Refusal("You have no declaration on item " + Md.esc(command.agendaItem()) + " for "
                    + Desk.describe(meeting) + ". Declare it with " + Md.code("declare item "
                    + command.agendaItem() + ": <your interest>") + ".");
        }
        Declaration d = mine.get(mine.size() - 1);
        desk.record(RecordingKind.OTHER);
        desk.ledger().setDeclarationKind(d.id(), command.kind());
        return "Your interest in item " + Md.esc(d.agendaItem()) + " is recorded as " + command.kind().phrase() + ".";
    }

    /** What the sender declared at the last meeting held, and at the meeting under way. */
    static String mine(Desk desk, Command.MyDeclarations command) {
        Optional<Meeting> named = MeetingChoice.held(desk, command.meeting());
        if (named.isPresent()) {
            return declaredAt(desk, named.get());
        }
        List<Meeting> meetings = desk.ledger().meetings(desk.board().id());
        Optional<Meeting> last = meetings.stream()
                .filter(m -> m.status() == MeetingStatus.CLOSED)
                .max(Comparator.comparing(Meeting::date).thenComparing(Meeting::id));
        Optional<Meeting> open = desk.ledger().openMeeting(desk.board().id());
        if (last.isEmpty() && open.isEmpty()) {
            return "No meeting of " + Md.esc(desk.board().name()) + " has been held yet.";
        }
        StringBuilder out = new StringBuilder();
        for (Meeting meeting : Stream.of(last, open).flatMap(Optional::stream).toList()) {
            out.append(out.isEmpty() ? "" : "\n\n").append(declaredAt(desk, meeting));
        }
        return out.toString();
    }

    private static String declaredAt(Desk desk, Meeting meeting) {
        List<Declaration> mine = desk.ledger().declarations(meeting.id()).stream()
                .filter(d -> Objects.equals(d.personId(), desk.sender().id())).toList();
        if (mine.isEmpty()) {
            return "You declared nothing at " + Desk.describe(meeting) + ".";
        }
        StringBuilder out = new StringBuilder("Your declarations at " + Desk.describe(meeting) + ":");
        mine.forEach(d -> out.append('\n').append(describe(d)));
        return out.toString();
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    static String list(Desk desk, Command.ListDeclarations command) {
        Meeting meeting = desk.meetingToRead();
        List<Declaration> declarations = desk.ledger().declarations(meeting.id());
        if (declarations.isEmpty()) {
            return desk.ledger().noDeclarations(meeting.id())
                    ? "There were no declarations of interest at " + Desk.describe(meeting) + "."
                    : "No declarations of interest are recorded for " + Desk.describe(meeting) + " yet.";
        }
        StringBuilder out = new StringBuilder("Declarations of interest for " + Desk.describe(meeting) + ":");
        for (Declaration d : declarations) {
            out.append('\n').append(describe(d));
        }
        return out.toString();
    }

    static String describe(Declaration d) {
        return "- **" + Md.esc(d.member()) + "**: " + d.kind().phrase() + " in item " + Md.esc(d.agendaItem())
                + ": " + Md.esc(d.interest());
    }
}
