package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.ActionStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An owner's action named by what it is ("I've finished the reserves forecast"): the one open action of theirs whose
 * text has those words. Several that fit are asked about with a button each; none is said plainly. Never a guess.
 */
final class MyActionByName {

    /** Words too common in actions to tell one from another. */
    private static final Set<String> COMMON = Set.of("report", "paper", "review", "update", "action", "board",
            "meeting", "the", "and", "with", "from", "into", "next", "plan", "work", "for", "our", "my");

    private MyActionByName() {
    }

    static String handle(Desk desk, Command.AboutMyAction command) {
        List<String> wanted = words(command.about());
        List<ActionItem> mine = desk.ledger().actions(desk.board().id()).stream()
                .filter(a -> a.status() != ActionStatus.CLOSED && desk.senderOwns(a))
                .filter(a -> !wanted.isEmpty() && names(a.text(), wanted))
                .toList();
        if (mine.size() == 1) {
            ActionItem action = mine.get(0);
            return switch (command.what()) {
                case DONE -> ActionLife.done(desk, new Command.ReportDone(action.number()));
                case MORE_TIME -> ActionLife.moreTime(desk, new Command.MoreTime(action.number(), command.detail()));
                case UPDATE -> ActionLife.update(desk, new Command.UpdateAction(action.number(), command.detail()));
            };
        }
        if (mine.isEmpty()) {
            return "I couldn't tell which of your actions \"" + Md.esc(command.about()) + "\" is, so nothing is "
                    + "recorded. Say it with the action's number (" + Md.code("my actions") + " lists them), e.g. "
                    + Md.code(typed(command, 12)) + ".";
        }
        List<Card.Question.Choice> choices = new ArrayList<>();
        for (ActionItem action : mine.subList(0, Math.min(4, mine.size()))) {
            String say = typed(command, action.number());
            choices.add(new Card.Question.Choice("Action " + action.displayNumber(), say));
        }
        choices.add(new Card.Question.Choice("Neither", ""));
        desk.show(new Card.Question(desk.board().id(), "Which of your actions do you mean by \"" + command.about()
                + "\"?", choices));
        return "Several of your actions fit \"" + Md.esc(command.about()) + "\": which is it? Nothing is recorded "
                + "until you say.";
    }

    private static String typed(Command.AboutMyAction command, int number) {
        return switch (command.what()) {
            case DONE -> "done " + number;
            case MORE_TIME -> "more time on " + number + ": " + command.detail();
            case UPDATE -> "update " + number + " " + command.detail();
        };
    }

    /**
     * True when every word wanted is in the action's text, or stands for a run of its words by their initials
     * ("bwv" for "body worn video").
     */
    private static boolean names(String text, List<String> wanted) {
        List<String> words = words(text);
        List<String> all = List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\d]+"));
        StringBuilder initials = new StringBuilder();
        all.forEach(w -> initials.append(w.isEmpty() ? "" : w.substring(0, 1)));
        for (String w : wanted) {
            boolean acronym = w.length() >= 2 && w.length() <= 5 && initials.indexOf(w) >= 0;
            if (!words.contains(w) && !acronym) {
                return false;
            }
        }
        return true;
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\d]+")) {
            if (w.length() >= 3 && !COMMON.contains(w)) {
                out.add(w.endsWith("s") ? w.substring(0, w.length() - 1) : w);
            }
        }
        return out;
    }
}
