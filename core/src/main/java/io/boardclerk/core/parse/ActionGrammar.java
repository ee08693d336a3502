package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.boardclerk.core.parse.GrammarParts.FINAL_STOP;
import static io.boardclerk.core.parse.GrammarParts.I;
import static io.boardclerk.core.parse.GrammarParts.ITEM;
import static io.boardclerk.core.parse.GrammarParts.MAX_ACTION_TEXT;
import static io.boardclerk.core.parse.GrammarParts.SPACES;
import static io.boardclerk.core.parse.GrammarParts.clean;
import static io.boardclerk.core.parse.GrammarParts.group;
import static io.boardclerk.core.parse.GrammarParts.impossibleDate;

/**
 * New actions, their owners and the bodies that own them: the short form ("action Bring the estates report to the
 * May Board owner: Constabulary due: the May Board item: 5"), the minutes' sentence ("Action: Constabulary to bring a
 * report on Safer Streets to the next Board in May."), changes ("action 12 owner Constabulary", "action 12 due
 * 26/05/2026"), the answer to "who owns it?" ("owner: Nina Hart") and who answers for a body:
 * {@code owner Constabulary = @Jo Grant, @Louisa Barry}.
 */
final class ActionGrammar {

    static final Pattern ACTION_MINUTE = Pattern.compile("^actions?\\s*:\\s*(.+)$", I);
    private static final Pattern ACTION_CHANGE = Pattern.compile("^action\\s+(?:no\\.?\\s*)?(\\d{1,6})(?:\\.0)?\\s+"
            + "(owner|due|target)\\s*:?\\s*(.*)$", I);
    /** Not "Action no. 50.0, Agenda Item 13.0, ..." (the log read out) nor "Action 2: ..." (a framework quoted). */
    private static final Pattern ACTION_SHORT = Pattern.compile(
            "^action\\s+(?!(?:no\\.?\\s*|number\\s*|#)?\\d{1,4}(?:\\.\\d+)?\\b)(.+)$", I);
    /** "Action 2: Challenge and address ...": a numbered line quoted from elsewhere, not a board action. */
    private static final Pattern QUOTED_ACTION = Pattern.compile("^action\\s+\\d{1,4}(?:\\.\\d+)?\\s*:\\s*\\S", I);
    private static final Pattern SHORT_FIELD = Pattern.compile("\\b(owner|due|target|item)\\s*:", I);
    private static final Pattern OWNER_FIELD = Pattern.compile("\\bowner\\s*:", I);
    private static final Pattern OWNER_ANSWER = Pattern.compile("^owner\\s*:?\\s+(.+)$", I);
    private static final Pattern OWNER_IN_TEXT = Pattern.compile("^((?!to\\b)[^,;:]{1,80}?)\\s+(?:is\\s+to|are\\s+to|to)"
            + "\\s+(?!be\\b)[a-z]+", I);
    private static final Pattern MAP_BODY = Pattern.compile("^(?:owner|body)\\s+(.+?)\\s*=\\s*(.+)$", I);
    private static final Pattern ASTERISKS = Pattern.compile("\\*");
    private static final Pattern LEADING_THE = Pattern.compile("(?i)^the\\s+");
    private static final Pattern PEOPLE_SEPARATORS = Pattern.compile("\\s*(?:,|;|\\band\\b|&)\\s*");

    /** The shapes, in the order they are tried. */
    static final List<Shape> SHAPES = List.of(
            Shape.of("owner body", (l, c) -> group(MAP_BODY, l, m -> mapBody(m.group(1), m.group(2)))),
            Shape.of("action", (l, c) -> group(ACTION_CHANGE, l, m -> actionChange(m, c.today()))),
            Shape.of("action actions", (l, c) -> group(ACTION_MINUTE, l, m -> minuteAction(m.group(1), c.minuted()))),
            Shape.of("action", (l, c) -> group(ACTION_SHORT, l, m -> shortAction(m.group(1), c.today()))),
            Shape.of("owner", (l, c) -> group(OWNER_ANSWER, l, m -> new Command.AnswerOwner(clean(m.group(1))))));

    private ActionGrammar() {
    }

    /** True for "Action 2: ...", a numbered line quoted from a framework or a report rather than a board action. */
    static boolean quotesANumberedAction(String text) {
        return QUOTED_ACTION.matcher(text).lookingAt();
    }

    /**
     * "Constabulary to bring a report on Safer Streets Project to the next Board in May." A sentence that carries the
     * short form's {@code owner:} field ("Action: Review the register owner: Nina Hart due: the next Board") is read
     * as the short form it is.
     */
    static Command minuteAction(String sentence, LocalDate today) {
        if (OWNER_FIELD.matcher(sentence).find()) {
            return shortAction(sentence, today);
        }
        String text = clean(ASTERISKS.matcher(sentence).replaceAll(""));
        if (text.length() > MAX_ACTION_TEXT) {
            return tooLong(text);
        }
        Matcher owner = OWNER_IN_TEXT.matcher(text);
        String ownerWords = owner.find() ? owner.group(1).strip() : null;
        if (ownerWords != null && SPACES.split(ownerWords).length > 8) {
            ownerWords = null;
        }
        String target = TargetParser.findPhrase(text, today).orElse(null);
        if (target != null) {
            Optional<DateFinding> date = BritishDates.find(target, today);
            if (date.isPresent() && date.get().impossible()) {
                return impossibleDate(date.get(), "Action: " + text.replace(date.get().written(), "dd/mm/yyyy"));
            }
        }
        return new Command.RecordAction(text, ownerWords, target, null, false);
    }

    /** "action &lt;text&gt; owner: &lt;person or body&gt; due: &lt;date or meeting&gt; item: &lt;n&gt;" */
    private static Command shortAction(String body, LocalDate today) {
        Matcher field = SHORT_FIELD.matcher(body);
        List<int[]> marks = new ArrayList<>();
        while (field.find()) {
            marks.add(new int[]{field.start(), field.end()});
        }
        String text = clean(marks.isEmpty() ? body : body.substring(0, marks.get(0)[0]));
        String owner = null;
        String due = null;
        String item = null;
        for (int i = 0; i < marks.size(); i++) {
            String key = body.substring(marks.get(i)[0], marks.get(i)[1]).replace(":", "").strip()
                    .toLowerCase(Locale.ROOT);
            String value = clean(body.substring(marks.get(i)[1], i + 1 < marks.size() ? marks.get(i + 1)[0]
                    : body.length()));
            switch (key) {
                case "owner" -> owner = value;
                case "item" -> item = FINAL_STOP.matcher(value).replaceAll("");
                default -> due = value;
            }
        }
        if (text.isEmpty()) {
            return new Command.Invalid("An action needs its text.", "action Bring the estates report to the "
                    + "May Board owner: Constabulary due: the May Board item: 5");
        }
        if (text.length() > MAX_ACTION_TEXT) {
            return tooLong(text);
        }
        if (item != null && !item.matches(ITEM)) {
            return new Command.Invalid("\"" + item + "\" is not an agenda item number.", "item: 5 or item: 5.7");
        }
        if (due != null) {
            TargetParser.Reading reading = TargetParser.read(due, today);
            if (!reading.ok()) {
                return new Command.Invalid(reading.problem(), "due: 26/05/2026 or due: the next Board");
            }
        }
        if (owner == null) {
            // The short form may still be minute language: "action Constabulary to bring a report ..."
            Command minute = minuteAction(text, today);
            if (minute instanceof Command.RecordAction found) {
                return new Command.RecordAction(found.text(), found.owner(), due != null ? due : found.target(), item,
                        false);
            }
            return minute;
        }
        return new Command.RecordAction(text, owner.isEmpty() ? null : owner, due, item, true);
    }

    private static Command actionChange(Matcher m, LocalDate today) {
        int number = Integer.parseInt(m.group(1));
        String value = clean(m.group(3));
        if (value.isEmpty()) {
            return new Command.Invalid("Say what the new " + m.group(2).toLowerCase(Locale.ROOT) + " is.",
                    "action " + number + " owner Constabulary, or action " + number + " due 26/05/2026");
        }
        if (m.group(2).equalsIgnoreCase("owner")) {
            return new Command.SetActionOwner(number, value);
        }
        TargetParser.Reading reading = TargetParser.read(value, today);
        return reading.ok() ? new Command.SetActionTarget(number, value)
                : new Command.Invalid(reading.problem(), "action " + number + " due 26/05/2026");
    }

    private static Command mapBody(String body, String people) {
        String name = LEADING_THE.matcher(clean(body)).replaceFirst("");
        List<String> names = new ArrayList<>();
        for (String part : PEOPLE_SEPARATORS.split(people)) {
            String person = clean(part);
            if (!person.isEmpty()) {
                names.add(person);
            }
        }
        if (name.isEmpty() || names.isEmpty()) {
            return new Command.Invalid("Name the body and the people who answer for it.",
                    "owner Constabulary = @Jo Grant, @Louisa Barry");
        }
        return new Command.MapBody(name, names);
    }

    private static Command tooLong(String text) {
        return new Command.Invalid("That action is " + text.length() + " characters long; an action can have at most "
                + MAX_ACTION_TEXT + ". Put the detail in an update and keep the action to what must be done.",
                "action <what is to be done> owner: <person or body> due: <date or meeting>");
    }
}
