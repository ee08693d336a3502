package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command.Suggestion;
import io.boardclerk.core.command.Command;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Owners reporting on their actions as people write it: "Quick update on 14: contractor appointed, works start in
 * March", "re 9 - report with legal, back next week", "Smartphones (15): handsets arrive next month", "14 is
 * finished", "done with action 9", "I've completed the fleet review (action 9)", "could I have until the end of June
 * on 9?". A sentence that reports on an action is never a new action; one that might be done or might be an update
 * is asked about. Without a number ("I've finished the reserves forecast") the clerk finds the sender's action.
 */
final class OwnerWords {

    private static final int I = Pattern.CASE_INSENSITIVE;
    private static final String N = "(?:action\\s+|no\\.?\\s*|number\\s+|#)?(\\d{1,4})(?:\\.0)?";
    private static final String SEP = "\\s*(?:[:,\\-–—]|\\s-|\\.\\s)\\s*";
    private static final String UPDATE_WORD = "(?:update|updte|upd8|udpate)";
    /** An update with its number: "update on 14: ...", "re 9 - ...", "OPCC update on 4: ...", "15 update - ...". */
    private static final Pattern UPDATE = Pattern.compile("^(?:[\\w/]+\\s+){0,3}?(?:(?:a\\s+)?(?:quick|brief|short"
            + "|small|latest|an)\\s+)?" + UPDATE_WORD + "\\s+(?:on|for|re|to|about|regarding)\\s+" + N + SEP + "(.+)$"
            + "|^(?:re|ref|regarding|on|about|for)\\s*:?\\s+" + N + SEP + "(?:" + UPDATE_WORD + "\\s*[:\\-–]?\\s*)?(.+)$"
            + "|^action\\s+(\\d{1,4})(?:\\.0)?\\s*(?:[-–—:]\\s*)?" + UPDATE_WORD + "\\s*[:\\-–—]?\\s*(.+)$"
            + "|^(\\d{1,4})\\s*(?:[-–—:]\\s*)?" + UPDATE_WORD + "\\s*[:\\-–—]?\\s*(.+)$"
            + "|^" + UPDATE_WORD + "\\s*[:\\-–]\\s*(?:action\\s+)?(\\d{1,4})\\s*[:\\-–,]\\s*(.+)$"
            + "|^(?:quick|brief)\\s+(?:one|note|word)\\s+(?:on|re|about|for)\\s+" + N + SEP + "(.+)$", I | Pattern.DOTALL);
    /** "Smartphones (15): ...", "Southern Police Station options appraisal (action 3) – ...", "BWV – action 8 – ...". */
    private static final Pattern TITLED = Pattern.compile("^(.{3,120}?)\\s*(?:\\(\\s*(?:action\\s+)?(\\d{1,4})\\s*\\)"
            + "|[-–—]\\s*action\\s+(\\d{1,4}))\\s*[:\\-–—]\\s*(.+)$", I | Pattern.DOTALL);
    /** "10 – letter drafted": an owner's line that starts with the action's number (a paragraph, from an officer). */
    private static final Pattern NUMBERED = Pattern.compile("^(?:action\\s+)?(\\d{1,4})\\s*[:\\-–—]\\s*(?:" + UPDATE_WORD
            + "\\s*[:\\-–—]?\\s*)?(.+)$", I | Pattern.DOTALL);
    private static final Pattern DONE_WORD = Pattern.compile("\\b(?:done|finished|complete|completed|sorted"
            + "|closed\\s+off|wrapped\\s+up|delivered|can\\s+(?:be\\s+closed|come\\s+off(?:\\s+the\\s+log)?))\\b", I);
    /** "280 of 310 done": progress, not completion. */
    private static final Pattern PROGRESS = Pattern.compile("\\b\\d+\\s*(?:of|out\\s+of|/)\\s*\\d+\\b|\\b\\d{1,3}\\s*%", I);
    private static final Pattern NOT_YET = Pattern.compile("\\b(?:not|n't|n’t|nearly|almost|once|when|until|till|soon"
            + "|will|won't|should|hope|hoping|expect|expected|by\\s+the|next\\s+(?:week|month)|tomorrow|partly|partially"
            + "|half|mostly|if|maybe|might|could|would|yet|still)\\b|\\?", I);
    /** The done phrase itself, to tell "14 is finished" from "14 is finished – handover on Friday". */
    private static final Pattern DONE_PHRASE = Pattern.compile("^(?:(?:i've|i’ve|i\\s+have|we've|we\\s+have)\\s+)?"
            + "(?:(?:action\\s+|no\\.?\\s*|#)?\\d{1,4}\\s+)?(?:is\\s+|has\\s+been\\s+|now\\s+)*(?:done|finished|complete"
            + "|completed|sorted)(?:\\s+(?:with\\s+)?(?:action\\s+)?#?\\d{1,4})?(?:\\s+now)?[\\s.!]*", I);
    private static final Pattern NUMBER_REF = Pattern.compile("\\baction\\s+(?:no\\.?\\s*)?(\\d{1,4})\\b|^(\\d{1,4})\\b"
            + "|\\((?:action\\s+)?(\\d{1,4})\\)|#(\\d{1,4})\\b|\\b(?:on|re|with|for|push|move|mark|slip|extend|if)\\s+"
            + "(\\d{1,4})\\b(?![/.:]\\d|\\s*(?:%|am|pm|weeks?|days?|months?|years?|minutes?|mins?|hours?))", I);
    private static final Pattern MORE_TIME = Pattern.compile("\\b(?:more\\s+time|extension|extend|until|till|push"
            + "|move|slip|defer|later\\s+target|new\\s+target|another\\s+(?:week|month|fortnight|\\w+\\s+(?:weeks|months))"
            + "|goes?\\s+to\\s+the)\\b", I);
    private static final Pattern REQUEST = Pattern.compile("\\b(?:could|can|may|need|needs|please|pls|would\\s+like"
            + "|request|ask(?:ing)?|is\\s+it\\s+ok|ok\\s+if|happy\\s+if|mind\\s+if)\\b|\\?", I);
    private static final Pattern TARGET_AFTER = Pattern.compile("\\b(?:until|till|to|into)\\s+(.+?)(?=\\s+(?:on|for)\\s+"
            + "(?:action\\s+)?#?\\d{1,4}\\b|\\s*(?:[?.!,;–—]|\\s-\\s|please|pls|thanks|thank\\s+you|instead)|\\s*$)", I);
    private static final Pattern ANOTHER = Pattern.compile("\\banother\\s+(week|month|fortnight|(?:two|three|four|six"
            + "|\\d)\\s+(?:weeks|months))\\b", I);
    private static final Pattern TRAILING = Pattern.compile("[\\s?.!]+$");
    /** "Can you mark 7 as done please": asking the clerk to record it, not a doubt about it. */
    private static final Pattern POLITE_REQUEST = Pattern.compile("^(?:can|could|would)\\s+you\\s+(?:please\\s+)?"
            + "(?:mark|record|log|put)\\b", I);
    /** "I've finished the reserves forecast", "could I have until 30/04 on the slippage report?". */
    private static final Pattern DONE_ABOUT = Pattern.compile("^(?:i've|i’ve|i\\s+have|we've|we\\s+have)\\s+(?:now\\s+)?"
            + "(?:finished|completed|done|delivered|sent|circulated)\\s+(?:the\\s+|my\\s+|our\\s+)?(.{3,120}?)[.!]*$", I);
    /** "bwv contract update – preferred supplier chosen": an update on the action those words name. */
    private static final Pattern UPDATE_ABOUT = Pattern.compile("^(?!(?:quick|brief|short|latest|an?|my)\\s)"
            + "([\\p{L}\\d][\\p{L}\\d\\s'’/&-]{2,60}?)\\s+" + UPDATE_WORD + "\\s*[:\\-–—]\\s*(.{3,})$", I | Pattern.DOTALL);
    private static final Pattern MORE_TIME_ABOUT = Pattern.compile("\\b(?:on|for)\\s+(?:the\\s+|my\\s+)?(.{3,80}?)"
            + "(?:\\s+(?:report|paper|action|work|review))?\\s*[?.!]*$", I);

    private OwnerWords() {
    }

    /** An owner's report on an action, or null when the text is not one. */
    static Command read(String text, LocalDate today) {
        String t = text.strip();
        Command more = moreTime(t, today);
        if (more != null) {
            return more;
        }
        Matcher update = UPDATE.matcher(t);
        if (update.matches()) {
            for (int g = 1; g < update.groupCount(); g += 2) {
                if (update.group(g) != null) {
                    return report(Integer.parseInt(update.group(g)), update.group(g + 1).strip());
                }
            }
        }
        Matcher titled = TITLED.matcher(t);
        if (titled.matches() && !t.toLowerCase(Locale.ROOT).startsWith("action")) {
            int number = Integer.parseInt(titled.group(2) != null ? titled.group(2) : titled.group(3));
            return report(number, titled.group(4).strip());
        }
        Command done = done(t);
        if (done != null) {
            return done;
        }
        Matcher about = DONE_ABOUT.matcher(t);
        if (about.matches() && !NOT_YET.matcher(t).find()) {
            return new Command.AboutMyAction(Command.AboutMyAction.What.DONE, about.group(1).strip(), null);
        }
        Matcher named = UPDATE_ABOUT.matcher(t);
        if (named.matches()) {
            return new Command.AboutMyAction(Command.AboutMyAction.What.UPDATE, named.group(1).strip(),
                    named.group(2).strip());
        }
        return null;
    }

    /** "10 – letter drafted, awaiting my signature": from someone who is not an officer, a report on action 10. */
    static Command numbered(String text, LocalDate today) {
        Matcher m = NUMBERED.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        Command more = moreTime(text.strip(), today);
        return more != null ? more : report(Integer.parseInt(m.group(1)), m.group(2).strip());
    }

    /** What an owner says about action {@code number}: an update, done (with the rest kept as its update), or asked. */
    private static Command report(int number, String words) {
        if (!DONE_WORD.matcher(words).find() || PROGRESS.matcher(words).find()) {
            return new Command.UpdateAction(number, words);
        }
        if (NOT_YET.matcher(words).find()) {
            return doneOrUpdate(number, words);
        }
        return doneWithWords(number, words);
    }

    /**
     * Done. "14 is finished – handover on Friday": what follows the done statement is kept as its update; words that
     * only lead up to it ("Letter has gone – action 10 complete") are not.
     */
    private static Command doneWithWords(int number, String words) {
        Matcher phrase = DONE_PHRASE.matcher(words.strip());
        if (!phrase.lookingAt() || !words.strip().substring(phrase.end()).matches("(?s)\\s*[-–—,;:].*")) {
            return new Command.ReportDone(number);
        }
        String rest = TRAILING.matcher(words.strip().substring(phrase.end())).replaceAll("")
                .replaceAll("^[\\s,;:\\-–—]+", "").strip();
        return rest.split("\\s+").length < 3 ? new Command.ReportDone(number)
                : new Command.DoneWithUpdate(number, words.strip());
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
        if (PROGRESS.matcher(text).find()) {
            return null;
        }
        if (NOT_YET.matcher(text).find() && !POLITE_REQUEST.matcher(text).find()) {
            return doneOrUpdate(number, text);
        }
        return doneWithWords(number, text);
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
        if (!MORE_TIME.matcher(text).find() || !REQUEST.matcher(text).find()) {
            return null;
        }
        String target = target(text, today);
        Integer number = onlyNumber(text);
        if (number == null) {
            Matcher about = MORE_TIME_ABOUT.matcher(text);
            return target != null && about.find() && !about.group(1).matches("(?i).*\\b(?:it|this|that|mine)\\b.*")
                    ? new Command.AboutMyAction(Command.AboutMyAction.What.MORE_TIME, about.group(1).strip(), target)
                    : null;
        }
        if (target != null) {
            return new Command.MoreTime(number, target);
        }
        return new Command.Unclear("Until when would you like on action " + number + "?", List.of(
                new Suggestion("Drop it", "")), "more time on " + number + ": the end of June");
    }

    /** The target proposed: "until the end of June", "to the May Board", "another month". Null when none reads. */
    private static String target(String text, LocalDate today) {
        Matcher target = TARGET_AFTER.matcher(text);
        while (target.find()) {
            String words = TRAILING.matcher(target.group(1)).replaceAll("").strip();
            if (TargetParser.read(words, today).ok()) {
                return words;
            }
            String month = "the end of " + words.replaceFirst("(?i)^(?:the\\s+)?end\\s+of\\s+", "");
            if (BritishDates.month(words.replaceFirst("(?i)^(?:the\\s+)?end\\s+of\\s+", "")).isPresent()
                    && TargetParser.read(month, today).ok()) {
                return month;
            }
        }
        Matcher another = ANOTHER.matcher(text);
        if (another.find()) {
            String span = another.group(1).toLowerCase(Locale.ROOT);
            String in = span.equals("fortnight") ? "in 2 weeks" : span.matches("week|month") ? "in a " + span
                    : "in " + span;
            return TargetParser.read(in, today).ok() ? in : null;
        }
        return null;
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
