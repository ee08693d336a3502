package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.model.Source;
import io.boardclerk.core.parse.BritishDates;
import io.boardclerk.core.parse.CommandParser;
import io.boardclerk.core.port.Ledger;
import io.boardclerk.core.reminder.Composer;
import io.boardclerk.core.reminder.PlannedReminder;
import io.boardclerk.core.reminder.ReminderKind;
import io.boardclerk.core.reminder.ReminderMessage;
import io.boardclerk.core.reminder.ReminderPlanner;
import io.boardclerk.core.view.Views;

import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A button pressed on a reminder card in someone's personal chat with the bot. The card names its board; the press
 * acts there only if that board is in the presser's tenant and its roster holds them, and then exactly as the typed
 * command would on that board (same handlers, roles and history, "card" as where it came from). What the board should
 * hear of it comes back as a {@link CardOutcome.BoardNotice} for the bot to post in the board's chat.
 */
final class ReminderPress {

    private static final Set<String> VERBS = Set.of(Card.Verbs.UPDATE, Card.Verbs.DONE, Card.Verbs.MORE_TIME,
            Card.Verbs.SNOOZE);
    private static final int MAX_SNOOZE_DAYS = 10;

    private ReminderPress() {
    }

    static boolean handles(String verb) {
        return verb != null && VERBS.contains(verb);
    }

    static CardOutcome apply(Ledger ledger, CardTurn turn, Clerk clerk, boolean fresh) {
        String verb = turn.verb();
        Map<String, String> data = turn.data();
        if (!data.containsKey(Card.Verbs.BOARD)) {
            throw new Refusal("That button works only on a reminder card or in the board's own conversation; nothing"
                    + " was recorded.");
        }
        long boardId = CardPress.number(data, Card.Verbs.BOARD);
        int number = CardPress.number(data, Card.Verbs.NUMBER);
        Board board = ledger.board(boardId)
                .filter(b -> b.tenantId().equals(turn.conversation().tenantId()))
                .filter(b -> ledger.personByTeamsId(b.id(), turn.sender().teamsId()).map(Person::onRoster)
                        .orElse(false))
                .orElseThrow(() -> new Refusal("This card belongs to a board you are not a member of, so it acts on"
                        + " nothing; nothing was recorded."));
        Integer version = verb.equals(Card.Verbs.SNOOZE) ? null : CardPress.number(data, Card.Verbs.VERSION);
        String input = input(verb, data);
        Source source = new Source(turn.activityId(), turn.sender().teamsId(), turn.sender().name(),
                typed(verb, number, input), turn.receivedAt());
        Conversation boardChat = new Conversation(board.tenantId(), board.conversationId(),
                Conversation.Kind.GROUP_CHAT, null);
        Desk desk = clerk.desk(ledger, boardChat, turn.sender(), List.of(), source, Desk.VIA_CARD,
                io.boardclerk.core.port.Directory.OFF);
        ActionItem action = ActionsHandler.find(desk, number);
        List<Integer> shown = shown(data, number);
        if (!fresh) {
            return new CardOutcome(redraw(desk, shown, null), null, null, false);
        }
        if (action.status() == ActionStatus.CLOSED) {
            return new CardOutcome(redraw(desk, shown, "Closed: nothing more to do"), "Action "
                    + action.displayNumber() + " is closed; nothing was recorded.", null, true);
        }
        if (version != null && version != action.version()) {
            return new CardOutcome(redraw(desk, shown, null), "This card was out of date, so nothing was recorded. It"
                    + " now shows action " + action.displayNumber() + " as it stands; press again if you still mean"
                    + " it.", null, true);
        }
        String who = desk.source().senderName();
        String outcome;
        String notice;
        switch (verb) {
            case Card.Verbs.UPDATE -> {
                notice = clerk.run(desk, new Command.UpdateAction(number, input));
                outcome = "Update posted by " + who + ", " + ActionLife.stamp(desk);
            }
            case Card.Verbs.DONE -> {
                notice = clerk.run(desk, new Command.ReportDone(number));
                outcome = "Reported done by " + who + ", " + ActionLife.stamp(desk);
            }
            case Card.Verbs.MORE_TIME -> {
                desk.requireOwnerOrOfficer(action, "ask for more time on it");
                desk.audit(action.id(), "more time asked", Views.target(action.target()), input);
                notice = "**" + Md.esc(who) + "** asks for more time on action **" + action.displayNumber() + "** ("
                        + Md.esc(action.text()) + "): a new target of " + Md.esc(input) + " instead of "
                        + Md.esc(Views.target(action.target())) + ". The chair can agree with "
                        + Md.code("action " + number + " due " + input.replaceAll("[<>]", "")) + ".";
                outcome = "More time asked for by " + who + " (" + input + "), " + ActionLife.stamp(desk)
                        + ": the chair decides";
            }
            default -> {
                desk.requireOwnerOrOfficer(action, "snooze its reminders");
                if (action.status() != ActionStatus.OPEN) {
                    throw new Refusal("Action " + action.displayNumber() + " is " + action.status().word()
                            + ", so it has no reminders to snooze.");
                }
                PlannedReminder snooze = ReminderPlanner.snooze(action, desk.sender().id(), Integer.parseInt(input),
                        ledger.reminderPolicy(board.id()), desk.now());
                ledger.planReminder(snooze, desk.now());
                LocalDateTime at = LocalDateTime.ofInstant(snooze.dueAt(), ledger.reminderPolicy(board.id()).zone());
                outcome = "Snoozed: you will be reminded again on "
                        + at.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK) + " "
                        + BritishDates.format(at.toLocalDate()) + " at " + at.toLocalTime();
                notice = null;
            }
        }
        desk.refresh();
        CardOutcome.BoardNotice boardNotice = notice == null || notice.isBlank() ? null
                : new CardOutcome.BoardNotice(board.id(), notice + " _(from a reminder)_");
        return new CardOutcome(redraw(desk, shown, outcome), null, null, false, boardNotice);
    }

    private static String input(String verb, Map<String, String> data) {
        return switch (verb) {
            case Card.Verbs.UPDATE, Card.Verbs.MORE_TIME -> {
                boolean update = verb.equals(Card.Verbs.UPDATE);
                String value = data.getOrDefault(update ? Card.Verbs.TEXT : Card.Verbs.TARGET, "").strip();
                if (value.isEmpty()) {
                    throw new Refusal(update ? "Write the update in the box, then press Post."
                            : "Write the target you propose in the box (a date such as 26/05/2026, or a meeting such"
                            + " as the next Board), then press Send.");
                }
                int limit = update ? CommandParser.MAX_UPDATE_TEXT : 200;
                if (value.length() > limit) {
                    throw new Refusal("That is " + value.length() + " characters; at most " + limit + " fit here.");
                }
                yield value;
            }
            case Card.Verbs.SNOOZE -> {
                int days = CardPress.number(data, Card.Verbs.DAYS);
                if (days < 1 || days > MAX_SNOOZE_DAYS) {
                    throw new Refusal("Snooze for 1 to " + MAX_SNOOZE_DAYS + " working days; nothing was recorded.");
                }
                yield Integer.toString(days);
            }
            default -> null;
        };
    }

    private static String typed(String verb, int number, String input) {
        return switch (verb) {
            case Card.Verbs.UPDATE -> "update " + number + " " + input;
            case Card.Verbs.DONE -> "done " + number;
            case Card.Verbs.MORE_TIME -> "more time on " + number + ": " + input;
            default -> "snooze " + number + " for " + input + " working days";
        };
    }

    private static List<Integer> shown(Map<String, String> data, int pressed) {
        List<Integer> numbers = new ArrayList<>();
        String list = data.get(Card.Verbs.ACTIONS);
        if (list != null && list.strip().matches("\\d{1,9}(\\s*,\\s*\\d{1,9}){0,49}")) {
            for (String part : list.split(",")) {
                numbers.add(Integer.parseInt(part.strip()));
            }
        }
        if (!numbers.contains(pressed)) {
            numbers.add(0, pressed);
        }
        return numbers;
    }

    /** The reminder card as things stand: its actions now, the outcome in words, buttons while any is open. */
    static Card.Reminder redraw(Desk desk, List<Integer> numbers, String outcome) {
        List<ActionItem> actions = numbers.stream().map(n -> desk.ledger().action(desk.board().id(), n))
                .flatMap(java.util.Optional::stream).toList();
        boolean live = actions.stream().anyMatch(a -> a.status() == ActionStatus.OPEN
                || a.status() == ActionStatus.ONGOING);
        String headline;
        ReminderKind kind;
        if (actions.size() == 1) {
            ActionItem action = actions.get(0);
            boolean dated = action.status() == ActionStatus.OPEN && action.target().date() != null;
            headline = dated ? Composer.headline(action, desk.today()) : "Action " + action.displayNumber() + " is "
                    + switch (action.status()) {
                        case COMPLETE -> "reported done and awaits the board.";
                        case CLOSED -> "closed.";
                        case ONGOING -> "on-going.";
                        case OPEN -> "open, with no target date.";
                    };
            kind = !dated ? ReminderKind.DUE : action.target().date().isBefore(desk.today()) ? ReminderKind.OVERDUE
                    : action.target().date().equals(desk.today()) ? ReminderKind.DUE : ReminderKind.BEFORE;
        } else {
            headline = "Your actions on the log of " + desk.board().name() + ".";
            kind = ReminderKind.DIGEST;
        }
        return new Card.Reminder(new ReminderMessage(kind, desk.board().id(), desk.board().name(), headline,
                actions.stream().map(Views::row).toList(), null), outcome, live);
    }
}
