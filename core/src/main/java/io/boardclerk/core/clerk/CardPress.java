package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.parse.CommandParser;

import java.util.Map;
import java.util.Optional;

/**
 * One press of a card button, checked and read: the verb, the action and the card's version of it, and the inputs.
 * {@link #typed()} is the command a person would have typed to the same effect; it is what the record keeps.
 */
record CardPress(String verb, int number, Integer version, String input, String query, int page, Long board) {

    static CardPress read(CardTurn turn) {
        CardPress press = readVerb(turn);
        String board = turn.data().get(Card.Verbs.BOARD);
        return board == null ? press : new CardPress(press.verb, press.number, press.version, press.input, press.query,
                press.page, (long) number(turn.data(), Card.Verbs.BOARD));
    }

    private static CardPress readVerb(CardTurn turn) {
        String verb = turn.verb() == null ? "" : turn.verb();
        Map<String, String> data = turn.data();
        return switch (verb) {
            case Card.Verbs.MORE -> new CardPress(verb, 0, null, null,
                    data.getOrDefault(Card.Verbs.QUERY, ""), number(data, Card.Verbs.PAGE), null);
            case Card.Verbs.REFRESH -> new CardPress(verb, number(data, Card.Verbs.NUMBER), null, null, null, 0, null);
            case Card.Verbs.UPDATE, Card.Verbs.NEW_TARGET -> {
                String field = verb.equals(Card.Verbs.UPDATE) ? Card.Verbs.TEXT : Card.Verbs.TARGET;
                String input = data.getOrDefault(field, "").strip();
                if (input.isEmpty()) {
                    throw new Refusal(verb.equals(Card.Verbs.UPDATE) ? "Write the update in the box, then press Post."
                            : "Write the new target in the box (a date such as 26/05/2026, or a meeting such as the"
                            + " next Board), then press Save.");
                }
                int limit = verb.equals(Card.Verbs.UPDATE) ? CommandParser.MAX_UPDATE_TEXT : 200;
                if (input.length() > limit) {
                    throw new Refusal("That is " + input.length() + " characters; at most " + limit + " fit here.");
                }
                yield new CardPress(verb, number(data, Card.Verbs.NUMBER), number(data, Card.Verbs.VERSION), input,
                        null, 0, null);
            }
            case Card.Verbs.DONE, Card.Verbs.KEEP_OPEN -> new CardPress(verb, number(data, Card.Verbs.NUMBER),
                    number(data, Card.Verbs.VERSION), null, null, 0, null);
            default -> throw new Refusal("That button is not one BoardClerk knows; nothing was recorded.");
        };
    }

    static int number(Map<String, String> data, String field) {
        String value = data.get(field);
        if (value == null || !value.strip().matches("\\d{1,9}")) {
            throw new Refusal("The card's data is incomplete or altered (" + field + "); nothing was recorded.");
        }
        return Integer.parseInt(value.strip());
    }

    /** The typed command with the same effect, kept as the recording's text. */
    String typed() {
        return switch (verb) {
            case Card.Verbs.UPDATE -> "update " + number + " " + input;
            case Card.Verbs.DONE -> "done " + number;
            case Card.Verbs.KEEP_OPEN -> "keep " + number + " open";
            case Card.Verbs.NEW_TARGET -> "action " + number + " due " + input;
            case Card.Verbs.REFRESH -> "review " + number;
            default -> "my".equals(query) ? "my actions"
                    : "action log" + (query == null || query.isBlank() ? "" : " " + query);
        };
    }

    CardOutcome apply(Desk desk, Clerk clerk, boolean fresh) {
        if (verb.equals(Card.Verbs.MORE)) {
            return more(desk, clerk);
        }
        if (board != null && board != desk.board().id()) {
            throw new Refusal("This card belongs to another board's conversation, so it acts on nothing here; nothing"
                    + " was recorded. Say " + Md.code("review <number>") + " here for this board's action.");
        }
        Optional<ActionItem> found = desk.ledger().action(desk.board().id(), number);
        if (found.isEmpty()) {
            throw new Refusal("There is no action " + ActionItem.displayNumber(number) + " on the log of "
                    + Md.esc(desk.board().name()) + ".");
        }
        ActionItem action = found.get();
        if (verb.equals(Card.Verbs.REFRESH) || !fresh) {
            return new CardOutcome(ActionLife.reviewCard(desk, action, null), null, null, false);
        }
        if (action.status() == ActionStatus.CLOSED) {
            return new CardOutcome(ActionLife.reviewCard(desk, action, "Closed: nothing more to do"),
                    "Action " + action.displayNumber() + " is closed; nothing was recorded.", null, true);
        }
        if (version != null && version != action.version()) {
            return new CardOutcome(ActionLife.reviewCard(desk, action, null),
                    "This card was out of date, so nothing was recorded. It now shows action "
                            + action.displayNumber() + " as it stands; press again if you still mean it.", null, true);
        }
        Command command = switch (verb) {
            case Card.Verbs.UPDATE -> new Command.UpdateAction(number, input);
            case Card.Verbs.DONE -> new Command.ReportDone(number);
            case Card.Verbs.KEEP_OPEN -> new Command.KeepOpen(number);
            default -> null;
        };
        String announcement = command == null ? ActionLife.newTarget(desk, number, input) : clerk.run(desk, command);
        ActionItem now = desk.ledger().action(desk.board().id(), number).orElseThrow();
        String outcome = switch (verb) {
            case Card.Verbs.UPDATE -> "Update posted by ";
            case Card.Verbs.DONE -> "Reported done by ";
            case Card.Verbs.KEEP_OPEN -> "Kept open by ";
            default -> "New target set by ";
        } + desk.source().senderName() + ", " + ActionLife.stamp(desk);
        return new CardOutcome(ActionLife.reviewCard(desk, now, outcome), null,
                announcement + " _(from the review card)_", false);
    }

    private CardOutcome more(Desk desk, Clerk clerk) {
        Command command = switch (query == null ? "" : query.strip()) {
            case "" -> new Command.ActionLog();
            case "overdue" -> new Command.ActionLog(true, null);
            case "my" -> new Command.MyActions();
            default -> query.startsWith("owner ") ? new Command.ActionLog(false, query.substring(6).strip()) : null;
        };
        if (command == null) {
            throw new Refusal("The card's data is incomplete or altered (query); nothing was shown.");
        }
        String text = clerk.run(desk, command);
        return desk.cards().stream().filter(Card.ActionLog.class::isInstance).map(Card.ActionLog.class::cast)
                .findFirst()
                .map(c -> new CardOutcome(new Card.ActionLog(c.view(), page), null, null, false))
                .orElseGet(() -> new CardOutcome(null, text, null, false));
    }
}
