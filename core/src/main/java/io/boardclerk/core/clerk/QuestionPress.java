package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Source;
import io.boardclerk.core.port.Directory;
import io.boardclerk.core.port.Ledger;

import java.util.List;
import java.util.Optional;

/**
 * A choice pressed on a {@link Card.Question}: the command it stands for is handled exactly as if the presser had
 * typed it, with their roles and the same record, and the question is replaced by what came of it.
 */
final class QuestionPress {

    /** No choice is longer than the longest message BoardClerk reads. */
    private static final int MAX_SAY = 20_000;

    private QuestionPress() {
    }

    /** The press as the message it stands for (its text empty when the choice drops the message). */
    static Turn typed(CardTurn turn) {
        String say = turn.data().getOrDefault(Card.Verbs.SAY_TEXT, "").strip();
        return new Turn(turn.conversation(), turn.sender(), say.length() > MAX_SAY ? "" : say, List.of(),
                turn.activityId(), turn.receivedAt());
    }

    /** @param said the choice's command, parsed before the transaction */
    static CardOutcome apply(Ledger ledger, CardTurn turn, List<Command> said,
                             Clerk clerk, boolean fresh, Directory directory) {
        String say = turn.data().getOrDefault(Card.Verbs.SAY_TEXT, "").strip();
        if (say.length() > MAX_SAY) {
            throw new Refusal("The card's data is altered (too long); nothing was recorded.");
        }
        if (!fresh) {
            // Teams delivered the same press again: it was handled the first time.
            return new CardOutcome(null, null, null, false);
        }
        String who = turn.sender().name() == null ? "someone" : turn.sender().name();
        if (say.isEmpty()) {
            return new CardOutcome(new Card.Settled("Dropped by " + who + ": nothing was recorded."), null, null,
                    false);
        }
        if (turn.conversation().personal()) {
            Reply reply = PersonalChat.handle(ledger, typed(turn), said, clerk, directory);
            return new CardOutcome(new Card.Settled("Answered by " + who + "."), null, reply.markdown(), false);
        }
        Board board = Clerk.boardFor(ledger, turn.conversation());
        Optional<Long> pressedFor = boardOf(turn);
        if (pressedFor.isPresent() && pressedFor.get() != board.id()) {
            throw new Refusal("This card belongs to another board's conversation, so it acts on nothing here; nothing"
                    + " was recorded.");
        }
        Source source = new Source(turn.activityId(), turn.sender().teamsId(), turn.sender().name(), say,
                turn.receivedAt());
        Desk desk = clerk.desk(ledger, turn.conversation(), turn.sender(), List.of(), source, Desk.VIA_CARD, directory);
        String reply = clerk.handle(desk, said);
        return new CardOutcome(new Card.Settled("Answered by " + who + "."), null, reply, false, null, desk.effects());
    }

    private static Optional<Long> boardOf(CardTurn turn) {
        String board = turn.data().get(Card.Verbs.BOARD);
        return board == null ? Optional.empty() : Optional.of((long) CardPress.number(turn.data(), Card.Verbs.BOARD));
    }
}
