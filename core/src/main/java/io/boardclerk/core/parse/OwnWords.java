package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.command.Command.Suggestion;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routing table for what members, owners and the secretary write in their own words, once no command or minute
 * shape has read the message: questions first (a question about declarations is not a declaration), then
 * declarations, reports on actions, apologies, decisions that may be actions, and chat that is not for the record.
 * Each grammar reads the whole message and answers a command or null. Commands and the minutes' sentences have their
 * own routing table, {@link Routes}, tried first, line by line.
 */
public final class OwnWords {

    private static final int I = Pattern.CASE_INSENSITIVE;
    /** "It was agreed that the Chief Constable would write to the Home Office": perhaps an action; offered, not taken. */
    private static final Pattern AGREED = Pattern.compile("^(?:it\\s+was\\s+|the\\s+board\\s+|members\\s+)?(?:agreed"
            + "|resolved|decided)\\s+that\\s+(?:the\\s+)?(.{2,80}?)\\s+(?:would|will|should|is\\s+to|are\\s+to|to)"
            + "\\s+(.{3,1500}?)[.\\s]*$", I | Pattern.DOTALL);

    private OwnWords() {
    }

    /** The command for a message in someone's own words, or null when nothing here reads it. */
    public static Command read(String text, LocalDate today) {
        if (text.length() > GrammarParts.MAX_ACTION_TEXT * 2) {
            return null;
        }
        Command command = QuestionWords.read(text);
        if (command == null) {
            command = DeclarationWords.read(text, today);
        }
        if (command == null) {
            command = OwnerWords.read(text, today);
        }
        if (command == null) {
            command = ApologyWords.read(text, today);
        }
        if (command == null) {
            command = agreed(text);
        }
        if (command == null) {
            command = ChatterWords.read(text);
        }
        return command;
    }

    private static Command agreed(String text) {
        Matcher m = AGREED.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        String owner = m.group(1).strip();
        String what = m.group(2).strip();
        String action = "Action: " + capital(owner) + " to " + what + ".";
        return new Command.Unclear("This reads as a decision. Record it as an action? " + action,
                List.of(new Suggestion("Record the action", action), new Suggestion("Not an action", "")),
                action);
    }

    private static String capital(String owner) {
        return owner.isEmpty() ? owner : Character.toUpperCase(owner.charAt(0)) + owner.substring(1);
    }
}
