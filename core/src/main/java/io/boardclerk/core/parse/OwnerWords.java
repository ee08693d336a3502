package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.command.Command.Suggestion;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Owners reporting on their actions as people write it: "Quick update on 14: contractor appointed, works start in
 * March", "re 9 - report with legal, back next week", "14 is finished", "done with action 9", "I've completed the
 * fleet review (action 9)", "could I have until the end of June on 9?". A sentence that reports on an action is
 * never a new action; one that might be done or might be an update is asked about.
 */
final class OwnerWords {

    private static final int I = Pattern.CASE_INSENSITIVE;
    private static final String N = "(?:action\\s+|no\\.?\\s*|number\\s+|#)?(\\d{1,4})(?:\\.0)?";
    private static final String SEP = "\\s*(?:[:,\\-–—]|\\s-|\\.\\s)\\s*";
    private static final Pattern UPDATE = Pattern.compile("^(?:(?:a\\s+)?(?:quick|brief|short|small|latest|an)\\s+)?"
            + "update\\s+(?:on|for|re|to|about|regarding)\\s+" + N + SEP + "(.+)$"
            + "|^(?:re|ref|regarding|on|about|for)\\s*:?\\s+" + N + SEP + "(?:update\\s*[:\\-–]?\\s*)?(.+)$"
            + "|^action\\s+(\\d{1,4})(?:\\.0)?\\s*(?:update)?" + SEP + "(.+)$"
            + "|^(\\d{1,4})\\s*[:\\-–]\\s*update\\s*[:\\-–]?\\s*(.+)$"
            + "|^update\\s*[:\\-–]\\s*(?:action\\s+)?(\\d{1,4})\\s*[:\\-–,]\\s*(.+)$", I | Pattern.DOTALL);
    private static final Pattern DONE_WORD = Pattern.compile("\\b(?:done|finished|complete|completed|sorted"
            + "|closed\\s+off|wrapped\\s+up|delivered|can\\s+(?:be\\s+closed|come\\s+off))\\b", I);
    private static final Pattern NOT_YET = Pattern.compile("\\b(?:not|n't|n’t|nearly|almost|once|when|until|till|soon"
            + "|will|won't|should|hope|hoping|expect|expected|by\\s+the|next\\s+(?:week|month)|tomorrow|partly|partially"
            + "|half|mostly|if|maybe|might|could|would|\\?)", I);
    private static final Pattern NUMBER_REF = Pattern.compile("\\baction\\s+(?:no\\.?\\s*)?(\\d{1,4})\\b|^(\\d{1,4})\\b"
            + "|\\((?:action\\s+)?(\\d{1,4})\\)|#(\\d{1,4})\\b|\\b(?:on|re|with)\\s+(\\d{1,4})\\b(?![/.:]\\d)", I);
    private static final Pattern MORE_TIME = Pattern.compile("\\b(?:more\\s+time|extension|extend|until|till|push\\s+"
            + "(?:it\\s+|this\\s+)?back|slip|defer|later\\s+target|new\\s+target)\\b", I);
    private static final Pattern TARGET_AFTER = Pattern.compile("\\b(?:until|till|to|into)\\s+(.+?)(?=\\s+(?:on|for)\\s+"
            + "(?:action\\s+)?#?\\d{1,4}\\b|\\s*[?.!]*\\s*(?:please|pls|thanks|thank\\s+you)?[?.!]*\\s*$)", I);
    private static final Pattern TRAILING = Pattern.compile("[\\s?.!]+$");

    private OwnerWords() {
    }

    /** An owner's report on an action, or null when the text is not one. */
    static Command read(String text, LocalDate today) {
        Command more = moreTime(text, today);
        if (more != null) {
            return more;
        }
        Matcher update = UPDATE.matcher(text.strip());
        if (update.matches()) {
            for (int g = 1; g < update.groupCount(); g += 2) {
                if (update.group(g) != null) {
                    int number = Integer.parseInt(update.group(g));
                    String words = update.group(g + 1).strip();
                    return DONE_WORD.matcher(words).find() && !NOT_YET.matcher(words).find()
                            && words.split("\\s+").length <= 4
                            ? doneOrUpdate(number, words) : new Command.UpdateAction(number, words);
                }
            }
        }
        return done(text);
    }

    /** "14 is finished", "done with action 9", "I've completed the fleet review (action 9)". */
    private static Command done(String text) {
        if (!DONE_WORD.matcher(text).find()) {
            return null;
        }
        Integer number = onlyNumber(text);
        if (number == null) {
            return null;
        }
        if (NOT_YET.matcher(text).find()) {
            return doneOrUpdate(number, text);
        }
        return new Command.ReportDone(number);
    }

    /** Done, or an update that says how near done it is: asked, never guessed. */
    private static Command doneOrUpdate(int number, String words) {
        String update = "update " + number + " " + TRAILING.matcher(words.strip()).replaceAll("");
        return new Command.Unclear("Is action " + number + " done, or is this an update on it?", List.of(
                new Suggestion("Report it done", "done " + number),
                new Suggestion("Post it as an update", update),
                new Suggestion("Neither", "")), "done " + number + ", or " + update);
    }

    /** "could I have until the end of June on 9?": a proposal for the chair; the target itself never moves. */
    private static Command moreTime(String text, LocalDate today) {
        if (!MORE_TIME.matcher(text).find()) {
            return null;
        }
        Integer number = onlyNumber(text);
        if (number == null) {
            return null;
        }
        Matcher target = TARGET_AFTER.matcher(text);
        while (target.find()) {
            String words = TRAILING.matcher(target.group(1)).replaceAll("").strip();
            if (TargetParser.read(words, today).ok()) {
                return new Command.MoreTime(number, words);
            }
        }
        return new Command.Unclear("Until when would you like on action " + number + "?", List.of(
                new Suggestion("Drop it", "")), "more time on " + number + ": the end of June");
    }

    /** The one action number the text names, or null for none or several. */
    private static Integer onlyNumber(String text) {
        Matcher m = NUMBER_REF.matcher(text.strip());
        Integer found = null;
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    int n = Integer.parseInt(m.group(g));
                    if (found != null && found != n) {
                        return null;
                    }
                    found = n;
                }
            }
        }
        return found;
    }
}
