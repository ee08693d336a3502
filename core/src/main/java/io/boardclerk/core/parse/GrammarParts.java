package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the grammars share: agenda item numbers, interest kinds, tidying words up, and a date off the calendar. */
final class GrammarParts {

    /** Case-insensitive matching, in ASCII only: the flag every grammar's patterns use. */
    static final int I = Pattern.CASE_INSENSITIVE;
    /** An agenda item's number, as a group: "5", "4a", "5.7", "12.3.1". */
    static final String ITEM = "(\\d{1,3}[a-z]?(?:\\.\\d{1,3}){0,3})";
    /** The kind of an interest, as a group. */
    static final String KIND = "(personal|pecuniary|prejudicial|other)";
    /** An action's number, perhaps as "action no. 12" or "12.0", as a group. */
    static final String NUM = "(?:action\\s+)?(?:no\\.?\\s*)?(\\d{1,6})(?:\\.0)?";
    /** The longest action text accepted, in characters. */
    static final int MAX_ACTION_TEXT = 2000;
    /** The longest update accepted, in characters. */
    static final int MAX_UPDATE_TEXT = 4000;

    static final Pattern SPACES = Pattern.compile("\\s+");
    static final Pattern FINAL_STOP = Pattern.compile("\\.$");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.;,]+$");

    private GrammarParts() {
    }

    /** The command {@code build} makes of the line when the whole of it matches {@code pattern}, else null. */
    static Command group(Pattern pattern, String line, Function<Matcher, Command> build) {
        Matcher m = pattern.matcher(line);
        return m.matches() ? build.apply(m) : null;
    }

    /** A date that is not on the calendar (31/02/2027): the problem, and the user's own words with a real date. */
    static Command impossibleDate(DateFinding date, String example) {
        return new Command.Invalid("\"" + date.written() + "\" is not a date on the calendar. Write dates "
                + BritishDates.FORMAT_HINT + ".", example);
    }

    /** The words with their spaces made single and their trailing punctuation and final full stop gone. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        String spaced = SPACES.matcher(s.strip()).replaceAll(" ");
        return FINAL_STOP.matcher(TRAILING_PUNCTUATION.matcher(spaced).replaceAll("")).replaceAll("");
    }
}
