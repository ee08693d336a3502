package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.parse.CommandParser;
import io.boardclerk.core.parse.ParseContext;
import io.boardclerk.core.port.Directory;
import io.boardclerk.core.port.Ledger;
import io.boardclerk.core.roster.RosterMatcher;

import java.util.List;
import java.util.Optional;

/**
 * A member's personal chat with the bot: their own apologies, for whichever of their boards they mean. Nothing in
 * a personal chat reaches a board the sender is not on.
 */
final class PersonalChat {

    private PersonalChat() {
    }

    static Reply handle(Ledger ledger, Turn turn, Clerk clerk, Directory directory) {
        return handle(ledger, turn, CommandParser.parse(turn.text(), new ParseContext(
                turn.receivedAt().atZone(clerk.zone()).toLocalDate(), List.of(), List.of(), List.of())), clerk,
                directory);
    }

    /** A personal chat's message, already parsed (outside the transaction). */
    static Reply handle(Ledger ledger, Turn turn, List<Command> commands, Clerk clerk, Directory directory) {
        Command command = commands.get(0);
        String choice;
        Command.OwnApologies apologies = null;
        if (command instanceof Command.OwnApologies own) {
            choice = own.meeting();
            apologies = own;
        } else if (command instanceof Command.ListApologies) {
            choice = null;
        } else if (command instanceof Command.MyActions) {
            return ActionLogs.mineEverywhere(ledger, turn, turn.receivedAt().atZone(clerk.zone()).toLocalDate());
        } else if (command instanceof Command.Help) {
            return new Reply(HelpText.PERSONAL);
        } else {
            return new Reply("I can't do that in a personal chat. " + HelpText.PERSONAL);
        }
        List<Board> boards = ledger.boardsOnRoster(turn.conversation().tenantId(), turn.sender().teamsId());
        if (boards.isEmpty()) {
            return new Reply("I don't know you as a member of any board yet. Send your apologies in the board's own "
                    + "chat, or ask the secretary to add BoardClerk there.");
        }
        Optional<Board> board = choose(boards, choice);
        if (board.isEmpty()) {
            StringBuilder ask = new StringBuilder("You sit on " + boards.size() + " boards. Which meeting are you sending"
                    + " apologies for?");
            for (int i = 0; i < boards.size(); i++) {
                ask.append("\n- ").append(Md.code("apologies " + (i + 1))).append(" for ")
                        .append(Md.esc(boards.get(i).name()));
            }
            return new Reply(ask.toString());
        }
        Board chosen = board.get();
        Conversation boardChat = new Conversation(chosen.tenantId(), chosen.conversationId(),
                Conversation.Kind.GROUP_CHAT, null);
        Desk desk = clerk.desk(ledger, boardChat, turn.sender(), List.of(), Clerk.source(turn), directory);
        // What named the board chose it; what named a meeting (or nothing) says which of its meetings.
        boolean namedBoard = choice != null && boards.size() > 1;
        Command.OwnApologies own = apologies == null ? new Command.OwnApologies(null)
                : namedBoard ? new Command.OwnApologies(null, apologies.note()) : apologies;
        String text = ApologiesHandler.own(desk, own);
        return new Reply(text, desk.cards());
    }

    private static Optional<Board> choose(List<Board> boards, String choice) {
        if (choice != null) {
            String wanted = RosterMatcher.normal(choice).replaceFirst("^the ", "");
            if (wanted.matches("\\d{1,2}")) {
                int index = Integer.parseInt(wanted) - 1;
                return index >= 0 && index < boards.size() ? Optional.of(boards.get(index)) : Optional.empty();
            }
            List<Board> named = boards.stream()
                    .filter(b -> RosterMatcher.normal(b.name()).contains(wanted)
                            || wanted.contains(RosterMatcher.normal(b.name())))
                    .toList();
            if (named.size() == 1) {
                return Optional.of(named.get(0));
            }
        }
        return boards.size() == 1 ? Optional.of(boards.get(0)) : Optional.empty();
    }
}
