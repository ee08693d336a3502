package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.command.Command.Suggestion;
import io.boardclerk.core.model.InterestKind;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member's own declaration as people write it in chat: "I ought to declare something on item 6, my brother-in-law
 * runs one of the firms bidding", "Interest to declare for 4.2: I'm a governor at the school", "pecuniary interest -
 * item 11 - shareholding in the supplier". The item, the kind only if named, and the nature in the member's words.
 * "Nothing to declare from me" records nothing, and neither does a question ("should I declare ...?").
 */
final class DeclarationWords {

    private static final int I = Pattern.CASE_INSENSITIVE;
    static final String ITEM = "(\\d{1,3}[a-z]?(?:\\.\\d{1,3}){0,3})";
    private static final String KIND_WORD = "(personal|pecuniary|non[-\\s]pecuniary|prejudicial|other(?:\\s+registrable)?)";
    /** What makes a message a declaration: the word, a named kind, or "for transparency" and the like. */
    private static final Pattern DECLARING = Pattern.compile("\\bdeclar(?:e|ing|ation|ed)\\b|\\bdecl\\b"
            + "|\\bi(?:'ve|’ve|\\s+have)?\\s+(?:got\\s+)?an?\\s+(?:\\w+\\s+)?interest\\b|^\\s*(?:an?\\s+)?interest\\s*[:\\-–—]"
            + "|\\b(?:for\\s+transparency|to\\s+flag|for\\s+the\\s+record|in\\s+the\\s+interests?\\s+of\\s+transparency)\\b"
            + "|\\b" + KIND_WORD + "\\s+interest\\b|^\\s*" + KIND_WORD + "\\s*[-–—:]"
            + "|\\binterest\\s+(?:in|on|for)\\s+(?:agenda\\s+)?item\\b", I);
    private static final Pattern QUESTION = Pattern.compile("\\?\\s*$|^\\s*(?:should|do|does|must|can|shall|is|are"
            + "|would)\\b.*\\b(?:declare|declarations?|interests?)\\b|\\b(?:are\\s+there|any)\\s+declarations\\b", I);
    private static final Pattern NOTHING = Pattern.compile("\\b(?:nothing|no(?:\\s+\\w+)?\\s+(?:interests?|declarations?)"
            + "|none|nil|not\\s+(?:declaring|conflicted)|no\\s+conflicts?)\\b|(?:n't|n’t|\\bnot)\\b.{0,30}\\banything"
            + "\\s+to\\s+declare\\b", I);
    private static final Pattern ITEM_REF = Pattern.compile("(?:\\b(?:agenda\\s+)?item(?:\\s+no\\.?)?\\s*" + ITEM
            + "\\b|\\b(?:on|for|in|re|under|at)\\s+" + ITEM + "(?=\\s*(?:[,:;\\-–—(]|$|\\s+(?:as|because|since|-)\\b))"
            + "|(?:^|\\s[-–—]\\s*|:\\s*)" + ITEM + "(?=\\s*(?:[-–—:(]|$)))", I);
    private static final Pattern KIND = Pattern.compile("\\b" + KIND_WORD + "(?:\\s+and\\s+" + KIND_WORD + ")?\\s+"
            + "interest|\\(\\s*" + KIND_WORD + "\\s*\\)|[-–—]\\s*" + KIND_WORD + "\\W*$|\\.\\s*" + KIND_WORD
            + "(?:\\W*$|\\s*[,;.…])|^\\s*" + KIND_WORD + "\\s*[-–—:]", I);
    /** What opens a declaration and is not its nature. */
    private static final Pattern LEAD = Pattern.compile("^(?:(?:hi|hello|sorry|just|quickly|fyi|chair|all|[A-Z]{2,3})"
            + "[,\\s\\-–—:]*)*(?:i\\s+(?:ought\\s+to|should|need\\s+to|must|have\\s+to|wish\\s+to|would\\s+like\\s+to"
            + "|want\\s+to|'d\\s+better|'ll|will|should\\s+have)?\\s*declare[ds]?\\s+(?:something|an?\\s+(?:\\w+\\s+)?"
            + "interest|my\\s+interest|that)?|(?:an?\\s+)?(?:\\w+\\s+)?interest\\s+to\\s+declare|declaring\\s+(?:an?\\s+)?"
            + "(?:\\w+\\s+)?interest|declaration(?:\\s+of\\s+interest)?|decl|(?:an?\\s+)?(?:personal|pecuniary"
            + "|non[-\\s]pecuniary|prejudicial|other)\\s+interest|i(?:'ve|’ve|\\s+have)?\\s+(?:got\\s+)?an?\\s+"
            + "(?:\\w+\\s+)?interest|interest|declare|just\\s+to\\s+flag(?:\\s+for\\s+the\\s+record)?|to\\s+flag"
            + "|for\\s+transparency|for\\s+the\\s+record)\\s*", I);
    private static final Pattern SEPARATORS = Pattern.compile("^[\\s:,;\\-–—.…]+|[\\s:,;\\-–—…]+$");
    private static final Pattern JOINERS = Pattern.compile("^(?:as|because|since|-|–|:|,|in\\s+that|given\\s+that"
            + "|due\\s+to\\s+the\\s+fact\\s+that|again|earlier(?:\\s+today)?\\s*[-–—:,])\\s+", I);
    private static final Pattern NOT_NATURE = Pattern.compile("(?i)^(?:that|interest|declare|declaring|to\\s+declare"
            + "|again|earlier|today|please|thanks|in|on|for|at|re|to|an?|the|interest\\s+in|declared(?:\\s+on)?"
            + "|i\\s+should\\s+have\\s+declared(?:\\s+on)?)$");

    private DeclarationWords() {
    }

    /**
     * The sender's declaration; {@link Command.NothingToDeclare} for "nothing to declare from me"; null when the
     * text is not a declaration. One with no item, no nature, or two kinds, is {@link Command.Unclear}.
     */
    static Command read(String text, LocalDate today) {
        if (!DECLARING.matcher(text).find()) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (NOTHING.matcher(text).find() && (lower.contains("declar") || lower.contains("interest"))) {
            return new Command.NothingToDeclare();
        }
        if (QUESTION.matcher(text).find()) {
            // "Should I declare that I used to work for the supplier?": a question for the chair, not a record.
            return null;
        }
        Matcher item = ITEM_REF.matcher(text);
        if (!item.find()) {
            return lower.contains("declar") || lower.contains("interest") ? new Command.Unclear(
                    "Which agenda item is your interest in?", List.of(new Suggestion("Drop it", "")),
                    "declare item 7: <your interest>") : null;
        }
        String number = (item.group(1) != null ? item.group(1) : item.group(2) != null ? item.group(2)
                : item.group(3)).replaceAll("\\.$", "");
        Set<InterestKind> kinds = kinds(text);
        String nature = nature(text, item);
        if (nature.isEmpty()) {
            return new Command.Unclear("What is your interest in item " + number + "?",
                    List.of(new Suggestion("Drop it", "")), "declare item " + number + ": <your interest>");
        }
        if (kinds.size() > 1) {
            List<Suggestion> choices = kinds.stream().map(k -> new Suggestion(capital(k.word()),
                    "declare a " + k.word() + " interest in item " + number + ": " + nature)).toList();
            return new Command.Unclear("You named two kinds of interest in item " + number + ": which is it?",
                    choices, "declare a personal interest in item " + number + ": " + nature);
        }
        InterestKind kind = kinds.isEmpty() ? InterestKind.NOT_STATED : kinds.iterator().next();
        MeetingWords.Named meeting = MeetingWords.find(text.replace(nature, " "), today)
                .filter(m -> m.kind() != MeetingWords.Kind.TODAY).orElse(null);
        return new Command.Declare(null, number, kind, nature, meeting == null ? null : meeting.words());
    }

    private static Set<InterestKind> kinds(String text) {
        Set<InterestKind> kinds = new LinkedHashSet<>();
        Matcher m = KIND.matcher(text);
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    String word = m.group(g).toLowerCase(Locale.ROOT);
                    kinds.add(word.startsWith("non") ? InterestKind.PERSONAL
                            : InterestKind.fromWord(word.split("\\s")[0]).orElse(InterestKind.OTHER));
                }
            }
        }
        return kinds;
    }

    /** The text without its lead-in, kind and item reference: the member's own words for the interest. */
    private static String nature(String text, Matcher item) {
        String before = text.substring(0, item.start());
        String after = text.substring(item.end());
        before = strip(KIND.matcher(LEAD.matcher(before.strip()).replaceFirst("")).replaceAll(""));
        before = strip(LEAD.matcher(before).replaceFirst(""));
        after = strip(JOINERS.matcher(strip(KIND.matcher(after).replaceAll(""))).replaceFirst(""));
        after = strip(after.replaceAll("^\\((.*)\\)$", "$1").replaceAll("(?i)\\bto\\s+declare\\b", ""));
        if (NOT_NATURE.matcher(before).matches()) {
            before = "";
        }
        if (NOT_NATURE.matcher(after).matches()) {
            after = "";
        }
        String nature = after.isEmpty() ? before : before.isEmpty() || before.split("\\s+").length < 3 ? after
                : before + " – " + after;
        nature = strip(JOINERS.matcher(strip(nature)).replaceFirst(""));
        nature = nature.replaceAll("^\\((.*)\\)$", "$1").strip();
        return NOT_NATURE.matcher(nature).matches() ? "" : nature;
    }

    private static String strip(String s) {
        return SEPARATORS.matcher(s.strip()).replaceAll("").strip();
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
