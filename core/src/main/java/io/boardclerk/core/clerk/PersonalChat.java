package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.Board;
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

    /**
     * A personal chat's message, already parsed (outside the transaction). A member who sits on one board says
     * here whatever they would say in its chat (apologies, declarations, updates on their actions, questions), with
     * the same roles and record; one who sits on several is asked which board, or sent to its chat.
     */
    static Reply handle(Ledger ledger, Turn turn, List<Command> commands, Clerk clerk, Directory directory) {
        Command first = commands.get(0);
        if (first instanceof Command.Help) {
            return new Reply(HelpText.PERSONAL);
        }
        if (first instanceof Command.MyActions) {
            return ActionLogs.mineEverywhere(ledger, turn, turn.receivedAt().atZone(clerk.zone()).toLocalDate());
        }
        List<Board> boards = ledger.boardsOnRoster(turn.conversation().tenantId(), turn.sender().teamsId());
        if (boards.isEmpty()) {
            return new Reply("I don't know you as a member of any board yet. Send your apologies in the board's own "
                    + "chat, or ask the secretary to add BoardClerk there.");
        }
        if (first instanceof Command.ListApologies list && list.meeting() == null && commands.size() == 1) {
            // "apologies" alone, here, sends one's own (as the personal chat's help says).
            commands = List.of(new Command.OwnApologies(null));
            first = commands.get(0);
        }
        Command.OwnApologies apologies = first instanceof Command.OwnApologies own ? own : null;
        String choice = apologies == null ? null : apologies.meeting();
        Optional<Board> board = choose(boards, choice);
        if (board.isEmpty()) {
            if (apologies == null) {
                StringBuilder where = new StringBuilder("You sit on " + boards.size() + " boards, so say that in the"
                        + " chat of the board it is for:");
                boards.forEach(b -> where.append("\n- ").append(Md.esc(b.name())));
                return new Reply(where.toString());
            }
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
        Desk desk = clerk.desk(ledger, boardChat, turn.sender(), List.of(), Clerk.source(turn), directory)
                .withAddressed(true);
        List<Command> said = commands;
        if (apologies != null && choice != null && boards.size() > 1) {
            // What named the board chose it; the meeting is then the board's next (or asked).
            said = List.of(new Command.OwnApologies(null, apologies.note()));
        }
        String text = clerk.handle(desk, said);
        return new Reply(boards.size() > 1 ? "For " + Md.esc(chosen.name()) + ": " + text : text, desk.cards(),
                desk.effects());
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
