package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.InterestKind;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member's own declaration as people write it in chat: "I ought to declare something on item 6, my brother-in-law
 * runs one of the firms bidding", "Interest to declare for 4.2: I'm a governor at the school", "pecuniary interest -
 * item 11 - shareholding in the supplier". The item, the kind only if named, and the nature in the member's words.
 * "Nothing to declare from me" records nothing.
 */
final class DeclarationWords {

    private static final int I = Pattern.CASE_INSENSITIVE;
    static final String ITEM = "(\\d{1,3}[a-z]?(?:\\.\\d{1,3}){0,3})";
    private static final Pattern TRIGGER = Pattern.compile("\\b(?:declar(?:e|ing|ation)|interest)\\b", I);
    private static final Pattern NOTHING = Pattern.compile("\\b(?:nothing|no(?:\\s+\\w+)?\\s+(?:interests?|declarations?)"
            + "|none|nil|not\\s+(?:declaring|conflicted)|no\\s+conflicts?)\\b(?!\\s+(?:in|on|for)\\s+item)", I);
    private static final Pattern ITEM_REF = Pattern.compile("(?:\\b(?:agenda\\s+)?item(?:\\s+no\\.?)?\\s*" + ITEM
            + "\\b|\\b(?:on|for|in|re|under|at)\\s+" + ITEM + "(?=\\s*(?:[,:;\\-–—(]|$|\\s+(?:as|because|since|-)\\b))"
            + "|(?:^|\\s[-–—]\\s*)" + ITEM + "(?=\\s*[-–—:]))", I);
    private static final Pattern KIND = Pattern.compile("\\b(personal|pecuniary|non[-\\s]pecuniary|prejudicial"
            + "|other(?:\\s+registrable)?)(?:\\s+and\\s+(personal|pecuniary|prejudicial))?\\s+interest", I);
    /** What opens a declaration and is not its nature. */
    private static final Pattern LEAD = Pattern.compile("^(?:hi|hello|sorry|just|quickly|fyi|chair|all)?[,\\s]*"
            + "(?:i\\s+(?:ought\\s+to|should|need\\s+to|must|have\\s+to|wish\\s+to|would\\s+like\\s+to|want\\s+to"
            + "|'d\\s+better|'ll|will)?\\s*declare\\s+(?:something|an?\\s+(?:\\w+\\s+)?interest|my\\s+interest"
            + "|that)?|(?:an?\\s+)?(?:\\w+\\s+)?interest\\s+to\\s+declare|declaring\\s+(?:an?\\s+)?(?:\\w+\\s+)?interest"
            + "|declaration(?:\\s+of\\s+interest)?|(?:an?\\s+)?(?:personal|pecuniary|non[-\\s]pecuniary|prejudicial"
            + "|other)\\s+interest|i\\s+have\\s+an?\\s+(?:\\w+\\s+)?interest|declare)\\s*", I);
    private static final Pattern SEPARATORS = Pattern.compile("^[\\s:,;\\-–—.]+|[\\s:,;\\-–—]+$");
    private static final Pattern JOINERS = Pattern.compile("^(?:as|because|since|-|–|:|,|in\\s+that|given\\s+that"
            + "|due\\s+to\\s+the\\s+fact\\s+that)\\s+", I);

    private DeclarationWords() {
    }

    /**
     * The sender's declaration; {@link Command.NothingToDeclare} for "nothing to declare from me"; null when the
     * text is not a declaration. A declaration with no item, or no nature, is {@link Command.Unclear}.
     */
    static Command read(String text) {
        if (!TRIGGER.matcher(text).find()) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (NOTHING.matcher(text).find() && (lower.contains("declare") || lower.contains("interest")
                || lower.contains("declaration"))) {
            return new Command.NothingToDeclare();
        }
        boolean declaring = Pattern.compile("\\bdeclar", I).matcher(text).find()
                || KIND.matcher(text).find() || lower.matches("(?s).*\\bi\\s+have\\s+an?\\s+(?:\\w+\\s+)?interest\\b.*");
        if (!declaring) {
            return null;
        }
        Matcher item = ITEM_REF.matcher(text);
        if (!item.find()) {
            return new Command.Unclear(text, "Which agenda item is your interest in?",
                    "declare item 7: <your interest>");
        }
        String number = item.group(1) != null ? item.group(1) : item.group(2) != null ? item.group(2) : item.group(3);
        Matcher kind = KIND.matcher(text);
        InterestKind k = InterestKind.NOT_STATED;
        if (kind.find()) {
            String word = (kind.group(2) != null ? kind.group(2) : kind.group(1)).toLowerCase(Locale.ROOT);
            k = word.startsWith("non") ? InterestKind.PERSONAL : InterestKind.fromWord(word.split("\\s")[0])
                    .orElse(InterestKind.NOT_STATED);
        }
        String nature = nature(text, item);
        if (nature.isEmpty()) {
            return new Command.Unclear(text, "What is your interest in item " + number + "?",
                    "declare item " + number + ": <your interest>");
        }
        return new Command.Declare(null, number.replaceAll("\\.$", ""), k, nature);
    }

    /** The text without its lead-in, kind and item reference: the member's own words for the interest. */
    private static String nature(String text, Matcher item) {
        String before = text.substring(0, item.start());
        String after = text.substring(item.end());
        before = strip(KIND.matcher(LEAD.matcher(before.strip()).replaceFirst("")).replaceAll(""));
        after = strip(JOINERS.matcher(strip(after)).replaceFirst(""));
        after = strip(KIND.matcher(after).replaceAll(""));
        String nature = after.isEmpty() ? before : before.isEmpty() || before.split("\\s+").length < 3 ? after
                : before + " – " + after;
        nature = JOINERS.matcher(strip(nature)).replaceFirst("");
        return strip(nature.replaceAll("(?i)^(?:that|interest|declare|declaring)$", ""));
    }

    private static String strip(String s) {
        return SEPARATORS.matcher(s.strip()).replaceAll("").strip();
    }
}
