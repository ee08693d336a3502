package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static io.boardclerk.core.parse.GrammarParts.I;
import static io.boardclerk.core.parse.GrammarParts.MAX_UPDATE_TEXT;
import static io.boardclerk.core.parse.GrammarParts.NUM;
import static io.boardclerk.core.parse.GrammarParts.clean;
import static io.boardclerk.core.parse.GrammarParts.group;

/**
 * The life of the actions already on the log: updates ("update 12 The report is drafted", or "Update: ..." under a
 * review heading of the minutes such as "Action 10.0, Agenda Item 4.3, 16th December 2021 – Performance Reporting"),
 * "done 12", "action 12 is complete", "close 12", "reopen 12", "keep 12 open", "history of 12", "review 12",
 * "review the actions", and the log itself: "action log overdue", "actions for Constabulary", "post the action log
 * weekly on Monday", "export the action log as csv".
 */
final class ActionLogGrammar {

    /** Not "Update 12 months on, ...": a count of time opens a sentence of the minutes, not an action's number. */
    static final Pattern UPDATE_CMD = Pattern.compile("^update\\s+" + NUM + "(?!\\s*(?:%|per\\s*cent\\b|(?:day"
            + "|week|month|quarter|year|hour|minute)s?\\b))\\s*[:,\\-–]?\\s+(.+)$", I | Pattern.DOTALL);
    static final Pattern UPDATE_MINUTE = Pattern.compile("^update\\s*:\\s*(.*)$", I | Pattern.DOTALL);
    /** The minutes' review heading: "Action 10.0, Agenda Item 4.3, 16th December 2021 – Performance Reporting". */
    static final Pattern REVIEW_HEADING = Pattern.compile("^action\\s+(?:no\\.?\\s*)?(\\d{1,6})(?:\\.0)?"
            + "\\s*[,;]\\s*(?:agenda\\s+)?item\\s+[\\d.]*\\d\\.?\\s*(?:[,;:–-].*)?$", I);
    private static final Pattern DONE = Pattern.compile("^(?:done|completed?|finished)\\s+" + NUM + "$|^action\\s+"
            + "(?:no\\.?\\s*)?(\\d{1,6})(?:\\.0)?\\s+(?:is\\s+)?(?:done|complete|completed)[.!]?$", I);
    private static final Pattern CLOSE = Pattern.compile("^(close|reopen|re-open)\\s+" + NUM + "[.!]?$", I);
    private static final Pattern KEEP_OPEN = Pattern.compile("^keep\\s+" + NUM + "\\s+open$|^keep\\s+open\\s+"
            + NUM + "$", I);
    private static final Pattern HISTORY = Pattern.compile("^history\\s+(?:of\\s+)?" + NUM + "$", I);
    private static final Pattern POST_LOG = Pattern.compile("^post\\s+(?:the\\s+)?action\\s+log(?:\\s+summary)?"
            + "(?:\\s+(weekly|every\\s+week)(?:\\s+(?:on\\s+)?(.+?))?)?\\.?$", I);
    private static final Pattern LOG_OVERDUE = Pattern.compile("^(?:the\\s+)?(?:action\\s+log|actions)\\s+"
            + "overdue$|^overdue\\s+actions$", I);
    private static final Pattern LOG_OWNER = Pattern.compile("^(?:the\\s+)?(?:action\\s+log|actions)\\s+(?:owner|for"
            + "|owned\\s+by)\\s*:?\\s+(.+)$", I);
    private static final Pattern REVIEW_ALL = Pattern.compile("^review\\s+(?:the\\s+)?(?:actions?|action\\s+log)$", I);
    private static final Pattern REVIEW_ONE = Pattern.compile("^review\\s+" + NUM + "$", I);
    private static final Pattern EXPORT = Pattern.compile("^export(?:\\s+(?:the\\s+)?action\\s+log)?(?:\\s+(?:as\\s+"
            + "|in\\s+)?(csv|docx|word|json|excel))?$", I);

    /** The shapes, in the order they are tried. */
    static final List<Shape> SHAPES = List.of(
            Shape.of("update", (l, c) -> group(UPDATE_CMD, l, m -> update(Integer.parseInt(m.group(1)), m.group(2)))),
            Shape.of("update", (l, c) -> group(UPDATE_MINUTE, l, m -> update(null, m.group(1)))),
            Shape.of("done complete completed finished action", (l, c) -> group(DONE, l,
                    m -> new Command.ReportDone(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2))))),
            Shape.of("close reopen re", (l, c) -> group(CLOSE, l, m -> m.group(1).equalsIgnoreCase("close")
                    ? new Command.CloseAction(Integer.parseInt(m.group(2)))
                    : new Command.ReopenAction(Integer.parseInt(m.group(2))))),
            Shape.of("keep", (l, c) -> group(KEEP_OPEN, l, m -> new Command.KeepOpen(Integer.parseInt(
                    m.group(1) != null ? m.group(1) : m.group(2))))),
            Shape.of("history", (l, c) -> group(HISTORY, l, m -> new Command.History(Integer.parseInt(m.group(1))))),
            Shape.of("post", (l, c) -> group(POST_LOG, l, m -> PostingWords.command(m.group(1), m.group(2)))),
            Shape.of("the action actions overdue", (l, c) -> group(LOG_OVERDUE, l,
                    m -> new Command.ActionLog(true, null))),
            Shape.of("the action actions", (l, c) -> group(LOG_OWNER, l,
                    m -> new Command.ActionLog(false, clean(m.group(1))))),
            Shape.of("review", (l, c) -> group(REVIEW_ALL, l, m -> new Command.ReviewActions())),
            Shape.of("review", (l, c) -> group(REVIEW_ONE, l, m -> new Command.ReviewAction(
                    Integer.parseInt(m.group(1))))),
            Shape.of("action", (l, c) -> group(REVIEW_HEADING, l, m -> new Command.ReviewAction(
                    Integer.parseInt(m.group(1))))),
            Shape.of("export", (l, c) -> group(EXPORT, l, m -> new Command.Export(m.group(1) == null ? "docx"
                    : switch (m.group(1).toLowerCase(Locale.ROOT)) {
                        case "word" -> "docx";
                        case "excel" -> "csv";
                        default -> m.group(1).toLowerCase(Locale.ROOT);
                    }))));

    private ActionLogGrammar() {
    }

    /** An update to action {@code number} (null: the action under review), or the problem with it. */
    static Command update(Integer number, String text) {
        String words = text.strip();
        String example = "update " + (number == null ? 12 : number) + " The report is drafted and goes to the May Board";
        if (words.isEmpty()) {
            return new Command.Invalid("An update needs its text.", example);
        }
        if (words.length() > MAX_UPDATE_TEXT) {
            return new Command.Invalid("That update is " + words.length() + " characters long; an update can have at"
                    + " most " + MAX_UPDATE_TEXT + ". Split it into two updates.", example);
        }
        return new Command.UpdateAction(number, words);
    }
}
