package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.command.Command.Suggestion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Asking instead of guessing, and saying little when there is nothing to record: questions with the readings as
 * buttons, chat that is not for the record, and the nearest readings of a message that matches nothing.
 */
final class AskingHandler {

    /** Where nothing else comes near, these three. */
    private static final List<Suggestion> STARTERS = List.of(
            new Suggestion("My actions", "my actions"),
            new Suggestion("The action log", "action log"),
            new Suggestion("Help", "help"));

    /** Readings offered for a message that matches nothing: the words that bring each to mind, and the reading. */
    private record Nearby(List<String> words, Suggestion suggestion) {
    }

    private static final List<Nearby> NEARBY = List.of(
            new Nearby(List.of("apolog", "absent", "away", "attend", "make it", "leave", "miss"),
                    new Suggestion("Send my apologies for the next meeting", "my apologies for the next meeting")),
            new Nearby(List.of("declar", "interest", "conflict"),
                    new Suggestion("Show the declarations", "declarations")),
            new Nearby(List.of("action", "update", "done", "finish", "complet", "owner", "due", "target"),
                    new Suggestion("My actions", "my actions")),
            new Nearby(List.of("overdue", "late", "behind", "slipp"),
                    new Suggestion("Overdue actions", "action log overdue")),
            new Nearby(List.of("meeting", "next", "date", "when"),
                    new Suggestion("When is the next meeting?", "when is the next meeting")),
            new Nearby(List.of("log", "summary", "list"), new Suggestion("The action log", "action log")),
            new Nearby(List.of("minute", "draft"), new Suggestion("Draft the minutes", "draft minutes")));

    private AskingHandler() {
    }

    /** Two readings, or something missing: the question, with its choices as buttons. */
    static String unclear(Desk desk, Command.Unclear command) {
        List<Card.Question.Choice> choices = command.choices().stream()
                .map(s -> new Card.Question.Choice(s.label(), s.say())).toList();
        desk.show(new Card.Question(desk.board().id(), command.question(), choices));
        return Md.esc(command.question()) + " Nothing is recorded until you say"
                + (command.howToSayIt() == null ? "." : " (or type " + Md.code(command.howToSayIt()) + ").");
    }

    /** Chat not for the record: silence, unless BoardClerk was addressed. */
    static String chatter(Desk desk, Command.Chatter command) {
        if (!desk.addressed()) {
            return "";
        }
        return switch (command.kind()) {
            case THANKS -> "You're welcome.";
            case SOCIAL -> "Hello. Say " + Md.code("help") + " to see what I can record.";
            case REMARK -> "Noted; nothing recorded.";
        };
    }

    /**
     * A message that matches nothing: at most three lines, the nearest readings as buttons; silence when it was not
     * addressed to BoardClerk. {@code help} still gives the whole grammar.
     */
    static String unknown(Desk desk, Command.Unknown command) {
        if (!desk.addressed()) {
            return "";
        }
        if (command.reason() != null) {
            // A command's word with nothing usable after it: how to say it, not a guess at what else was meant.
            return "I didn't catch that (" + Md.esc(command.reason()) + "), so nothing is recorded.\n"
                    + hints(command.text());
        }
        List<Suggestion> nearest = nearest(command.text());
        desk.show(new Card.Question(desk.board().id(), "Did you mean one of these?", nearest.stream()
                .map(s -> new Card.Question.Choice(s.label(), s.say())).toList()));
        return "I didn't catch that, so nothing is recorded.\n" + hints(command.text());
    }

    /** The grammar line of the command the text begins with, if any, and where the rest of the grammar is. */
    private static String hints(String text) {
        return HelpText.hintFor(text) + "Say " + Md.code("help") + " for everything I understand.";
    }

    static List<Suggestion> nearest(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        List<Suggestion> found = new ArrayList<>();
        for (Nearby nearby : NEARBY) {
            if (found.size() < 3 && nearby.words().stream().anyMatch(lower::contains)
                    && !found.contains(nearby.suggestion())) {
                found.add(nearby.suggestion());
            }
        }
        for (Suggestion starter : STARTERS) {
            if (found.size() < 3 && !found.contains(starter)) {
                found.add(starter);
            }
        }
        return found;
    }
}
