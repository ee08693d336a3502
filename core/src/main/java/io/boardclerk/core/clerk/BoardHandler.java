package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command.NamedPerson;
import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.BoardRole;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.model.Recording;
import io.boardclerk.core.model.RecordingKind;
import io.boardclerk.core.roster.Match;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The board itself: its name, its chair and secretary, role titles, and undo. */
final class BoardHandler {

    private BoardHandler() {
    }

    static String rename(Desk desk, Command.BoardName command) {
        desk.requireOfficer("rename the board");
        desk.ledger().renameBoard(desk.board().id(), command.name(), true);
        return "This board is now called **" + Md.esc(command.name()) + "**.";
    }

    static String assign(Desk desk, Command.AssignRole command) {
        String role = command.role().word();
        boolean admin = desk.standing() == Sender.Standing.ADMIN;
        boolean first = !desk.board().hasOfficers();
        if (first) {
            boolean vouched = desk.standing() == Sender.Standing.VOUCHED && desk.mayHoldOffice(desk.sender());
            if (!admin && !vouched) {
                throw new Refusal(desk.unvouchedBecause().map(because -> "This board has no chair or secretary yet. "
                        + because + " Until then the first is appointed by the person who added BoardClerk to this "
                        + "team or a BoardClerk administrator; ask one of them to say " + Md.code(role + " @name")
                        + ".").orElseGet(() -> "This board has no chair or secretary yet. The first is appointed by "
                        + "the person who added BoardClerk to this chat, the team's owner, the meeting's organiser or "
                        + "a BoardClerk administrator; ask one of them to say " + Md.code(role + " @name") + "."));
            }
        } else if (!admin) {
            desk.requireOfficer("appoint the " + role);
        }
        Person person = unique(desk, command.person(), role + " @person");
        if (!person.onRoster()) {
            throw new Refusal(Md.esc(person.name()) + " is not a member of this chat, so cannot be "
                    + role + ". Add them to the chat first.");
        }
        if (!desk.mayHoldOffice(person)) {
            throw new Refusal(Md.esc(person.name()) + " cannot be " + role + ": guests, anonymous participants and "
                    + "people from other organisations never hold office on a board.");
        }
        if (command.role() == BoardRole.CHAIR && !admin) {
            Long chair = desk.board().chairId();
            boolean senderIsChair = chair != null && desk.sender() != null && chair == desk.sender().id();
            if (chair != null && chair != person.id() && !senderIsChair) {
                throw new Refusal("Only the chair or a BoardClerk administrator can replace the chair. "
                        + desk.whoAreOfficers());
            }
            if (!senderIsChair && desk.sender() != null && person.id() == desk.sender().id()
                    && desk.board().hasOfficers()) {
                throw new Refusal("The secretary cannot make themselves chair: the chair, or a BoardClerk "
                        + "administrator, appoints the chair. " + desk.whoAreOfficers());
            }
        }
        desk.ledger().setOfficer(desk.board().id(), command.role(), person.id());
        desk.refresh();
        String appointed = Md.esc(person.name()) + " is now the " + role + " of "
                + (BoardNaming.unnamed(desk.board()) ? "this board" : Md.esc(desk.board().name())) + ". "
                + (command.role() == BoardRole.CHAIR ? "The chair" : "The secretary")
                + " records actions and records for other people.";
        // The first officer is asked, once, for the name Teams did not give.
        return first && BoardNaming.unnamed(desk.board()) ? appointed + "\n\n" + BoardNaming.question() : appointed;
    }

    static String title(Desk desk, Command.SetTitle command) {
        desk.requireOfficer("set role titles");
        Person person = unique(desk, command.person(), "role @person <title>");
        desk.ledger().setTitle(person.id(), command.title());
        return Md.esc(person.name()) + " is recorded as " + Md.esc(command.title()) + ".";
    }

    /** The most people one list of members may name. */
    static final int MAX_NAMES = 200;

    static String rosterTitles(Desk desk, Command.RosterTitles command) {
        desk.requireOfficer("set role titles");
        List<String> lines = new ArrayList<>();
        List<NamedPerson> all = new ArrayList<>(command.members());
        all.addAll(command.inAttendance());
        if (all.size() > MAX_NAMES) {
            // Each name is matched and written in the turn's transaction, which every other board waits for.
            throw new Refusal("That list names " + all.size() + " people; a board has far fewer. Give at most "
                    + MAX_NAMES + " at a time.");
        }
        Set<NamedPerson> members = new HashSet<>(command.members());
        for (NamedPerson named : all) {
            boolean member = members.contains(named);
            if (named.role() == null) {
                lines.add("- " + Md.esc(named.name()) + ": no role given, nothing changed");
                continue;
            }
            Match match = desk.roster().match(named.name());
            if (match instanceof Match.Ambiguous ambiguous) {
                lines.add("- " + Md.esc(named.name()) + ": could be " + ApologiesHandler.names(ambiguous.candidates())
                        + "; nothing changed");
            } else if (match instanceof Match.Unique unique) {
                desk.ledger().setTitle(unique.person().id(), named.role());
                desk.ledger().setMember(unique.person().id(), member);
                lines.add("- " + Md.esc(unique.person().name()) + ", " + Md.esc(named.role())
                        + (member ? "" : " (in attendance)"));
            } else {
                Person known = desk.ledger().addKnownPerson(desk.board().id(), named.name(), named.role());
                desk.ledger().setMember(known.id(), member);
                lines.add("- " + Md.esc(named.name()) + ", " + Md.esc(named.role()) + " (not in this chat: remembered"
                        + " by name)");
            }
        }
        desk.refresh();
        return "Role titles recorded:\n" + String.join("\n", lines);
    }

    static String undo(Desk desk, Command.Undo command) {
        Optional<Recording> last = desk.ledger().lastUndoableRecording(desk.board().id(), desk.sender().teamsId());
        if (last.isEmpty()) {
            return "You have nothing here to undo.";
        }
        if (last.get().kind() == RecordingKind.ACTION) {
            for (ActionItem action : desk.ledger().actions(desk.board().id())) {
                if (action.recordingId() == last.get().id() && desk.ledger().history(action.id()).size() > 1) {
                    throw new Refusal("Action " + action.displayNumber() + " has been updated or changed since you"
                            + " raised it, so undo would lose that history. If it should not be on the log, say "
                            + Md.code("close " + action.number()) + " (chair or secretary).");
                }
            }
        }
        desk.ledger().deleteRecordedItems(last.get().id());
        desk.ledger().markUndone(last.get().id(), desk.now());
        return "Undone: your last recording (" + last.get().kind().description() + ", from \""
                + Md.esc(ActionsHandler.shorten(last.get().source().text(), 160)) + "\").";
    }

    private static Person unique(Desk desk, String words, String form) {
        Match match = desk.roster().match(words);
        if (match instanceof Match.Unique unique) {
            return unique.person();
        }
        if (match instanceof Match.Ambiguous ambiguous) {
            throw new Refusal("\"" + Md.esc(words) + "\" could be " + ApologiesHandler.names(ambiguous.candidates())
                    + ". @mention the person: " + Md.code(form) + ".");
        }
        throw new Refusal("I don't know \"" + Md.esc(words) + "\" on this board. @mention them: " + Md.code(form)
                + ".");
    }
}
