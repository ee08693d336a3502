package io.boardclerk.core.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.boardclerk.core.parse.GrammarParts.I;
import static io.boardclerk.core.parse.GrammarParts.ITEM;

/**
 * Splits a message into statements and reads the layout around them: lines joined where a sentence runs on over a
 * line break, bullets and italics taken off, numbered paragraphs ("5.7 The Assistant Chief Constable advised ..."),
 * the "Actions:" heading over a list of "(a) ..." lines, and where an update in the minutes ends.
 */
final class MessageSegmenter {

    /** A line at least this long, not ending a sentence, reads as wrapped by a document rather than typed. */
    private static final int WRAPPED_LINE = 40;

    /** Words that leave a sentence unfinished when a line ends with them. */
    private static final Set<String> RUN_ON_WORDS = Set.of("and", "of", "the", "from", "to", "for",
            "with", "in", "on", "at", "a", "an");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern EMPTY_BULLET = Pattern.compile("[-•*·▪]");
    private static final Pattern LEADING_DATE = Pattern.compile("^\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b.*");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern PARAGRAPH = Pattern.compile("^" + ITEM + "\\.?\\s+(?=\\S)(.*)$");
    /** A whole line in italics, as pasted from the minutes: "*Action: ...*" or "_There were no ..._". */
    private static final Pattern EMPHASIS = Pattern.compile("^([*_])(?!\\1)(.+?)\\1\\.?$");
    private static final Pattern BULLET = Pattern.compile("^(?:[-•*·▪]|\\d+\\))\\s+");
    /** A heading's number on a line of its own, as minutes pasted from a document lay them out: "5." or "5.1". */
    private static final Pattern BARE_HEADING = Pattern.compile("^" + ITEM + "\\.?$");
    private static final Pattern ACTION_HEADING = Pattern.compile("^actions?\\s*:\\s*$", I);
    private static final Pattern NUMBERED = Pattern.compile("^\\(([ivx]{1,5}|[a-h]|\\d{1,2})\\)\\s*(.+)$", I);

    private MessageSegmenter() {
    }

    /**
     * Splits a message into statements: lines, joined where a sentence runs on over a line break. Minutes pasted
     * from a document wrap anywhere, even between the words of a title ("Fenshire" / "Constabulary"), so a
     * line that starts with a capital continues an unfinished sentence when the line before it looks wrapped (it
     * is as long as a document's lines) and the new line is not a statement of its own. A short typed line followed
     * by another ("Apologies from Jon Leigh" / "Thank you") stays two statements, and so does a line followed by a
     * short command typed in lower case ("start meeting" / "apologies Jon Leigh").
     *
     * @param isStatement whether a line, alone, reads as a command or a minute sentence
     */
    static List<String> statements(String text, Predicate<String> isStatement) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int previousLength = 0;
        for (String raw : LINE_BREAK.split(text)) {
            String line = raw.strip();
            if (line.isEmpty()) {
                flush(current, out);
                previousLength = 0;
                continue;
            }
            boolean runsOn = endsWithOneOf(current, ",;(") || endsMidSentence(current);
            boolean startsNew = current.length() == 0 || BULLET.matcher(line).lookingAt()
                    || paragraph(line) != null || NUMBERED.matcher(line).matches()
                    || line.toLowerCase(Locale.ROOT).startsWith("action") || endsWithOneOf(current, ".:!?")
                    || !runsOn && (!Character.isLowerCase(line.charAt(0)) && previousLength < WRAPPED_LINE
                    || isStatement.test(line));
            if (startsNew) {
                flush(current, out);
            } else {
                current.append(' ');
            }
            current.append(line);
            previousLength = line.length();
        }
        flush(current, out);
        return out;
    }

    /** The statement without its bullet and, when the whole of it is in italics, without those. */
    static String withoutLayout(String statement) {
        String line = BULLET.matcher(statement).replaceFirst("").strip();
        Matcher m = EMPHASIS.matcher(line);
        return m.matches() ? m.group(2).strip() : line;
    }

    /** True for a bullet with nothing after it, left behind by a pasted document. */
    static boolean isEmptyBullet(String line) {
        return EMPTY_BULLET.matcher(line).matches();
    }

    /** True for "Actions:" on a line of its own: the lines after it numbered "(a)", "(ii)", "(3)" are actions. */
    static boolean isActionHeading(String line) {
        return ACTION_HEADING.matcher(line).matches();
    }

    /** The text of a line numbered "(a)", "(ii)" or "(3)", or null. */
    static String numberedLine(String line) {
        Matcher numbered = NUMBERED.matcher(line);
        return numbered.matches() ? numbered.group(2) : null;
    }

    /**
     * A numbered paragraph, with its number as group 1 and its text as group 2; null for any other line, and for one
     * that starts with a date ("11/02/2027 ...").
     */
    static Matcher numberedParagraph(String line) {
        Matcher paragraph = paragraph(line);
        return paragraph != null && !LEADING_DATE.matcher(line).matches() ? paragraph : null;
    }

    /** Within an update, everything but a new heading (numbered paragraph, action, update) is more of it. */
    static boolean continuesUpdate(String line) {
        return paragraph(line) == null && !BARE_HEADING.matcher(line).matches()
                && !ActionLogGrammar.REVIEW_HEADING.matcher(line).matches()
                && !ActionLogGrammar.UPDATE_MINUTE.matcher(line).matches()
                && !ActionLogGrammar.UPDATE_CMD.matcher(line).matches()
                && !ActionGrammar.ACTION_MINUTE.matcher(line).matches() && !ACTION_HEADING.matcher(line).matches()
                && !line.toLowerCase(Locale.ROOT).startsWith("action");
    }

    /**
     * True when the text ends with a word that cannot end a sentence ("... the Chief Constable and"): its last run of
     * letters and digits is one of {@link #RUN_ON_WORDS}. Read from the end, since it runs for every line of a
     * pasted page of minutes.
     */
    static boolean endsMidSentence(CharSequence text) {
        int end = text.length();
        int start = end;
        while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_')) {
            start--;
        }
        return end - start >= 1 && end - start <= 4
                && RUN_ON_WORDS.contains(text.subSequence(start, end).toString().toLowerCase(Locale.ROOT));
    }

    /**
     * A numbered paragraph ("5.7 The Assistant Chief Constable advised ...", "4a Revenue Outturn", "12. Mental
     * Health"), or null. A wrapped line that merely starts with a count ("8 recommendations (3 related to ...") is
     * not one: a bare number followed by a word in lower case does not number a paragraph.
     */
    private static Matcher paragraph(String line) {
        Matcher m = PARAGRAPH.matcher(line);
        if (!m.matches()) {
            return null;
        }
        boolean bareNumber = DIGITS.matcher(m.group(1)).matches() && !line.startsWith(m.group(1) + ".");
        return bareNumber && Character.isLowerCase(m.group(2).charAt(0)) ? null : m;
    }

    /** True when the text's last character is one of {@code characters}. */
    private static boolean endsWithOneOf(CharSequence text, String characters) {
        return text.length() > 0 && characters.indexOf(text.charAt(text.length() - 1)) >= 0;
    }

    private static void flush(StringBuilder current, List<String> out) {
        if (current.length() > 0) {
            out.add(current.toString());
            current.setLength(0);
        }
    }
}
