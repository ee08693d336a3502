package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.boardclerk.core.parse.GrammarParts.I;
import static io.boardclerk.core.parse.GrammarParts.group;

/**
 * Apologies as commands and as the minutes record them: a member's own ("Please send my apologies for the July
 * Board", "apologies 2" to choose a meeting offered), the secretary's list ("Apologies were received from Jon Leigh,
 * Chief Finance Officer; Jane Gifford", "apologies for 15/04/2027: Jon Leigh, Priya Shah") and taking one back
 * ("remove apology Jon Leigh"). Apologies in looser words are {@link ApologyWords}'.
 */
final class ApologyGrammar {

    private static final Pattern APOLOGIES = Pattern.compile("^(?:apologies\\s+(?:for\\s+absence\\s+)?(?:were|have\\s+been"
            + "|had\\s+been)\\s+(?:also\\s+)?(?:received|given|sent|noted)\\s+(?:from|for|by)|there\\s+were\\s+(?:also\\s+)?"
            + "apologies\\s+(?:from|for|received\\s+from)|apologies\\s+(?:for\\s+absence\\s+)?(?:from|for)|apologies)"
            + "\\s*[:,]?\\s*(?<=[\\s:,])(.+)$", I);
    /** "apologies for 15/04/2027: Jon Leigh, Priya Shah": apologies for the meeting of that date. */
    private static final Pattern APOLOGIES_FOR_DATE = Pattern.compile("^apologies\\s+for\\s+(?:the\\s+meeting\\s+(?:of|on)"
            + "\\s+)?(\\d{1,2}/\\d{1,2}/\\d{4})\\s*[:,\\-–]\\s*(.+)$", I);
    /** The minutes' own sentence, as against the command: about the meeting being minuted. */
    private static final Pattern MINUTES_APOLOGIES = Pattern.compile("^(?:apologies\\s+(?:for\\s+absence\\s+)?(?:were"
            + "|have\\s+been|had\\s+been)\\s|there\\s+were\\s+(?:also\\s+)?apologies)", I);
    private static final Pattern OWN_APOLOGIES = Pattern.compile("^(?:(?:please\\s+)?(?:send|accept|give|record)\\s+my\\s+"
            + "apologies|my\\s+apologies|apologies\\s+from\\s+me|i\\s+(?:send|give|offer)\\s+(?:my\\s+)?apologies"
            + "|i\\s+(?:can't|cannot|can\\s+not|won't|will\\s+not)\\s+(?:attend|make\\s+it|be\\s+there))"
            + "(?:\\s+(?:for|to)\\s+(?:the\\s+)?(.+?))?[.!]?$", I);
    private static final Pattern APOLOGIES_CHOICE = Pattern.compile("^apologies\\s+(\\d{1,2})$", I);
    private static final Pattern THE_FOLLOWING = Pattern.compile("(?i)^(?:the\\s+following\\s*:?\\s*)");
    private static final Pattern REMOVE_APOLOGY = Pattern.compile("^remove\\s+apolog(?:y|ies)\\s+(?:from\\s+|for\\s+)?(.+)$", I);

    /** The shapes, in the order they are tried. */
    static final List<Shape> SHAPES = List.of(
            Shape.of("please send accept give record my apologies i", (l, c) -> ownApologies(l)),
            Shape.of("remove", (l, c) -> group(REMOVE_APOLOGY, l, m -> new Command.RemoveApology(m.group(1).strip()))),
            Shape.of("apologies", (l, c) -> group(APOLOGIES_FOR_DATE, l, m -> apologiesFor(m.group(1), m.group(2), c))),
            Shape.of("apologies there", (l, c) -> group(APOLOGIES, l, m -> apologies(m.group(1), l, c))));

    private ApologyGrammar() {
    }

    private static Command ownApologies(String line) {
        Matcher m = OWN_APOLOGIES.matcher(line);
        if (m.matches()) {
            if (m.group(1) == null) {
                return new Command.OwnApologies(null);
            }
            // "my apologies for the July Board (on leave)": the meeting as named, the reason as a note.
            String[] said = ApologyWords.splitNote(m.group(1));
            String note = said[1] != null ? said[1] : ApologyWords.note(said[0], null);
            return new Command.OwnApologies(said[0], note);
        }
        Matcher choice = APOLOGIES_CHOICE.matcher(line);
        return choice.matches() ? new Command.OwnApologies(choice.group(1)) : null;
    }

    /** "apologies for 15/04/2027: Jon Leigh, Priya Shah": the names, for the meeting of that date. */
    private static Command apologiesFor(String date, String list, ParseContext context) {
        Optional<DateFinding> on = BritishDates.parseWhole(date, context.today());
        if (on.isEmpty() || on.get().impossible()) {
            return new Command.Invalid("\"" + date + "\" is not a date on the calendar.",
                    "apologies for 15/04/2027: Jon Leigh, Priya Shah");
        }
        Command names = apologies(list, "apologies " + list, context);
        return names instanceof Command.RecordApologies record
                ? new Command.RecordApologies(record.people(), false, on.get().date()) : names;
    }

    /**
     * "Apologies were received from Jon Leigh, Chief Finance Officer; ...": a list of names. Not "apologies for the
     * July Board" or "apologies from me" (a member's own, read by {@link ApologyWords}), nor "apologies for being
     * late": whatever in the list is not a name leaves the line to the words of a member.
     */
    private static Command apologies(String list, String line, ParseContext context) {
        String names = THE_FOLLOWING.matcher(list).replaceFirst("");
        var people = NameListParser.parse(names, context.knownNames(), context.initials());
        if (people.isEmpty()) {
            return new Command.Unknown(list, "no names after \"apologies\"");
        }
        for (Command.NamedPerson person : people) {
            if (!NameListParser.looksLikeName(person.name(), context.knownNames(), context.initials())) {
                return null;
            }
        }
        return new Command.RecordApologies(people, MINUTES_APOLOGIES.matcher(line).lookingAt());
    }
}
