package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.Declaration;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.model.RecordingKind;
import io.boardclerk.core.roster.Match;

import java.util.List;

/** Declarations of interest, and the explicit "There were no declarations of interest." */
final class DeclarationsHandler {

    private DeclarationsHandler() {
    }

    static String none(Desk desk, Command.NoDeclarations command) {
        desk.requireOfficer("record that there were no declarations");
        Meeting meeting = desk.requireMeeting();
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
        Meeting meeting = desk.requireMeeting();
        long recording = desk.record(RecordingKind.DECLARATION);
        desk.ledger().setNoDeclarations(meeting.id(), null);
        Declaration d = desk.ledger().addDeclaration(meeting.id(), memberId, memberName, command.agendaItem(),
                command.kind(), command.interest(), recording);
        return "Declaration recorded for " + Desk.describe(meeting) + ":\n" + describe(d)
                + (memberId == null ? "\n⚠ " + Md.esc(memberName) + " is not anyone I know on this board: kept as written."
                : "")
                + "\n\nWrong? Say " + Md.code("undo") + ".";
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
