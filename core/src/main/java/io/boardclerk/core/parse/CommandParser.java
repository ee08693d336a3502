package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.BoardRole;
import io.boardclerk.core.model.InterestKind;
import io.boardclerk.core.roster.Mention;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a message into typed commands, once. A message may be a short command ("apologies Jon Leigh, Jane Gifford")
 * or lines of the secretary's own minutes, which can carry several statements and numbered paragraphs.
 * Statements are matched by their whole shape, never by a word somewhere in them.
 */
public final class CommandParser {

    /** The longest action text accepted, in characters. */
    public static final int MAX_ACTION_TEXT = 2000;

    private static final int I = Pattern.CASE_INSENSITIVE;
    private static final String ITEM = "(\\d{1,3}[a-z]?(?:\\.\\d{1,3}){0,3})";
    private static final String KIND = "(personal|pecuniary|prejudicial|other)";

    /** A line at least this long, not ending a sentence, reads as wrapped by a document rather than typed. */
    private static final int WRAPPED_LINE = 40;

    /** Words that leave a sentence unfinished when a line ends with them. */
    private static final java.util.Set<String> RUN_ON_WORDS = java.util.Set.of("and", "of", "the", "from", "to", "for",
            "with", "in", "on", "at", "a", "an");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.;,]+$");
    private static final Pattern FINAL_STOP = Pattern.compile("\\.$");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern EMPTY_BULLET = Pattern.compile("[-•*·▪]");
    private static final Pattern LEADING_DATE = Pattern.compile("^\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}\\b.*");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern ASTERISKS = Pattern.compile("\\*");
    private static final Pattern LEADING_SEPARATORS = Pattern.compile("^[\\s:,\\-–]+");
    private static final Pattern PARAGRAPH = Pattern.compile("^" + ITEM + "\\.?\\s+(?=\\S)(.*)$");
    /** A whole line in italics, as pasted from the minutes: "*Action: ...*" or "_There were no ..._". */
    private static final Pattern EMPHASIS = Pattern.compile("^([*_])(?!\\1)(.+?)\\1\\.?$");
    private static final Pattern BULLET = Pattern.compile("^(?:[-•*·▪]|\\d+\\))\\s+");
    /** A heading's number on a line of its own, as minutes pasted from a document lay them out: "5." or "5.1". */
    private static final Pattern BARE_HEADING = Pattern.compile("^" + ITEM + "\\.?$");
    private static final Pattern ACTION_HEADING = Pattern.compile("^actions?\\s*:\\s*$", I);
    private static final Pattern NUMBERED = Pattern.compile("^\\(([ivx]{1,5}|[a-h]|\\d{1,2})\\)\\s*(.+)$", I);

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
    private static final Pattern NO_DECLARATIONS = Pattern.compile("^(?:there\\s+were\\s+)?no\\s+declarations"
            + "(?:\\s+of\\s+interests?)?(?:\\s+(?:were\\s+)?(?:made|received|declared|recorded))?[.!]?$", I);
    private static final Pattern DECLARE_SHORT = Pattern.compile("^declare\\s+(?:an?\\s+)?(?:" + KIND
            + "\\s+)?(?:interest\\s+)?(?:in\\s+)?(?:agenda\\s+)?item\\s+" + ITEM + "\\s*[:,\\-–]?\\s*(.+)$", I);
    private static final Pattern DECLARE_OWN = Pattern.compile("^i\\s+(?:wish\\s+to\\s+|would\\s+like\\s+to\\s+|must\\s+)?"
            + "declare\\s+an?\\s+(?:" + KIND + "\\s+)?interest\\s+in\\s+(?:agenda\\s+)?item\\s+" + ITEM
            + "\\s*(?:,|:|-|–|as|because|since)?\\s*(.+)$", I);
    private static final Pattern DECLARED = Pattern.compile("^(.+?)\\s+declared\\s+an?\\s+(?:" + KIND
            + "\\s+)?interest\\s+in\\s+(?:agenda\\s+)?item\\s+" + ITEM
            + "\\s*(?:,|:|-|–|as|because|since)?\\s*(.+)$", I);
    private static final Pattern ACTION_MINUTE = Pattern.compile("^actions?\\s*:\\s*(.+)$", I);
    private static final Pattern ACTION_CHANGE = Pattern.compile("^action\\s+(?:no\\.?\\s*)?(\\d{1,6})(?:\\.0)?\\s+"
            + "(owner|due|target)\\s*:?\\s*(.*)$", I);
    /** Not "Action no. 50.0, Agenda Item 13.0, ..." (the log read out) nor "Action 2: ..." (a framework quoted). */
    private static final Pattern ACTION_SHORT = Pattern.compile(
            "^action\\s+(?!(?:no\\.?\\s*|number\\s*|#)?\\d{1,4}(?:\\.\\d+)?\\b)(.+)$", I);
    private static final Pattern SHORT_FIELD = Pattern.compile("\\b(owner|due|target|item)\\s*:", I);
    private static final Pattern OWNER_FIELD = Pattern.compile("\\bowner\\s*:", I);
    private static final Pattern OWNER_ANSWER = Pattern.compile("^owner\\s*:?\\s+(.+)$", I);
    private static final Pattern OWNER_IN_TEXT = Pattern.compile("^((?!to\\b)[^,;:]{1,80}?)\\s+(?:is\\s+to|are\\s+to|to)"
            + "\\s+(?!be\\b)[a-z]+", I);
    private static final String NUM = "(?:action\\s+)?(?:no\\.?\\s*)?(\\d{1,6})(?:\\.0)?";
    /** Not "Update 12 months on, ...": a count of time opens a sentence of the minutes, not an action's number. */
    private static final Pattern UPDATE_CMD = Pattern.compile("^update\\s+" + NUM + "(?!\\s*(?:%|per\\s*cent\\b|(?:day"
            + "|week|month|quarter|year|hour|minute)s?\\b))\\s*[:,\\-–]?\\s+(.+)$", I | Pattern.DOTALL);
    private static final Pattern UPDATE_MINUTE = Pattern.compile("^update\\s*:\\s*(.*)$", I | Pattern.DOTALL);
    private static final Pattern DONE = Pattern.compile("^(?:done|completed?|finished)\\s+" + NUM + "$|^action\\s+"
            + "(?:no\\.?\\s*)?(\\d{1,6})(?:\\.0)?\\s+(?:is\\s+)?(?:done|complete|completed)[.!]?$", I);
    private static final Pattern CLOSE = Pattern.compile("^(close|reopen|re-open)\\s+" + NUM + "[.!]?$", I);
    private static final Pattern KEEP_OPEN = Pattern.compile("^keep\\s+" + NUM + "\\s+open$|^keep\\s+open\\s+"
            + NUM + "$", I);
    private static final Pattern HISTORY = Pattern.compile("^history\\s+(?:of\\s+)?" + NUM + "$", I);
    private static final Pattern POST_LOG = Pattern.compile("^post\\s+(?:the\\s+)?action\\s+log(?:\\s+summary)?"
            + "(?:\\s+(weekly|every\\s+week)(?:\\s+(?:on\\s+)?(.+?))?)?\\.?$", I);
    private static final Pattern SHAREPOINT = Pattern.compile("^(?:set\\s+(?:the\\s+)?)?share\\s*point\\s+(?:folder|"
            + "library)(?:\\s*[:=]?\\s+(.+))?$", I | Pattern.DOTALL);
    private static final Pattern UPLOAD = Pattern.compile("^upload\\s+(?:the\\s+)?(minutes(?:\\s+draft)?|draft\\s+"
            + "minutes|action\\s+log)(?:\\s+to\\s+share\\s*point)?[.!]?$", I);
    private static final Pattern LOG_OVERDUE = Pattern.compile("^(?:the\\s+)?(?:action\\s+log|actions)\\s+"
            + "overdue$|^overdue\\s+actions$", I);
    private static final Pattern LOG_OWNER = Pattern.compile("^(?:the\\s+)?(?:action\\s+log|actions)\\s+(?:owner|for"
            + "|owned\\s+by)\\s*:?\\s+(.+)$", I);
    private static final Pattern REVIEW_ALL = Pattern.compile("^review\\s+(?:the\\s+)?(?:actions?|action\\s+log)$", I);
    private static final Pattern REVIEW_ONE = Pattern.compile("^review\\s+" + NUM + "$", I);
    /** The minutes' review heading: "Action 10.0, Agenda Item 4.3, 16th December 2021 – Performance Reporting". */
    private static final Pattern REVIEW_HEADING = Pattern.compile("^action\\s+(?:no\\.?\\s*)?(\\d{1,6})(?:\\.0)?"
            + "\\s*[,;]\\s*(?:agenda\\s+)?item\\s+[\\d.]*\\d\\.?\\s*(?:[,;:–-].*)?$", I);
    private static final Pattern MAP_BODY = Pattern.compile("^(?:owner|body)\\s+(.+?)\\s*=\\s*(.+)$", I);
    private static final Pattern DRAFT_MINUTES = Pattern.compile("^(?:draft|show|write)\\s+(?:the\\s+)?minutes"
            + "(?:\\s+draft)?$|^minutes\\s+draft$", I);
    private static final Pattern APPROVE_MINUTES = Pattern.compile("^approve\\s+(?:the\\s+)?minutes(?:\\s+(?:of|for"
            + "|from))?(?:\\s+(?:the\\s+)?(?:meeting\\s+)?(?:(?:of|on|held\\s+on)\\s+)?(?:the\\s+)?(.+))?$", I);
    private static final Pattern ATTENDANCE = Pattern.compile("^(?:show\\s+(?:the\\s+)?)?attendance"
            + "(?:\\s+report)?$", I);
    private static final Pattern CALENDAR = Pattern.compile("^calendar(?:\\s+(.+))?$", I);
    private static final Pattern QUORUM = Pattern.compile("^(?:the\\s+)?quorum(?:\\s+(?:is\\s+)?(.+))?$", I);
    /** Only a settings word after "reminders" makes it the command, so minutes that say "Reminders were sent" stay prose. */
    private static final Pattern REMINDERS = Pattern.compile("^reminders?(?:\\s+((?:status|off|on|none|defaults?|overdue"
            + "|digest|escalat(?:e|ion)|zone|time\\s*zone|before)\\b.*|\\d.*))?$", I);
    private static final Pattern MARKING = Pattern.compile("^(?:protective\\s+)?marking\\s*:?\\s+(.+)$", I);
    private static final Pattern EXPORT = Pattern.compile("^export(?:\\s+(?:the\\s+)?action\\s+log)?(?:\\s+(?:as\\s+"
            + "|in\\s+)?(csv|docx|word|json|excel))?$", I);
    private static final Pattern MOVE_MEETING = Pattern.compile("^(?:move|reschedule)\\s+(?:the\\s+)?(?:meeting|board)"
            + "\\s+(?:of\\s+|on\\s+)?(?:the\\s+)?(.+?)\\s+to\\s+(?:the\\s+)?(.+?)\\.?$", I);
    private static final Pattern ITEM_CMD = Pattern.compile("^(?:agenda\\s+)?item\\s+" + ITEM + "\\.?$", I);
    private static final Pattern NEXT_MEETING_CMD = Pattern.compile("^next\\s+meeting\\s*:?\\s+(.+)$", I);
    private static final Pattern NEXT_MEETING_MINUTE = Pattern.compile("^(?:the\\s+)?(?:date\\s+of\\s+(?:the\\s+)?)?next\\s+"
            + "(?:scheduled\\s+)?(?:meeting|board)(?:\\s+meeting)?(?:\\s+(?:will\\s+be\\s+held\\s+on|will\\s+take\\s+place"
            + "\\s+on|will\\s+be\\s+on|will\\s+be|is\\s+on|is\\s+scheduled\\s+for|is)|\\s*:)\\s+(?:the\\s+)?(.+)$", I);
    private static final Pattern START_MEETING = Pattern.compile("^start\\s+(?:the\\s+)?meeting(?:\\s+(.+))?$", I);
    private static final Pattern END_MEETING = Pattern.compile("^(?:end|close)\\s+(?:the\\s+)?meeting\\.?$", I);
    private static final Pattern BOARD_NAME = Pattern.compile("^board\\s+name\\s*:?\\s+(.+)$", I);
    private static final Pattern ASSIGN_ROLE = Pattern.compile("^(chair|secretary)\\s*:?\\s+(.+)$", I);
    private static final Pattern SET_TITLE = Pattern.compile("^role\\s+(.+)$", I);
    private static final Pattern MEMBERS = Pattern.compile("^members\\s*:\\s*(.+?)(?:\\bin\\s+attendance\\s*:\\s*(.+))?$",
            I | Pattern.DOTALL);
    /** "Action 2: Challenge and address ...": a numbered line quoted from elsewhere, not a board action. */
    private static final Pattern QUOTED_ACTION = Pattern.compile("^action\\s+\\d{1,4}(?:\\.\\d+)?\\s*:\\s*\\S", I);
    /** "For the minutes of 11th February:", "Minutes of 11/02 –": what follows is about that meeting. */
    private static final Pattern MINUTES_OF = Pattern.compile("^(?:for\\s+)?(?:the\\s+)?minutes\\s+(?:of|for)\\s+"
            + "(?:the\\s+)?(?:meeting\\s+(?:of|on)\\s+)?([^:–—]{3,40}?)\\s*(?::|–|—|\\s-)\\s+", I);
    private static final Pattern LOCATION = Pattern.compile("\\b(?:at|in|via)\\s+(?!\\d)([^.]+?)\\.?$", I);

    private CommandParser() {
    }

    /** Parses a message. Never returns an empty list: text with no command in it is one {@link Command.Unknown}. */
    public static List<Command> parse(String message, ParseContext context) {
        return parse(message, context, Shapes.DISPATCHED);
    }

    /** Parses a message, finding each line's shape as {@code shapes} says (both ways give the same commands). */
    static List<Command> parse(String message, ParseContext context, Shapes shapes) {
        String text = message == null ? "" : message.replace('\u00A0', ' ').replace("**", "").strip();
        if (text.isEmpty()) {
            return List.of(new Command.Help());
        }
        if (!context.officer() && text.indexOf('\n') < 0) {
            // "10 – letter drafted": from an owner, a report on action 10, not a numbered paragraph of minutes.
            Command report = OwnerWords.numbered(text, context.today());
            if (report != null) {
                return List.of(report);
            }
        }
        Matcher minutesOf = MINUTES_OF.matcher(text);
        if (minutesOf.lookingAt()) {
            // "Minutes of 11/02 – Action: ...": the rest is about that meeting, whatever today is.
            Optional<DateFinding> held = BritishDates.find(minutesOf.group(1), context.today())
                    .filter(d -> !d.impossible());
            if (held.isPresent()) {
                java.time.LocalDate date = held.get().date().isAfter(context.today())
                        ? held.get().date().minusYears(1) : held.get().date();
                List<Command> rest = new ArrayList<>(List.of(new Command.MinutesOf(date)));
                rest.addAll(parse(text.substring(minutesOf.end()), new ParseContext(context.today(), date,
                        context.knownNames(), context.initials(), context.mentions(), context.officer()), shapes));
                return rest;
            }
        }
        Matcher members = MEMBERS.matcher(text);
        if (members.matches()) {
            return List.of(new Command.RosterTitles(
                    NameListParser.parse(members.group(1), context.knownNames(), context.initials()),
                    members.group(2) == null ? List.of()
                            : NameListParser.parse(members.group(2), context.knownNames(), context.initials())));
        }
        List<Command> commands = new ArrayList<>();
        boolean inActionList = false;
        int update = -1;
        for (String statement : statements(text, context, shapes)) {
            String line = unemphasised(BULLET.matcher(statement).replaceFirst("").strip());
            if (update >= 0 && EMPTY_BULLET.matcher(line).matches()) {
                // An empty bullet left behind by a pasted document adds nothing to the update.
                continue;
            }
            if (update >= 0 && continuesUpdate(line)) {
                // An update in the minutes runs on over paragraphs and bullet lists until the next heading.
                Command.UpdateAction u = (Command.UpdateAction) commands.get(update);
                commands.set(update, new Command.UpdateAction(u.number(), u.text() + "\n" + statement.strip()));
                continue;
            }
            update = -1;
            Matcher numbered = NUMBERED.matcher(line);
            if (inActionList && numbered.matches()) {
                commands.add(minuteAction(numbered.group(2), context.minuted()));
                continue;
            }
            inActionList = false;
            Matcher paragraph = paragraph(line);
            if (paragraph != null && !LEADING_DATE.matcher(line).matches()) {
                commands.add(new Command.SetItem(paragraph.group(1)));
                line = paragraph.group(2).strip();
            }
            if (ACTION_HEADING.matcher(line).matches()) {
                inActionList = true;
                continue;
            }
            Command command = statement(line, context, shapes);
            if (command != null) {
                commands.add(command);
                update = command instanceof Command.UpdateAction ? commands.size() - 1 : -1;
            }
        }
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i) instanceof Command.UpdateAction u && u.text().length() > MAX_UPDATE_TEXT) {
                commands.set(i, update(u.number(), u.text()));
            }
        }
        boolean anything = commands.stream().anyMatch(c -> !(c instanceof Command.SetItem));
        if (!anything && commands.isEmpty()) {
            // No command or minute shape: the words of a member, an owner or a hurried secretary.
            Command own = OwnWords.read(text, context.today());
            if (own == null && QUOTED_ACTION.matcher(text).lookingAt()) {
                return List.of(new Command.Unknown(text, "\"Action 2: ...\" reads as a numbered quotation (a framework"
                        + " or a report), not one of the board's actions; a new action is \"Action: ...\""));
            }
            return List.of(own != null ? own : new Command.Unknown(text, null));
        }
        return commands;
    }

    /** Within an update, everything but a new heading (numbered paragraph, action, update) is more of it. */
    private static boolean continuesUpdate(String line) {
        return paragraph(line) == null && !BARE_HEADING.matcher(line).matches()
                && !REVIEW_HEADING.matcher(line).matches()
                && !UPDATE_MINUTE.matcher(line).matches() && !UPDATE_CMD.matcher(line).matches()
                && !ACTION_MINUTE.matcher(line).matches() && !ACTION_HEADING.matcher(line).matches()
                && !line.toLowerCase(Locale.ROOT).startsWith("action");
    }

    private static String unemphasised(String line) {
        Matcher m = EMPHASIS.matcher(line);
        return m.matches() ? m.group(2).strip() : line;
    }

    /** One statement: a short command or a minute sentence; null when it is neither. */
    static Command statement(String line, ParseContext context, Shapes shapes) {
        // Trailing punctuation goes, but not all of a message that is only punctuation: "?" asks for help.
        String lower = withoutTrailingStops(line.toLowerCase(Locale.ROOT));
        switch (lower) {
            case "help", "?", "commands", "what can you do" -> {
                return new Command.Help();
            }
            case "action log", "actions", "the action log", "show action log", "show the action log" -> {
                return new Command.ActionLog();
            }
            case "my actions", "show my actions", "my action log" -> {
                return new Command.MyActions();
            }
            case "apologies", "show apologies", "list apologies" -> {
                return new Command.ListApologies();
            }
            case "declarations", "show declarations", "list declarations", "declarations of interest" -> {
                return new Command.ListDeclarations();
            }
            case "undo" -> {
                return new Command.Undo();
            }
            default -> {
                // fall through to the sentence shapes
            }
        }
        return shapes == Shapes.DISPATCHED ? firstMatch(SHAPES_BY_WORD.getOrDefault(firstWord(line), FREE_SHAPES), line,
                context) : firstMatch(SHAPES, line, context);
    }

    /**
     * The text without the full stops, exclamation and question marks and spaces it ends with, unless they are all
     * it has: what {@code replaceAll("(?<=\\S)[.!?\\s]+$", "")} gives, without the regular expression's search from
     * every position of every line.
     */
    static String withoutTrailingStops(String text) {
        int length = text.length();
        int end = length;
        while (end > 0 && isStop(text.charAt(end - 1))) {
            end--;
        }
        if (end == length) {
            return text;
        }
        if (end == 0) {
            // All stops: only those after the first that is not a space go ("?!" keeps "?", "?" stays).
            end = 1;
            while (end < length && isSpace(text.charAt(end - 1))) {
                end++;
            }
            if (end == length) {
                return text;
            }
        }
        return text.substring(0, end);
    }

    private static boolean isStop(char c) {
        return c == '.' || c == '!' || c == '?' || isSpace(c);
    }

    /** A space as {@code \\s} means it: ASCII whitespace only. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static Command firstMatch(List<Shape> shapes, String line, ParseContext context) {
        for (Shape shape : shapes) {
            Command command = shape.read().apply(line, context);
            if (command != null) {
                return command;
            }
        }
        return null;
    }

    /**
     * The answers of the shapes that {@link Shapes#DISPATCHED} does not try for {@code line} and that read it
     * nonetheless: none, unless a shape's first words are wrong. For the test that proves the dispatch sound.
     */
    static List<Command> readBySkippedShapes(String line, ParseContext context) {
        List<Shape> tried = SHAPES_BY_WORD.getOrDefault(firstWord(line), FREE_SHAPES);
        List<Command> read = new ArrayList<>();
        for (Shape shape : SHAPES) {
            Command command = tried.contains(shape) ? null : shape.read().apply(line, context);
            if (command != null) {
                read.add(command);
            }
        }
        return read;
    }

    /**
     * How {@link #statement} finds a line's shape. Both give the same answer for every line: {@link #DISPATCHED}
     * tries only the shapes that can begin with the line's first word (and those that can begin with anything),
     * {@link #FULL_SCAN} tries them all, and is kept to prove the two agree.
     */
    enum Shapes { DISPATCHED, FULL_SCAN }

    /**
     * A statement's shape: how to read it, and the first words (lower case, letters only) a line of that shape can
     * begin with; none when it can begin with anything ("Jon Leigh declared an interest ...").
     */
    private record Shape(Set<String> firstWords, BiFunction<String, ParseContext, Command> read) {
        static Shape of(String firstWords, BiFunction<String, ParseContext, Command> read) {
            return new Shape(Set.of(firstWords.split(" ")), read);
        }

        static Shape anyStart(BiFunction<String, ParseContext, Command> read) {
            return new Shape(Set.of(), read);
        }
    }

    /**
     * Every sentence shape, in the order they are tried: the first that reads a line wins. Each pattern is anchored
     * at the start and matched case-insensitively in ASCII only, so a line can match a shape only if its first run
     * of ASCII letters, in lower case, is one of the shape's first words.
     */
    private static final List<Shape> SHAPES = List.of(
            Shape.of("please send accept give record my apologies i", (l, c) -> ownApologies(l)),
            Shape.of("remove", (l, c) -> group(REMOVE_APOLOGY, l, m -> new Command.RemoveApology(m.group(1).strip()))),
            Shape.of("apologies", (l, c) -> group(APOLOGIES_FOR_DATE, l, m -> apologiesFor(m.group(1), m.group(2), c))),
            Shape.of("apologies there", (l, c) -> group(APOLOGIES, l, m -> apologies(m.group(1), l, c))),
            Shape.of("there no", (l, c) -> NO_DECLARATIONS.matcher(l).matches() ? new Command.NoDeclarations() : null),
            Shape.of("declare", (l, c) -> group(DECLARE_SHORT, l, m -> declare(null, m.group(1), m.group(2),
                    m.group(3)))),
            Shape.of("i", (l, c) -> group(DECLARE_OWN, l, m -> declare(null, m.group(1), m.group(2), m.group(3)))),
            Shape.anyStart((l, c) -> group(DECLARED, l, m -> declare(m.group(1), m.group(2), m.group(3), m.group(4)))),
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
            Shape.of("set share sharepoint", (l, c) -> group(SHAREPOINT, l, m -> sharePoint(m.group(1)))),
            Shape.of("upload", (l, c) -> group(UPLOAD, l, m -> new Command.Upload(
                    m.group(1).toLowerCase(Locale.ROOT).contains("action")
                            ? Command.Upload.What.ACTION_LOG : Command.Upload.What.MINUTES))),
            Shape.of("the action actions overdue", (l, c) -> group(LOG_OVERDUE, l,
                    m -> new Command.ActionLog(true, null))),
            Shape.of("the action actions", (l, c) -> group(LOG_OWNER, l,
                    m -> new Command.ActionLog(false, clean(m.group(1))))),
            Shape.of("review", (l, c) -> group(REVIEW_ALL, l, m -> new Command.ReviewActions())),
            Shape.of("review", (l, c) -> group(REVIEW_ONE, l, m -> new Command.ReviewAction(
                    Integer.parseInt(m.group(1))))),
            Shape.of("action", (l, c) -> group(REVIEW_HEADING, l, m -> new Command.ReviewAction(
                    Integer.parseInt(m.group(1))))),
            Shape.of("owner body", (l, c) -> group(MAP_BODY, l, m -> mapBody(m.group(1), m.group(2)))),
            Shape.of("draft show write minutes", (l, c) -> group(DRAFT_MINUTES, l, m -> new Command.DraftMinutes())),
            Shape.of("approve", (l, c) -> group(APPROVE_MINUTES, l, m -> approveMinutes(m.group(1), c.today()))),
            Shape.of("reminder reminders", (l, c) -> group(REMINDERS, l, m -> m.group(1) == null
                    ? new Command.Reminders(null)
                    : m.group(1).strip().equalsIgnoreCase("status") ? new Command.RemindersStatus()
                    : new Command.Reminders(m.group(1).strip()))),
            Shape.of("protective marking", (l, c) -> group(MARKING, l, m -> marking(m.group(1)))),
            Shape.of("show attendance", (l, c) -> group(ATTENDANCE, l, m -> new Command.Attendance())),
            Shape.of("the quorum", (l, c) -> group(QUORUM, l, m -> quorum(m.group(1)))),
            Shape.of("calendar", (l, c) -> group(CALENDAR, l, m -> CalendarWords.command(m.group(1)))),
            Shape.of("export", (l, c) -> group(EXPORT, l, m -> new Command.Export(m.group(1) == null ? "docx"
                    : switch (m.group(1).toLowerCase(Locale.ROOT)) {
                        case "word" -> "docx";
                        case "excel" -> "csv";
                        default -> m.group(1).toLowerCase(Locale.ROOT);
                    }))),
            Shape.of("action", (l, c) -> group(ACTION_CHANGE, l, m -> actionChange(m, c.today()))),
            Shape.of("action actions", (l, c) -> group(ACTION_MINUTE, l, m -> minuteAction(m.group(1), c.minuted()))),
            Shape.of("action", (l, c) -> group(ACTION_SHORT, l, m -> shortAction(m.group(1), c.today()))),
            Shape.of("owner", (l, c) -> group(OWNER_ANSWER, l, m -> new Command.AnswerOwner(clean(m.group(1))))),
            Shape.of("agenda item", (l, c) -> group(ITEM_CMD, l, m -> new Command.SetItem(m.group(1)))),
            Shape.of("move reschedule", (l, c) -> group(MOVE_MEETING, l, m -> moveMeeting(m.group(1), m.group(2),
                    c.today()))),
            Shape.of("next", (l, c) -> group(NEXT_MEETING_CMD, l, m -> nextMeeting(m.group(1), c.today(), true))),
            Shape.of("the date next", (l, c) -> group(NEXT_MEETING_MINUTE, l, m -> nextMeeting(m.group(1), c.minuted(),
                    false))),
            Shape.of("start", (l, c) -> group(START_MEETING, l, m -> startMeeting(m.group(1), c.today()))),
            Shape.of("end close", (l, c) -> END_MEETING.matcher(l).matches() ? new Command.EndMeeting() : null),
            Shape.of("board", (l, c) -> group(BOARD_NAME, l, m -> boardName(m.group(1)))),
            Shape.of("chair secretary", (l, c) -> group(ASSIGN_ROLE, l, m -> new Command.AssignRole(
                    BoardRole.valueOf(m.group(1).toUpperCase(Locale.ROOT)), clean(m.group(2))))),
            Shape.of("role", (l, c) -> group(SET_TITLE, l, m -> setTitle(m.group(1), c.mentions()))));

    /** The shapes that can begin with anything: all a line whose first word begins no other shape has to try. */
    private static final List<Shape> FREE_SHAPES = SHAPES.stream().filter(s -> s.firstWords().isEmpty()).toList();

    /** For each first word some shape begins with, the shapes a line beginning with it has to try, in order. */
    private static final Map<String, List<Shape>> SHAPES_BY_WORD = byFirstWord();

    private static Map<String, List<Shape>> byFirstWord() {
        Map<String, List<Shape>> index = new HashMap<>();
        for (Shape shape : SHAPES) {
            for (String word : shape.firstWords()) {
                index.computeIfAbsent(word, w -> SHAPES.stream()
                        .filter(s -> s.firstWords().isEmpty() || s.firstWords().contains(w)).toList());
            }
        }
        return Map.copyOf(index);
    }

    /**
     * The line's first run of ASCII letters, in lower case: "Action:" gives "action", "re-open 5" gives "re". The
     * patterns ignore case in ASCII only, so a letter beyond it (or none) can begin only the free shapes.
     */
    static String firstWord(String line) {
        int end = 0;
        while (end < line.length() && end < 24 && isAsciiLetter(line.charAt(end))) {
            end++;
        }
        return line.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /**
     * Splits a message into statements: lines, joined where a sentence runs on over a line break. Minutes pasted
     * from a document wrap anywhere, even between the words of a title ("Fenshire" / "Constabulary"), so a
     * line that starts with a capital continues an unfinished sentence when the line before it looks wrapped (it
     * is as long as a document's lines) and the new line is not a statement of its own. A short typed line followed
     * by another ("Apologies from Jon Leigh" / "Thank you") stays two statements, and so does a line followed by a
     * short command typed in lower case ("start meeting" / "apologies Jon Leigh").
     */
    static List<String> statements(String text, ParseContext context, Shapes shapes) {
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
                    || statement(line, context, shapes) != null);
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

    private static void flush(StringBuilder current, List<String> out) {
        if (current.length() > 0) {
            out.add(current.toString());
            current.setLength(0);
        }
    }

    private static Command group(Pattern pattern, String line, Function<Matcher, Command> build) {
        Matcher m = pattern.matcher(line);
        return m.matches() ? build.apply(m) : null;
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

    /** A declaration. One that names no kind is kept as {@link InterestKind#NOT_STATED}: the kinds are offered. */
    private static Command declare(String member, String kind, String item, String interest) {
        InterestKind k = InterestKind.fromWord(kind).orElse(InterestKind.NOT_STATED);
        String words = clean(LEADING_SEPARATORS.matcher(interest).replaceFirst(""));
        if (words.isEmpty()) {
            return new Command.Invalid("A declaration needs the interest itself.",
                    "declare item 7: I am a trustee of the charity named in the report");
        }
        return new Command.Declare(member == null ? null : clean(member), FINAL_STOP.matcher(item).replaceAll(""), k, words);
    }

    /** The longest update accepted, in characters. */
    public static final int MAX_UPDATE_TEXT = 4000;

    private static Command update(Integer number, String text) {
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

    private static Command mapBody(String body, String people) {
        String name = clean(body).replaceFirst("(?i)^the\\s+", "");
        List<String> names = new ArrayList<>();
        for (String part : people.split("\\s*(?:,|;|\\band\\b|&)\\s*")) {
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

    private static Command approveMinutes(String words, LocalDate today) {
        if (words == null || words.isBlank()) {
            return new Command.Invalid("Say which meeting's minutes are approved.", "approve minutes 26/05/2026");
        }
        String written = words.strip().replaceFirst("(?i)\\s+as\\s+a\\s+true\\s+record\\.?$", "");
        if (written.matches("(?i)(?:the\\s+)?(?:last|previous)(?:\\s+(?:meeting|board))?\\.?")) {
            return new Command.ApproveMinutes(null);
        }
        Optional<DateFinding> found = BritishDates.find(written, today);
        if (found.isEmpty()) {
            return new Command.Invalid("\"" + clean(words) + "\" is not a date I can read (" + BritishDates.FORMAT_HINT
                    + ").", "approve minutes 26/05/2026");
        }
        if (found.get().impossible()) {
            return new Command.Invalid("\"" + found.get().written() + "\" is not a date on the calendar.",
                    "approve minutes 26/05/2026");
        }
        return new Command.ApproveMinutes(found.get().date());
    }

    private static Command moveMeeting(String from, String to, LocalDate today) {
        String example = "move meeting 11/02/2027 to 18/02/2027";
        Optional<DateFinding> was = BritishDates.find(from, today);
        Optional<DateFinding> now = BritishDates.find(to, today);
        if (was.isEmpty() && now.isEmpty()) {
            // "Reschedule the meeting with the Fire Service to next week": minute language, not a command.
            return null;
        }
        if (was.isEmpty() || now.isEmpty()) {
            return new Command.Invalid("Give both dates, " + BritishDates.FORMAT_HINT + ".", example);
        }
        for (DateFinding d : List.of(was.get(), now.get())) {
            if (d.impossible()) {
                return new Command.Invalid("\"" + d.written() + "\" is not a date on the calendar.", example);
            }
        }
        return new Command.MoveMeeting(was.get().date(), now.get().date());
    }

    /** {@code quorum}, {@code quorum 5}, {@code quorum off}: a whole number of members from 1 to 99. */
    private static Command quorum(String words) {
        if (words == null) {
            return new Command.Quorum(true, null);
        }
        String w = words.strip().replaceAll("\\s+members?$", "").replaceAll("\\.$", "");
        if (w.matches("(?i)off|none|no|clear")) {
            return new Command.Quorum(false, null);
        }
        if (w.matches("\\d{1,2}") && Integer.parseInt(w) >= 1) {
            return new Command.Quorum(false, Integer.parseInt(w));
        }
        return new Command.Invalid("A quorum is a number of members from 1 to 99, or \"off\".", "quorum 5");
    }

    /** {@code sharepoint folder [<address> | off]}: the address is checked by the clerk, which says how to say it. */
    private static Command sharePoint(String words) {
        if (words == null || words.isBlank()) {
            return new Command.SharePointFolder(Command.SharePointFolder.Mode.SHOW, null);
        }
        String word = words.strip().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "");
        if (word.equals("off") || word.equals("none") || word.equals("clear") || word.equals("remove")) {
            return new Command.SharePointFolder(Command.SharePointFolder.Mode.OFF, null);
        }
        return new Command.SharePointFolder(Command.SharePointFolder.Mode.SET, words.strip());
    }

    private static Command marking(String words) {
        String w = clean(words).toUpperCase(Locale.ROOT).replaceAll("[\\s_]+", "-").replaceAll("\\.$", "");
        return switch (w) {
            case "OFFICIAL", "OFFICIAL-SENSITIVE", "PROTECT" -> new Command.SetMarking(w);
            case "NONE", "NO-MARKING", "OFF" -> new Command.SetMarking(null);
            // "Marking criteria for the grants were agreed": a sentence of the minutes, not a marking.
            default -> w.split("-").length > 2 ? null : new Command.Invalid("\"" + clean(words)
                    + "\" is not a marking BoardClerk knows: use OFFICIAL,"
                    + " OFFICIAL-SENSITIVE, PROTECT or none.", "marking OFFICIAL");
        };
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

    /**
     * "Constabulary to bring a report on Safer Streets Project to the next Board in May." A sentence that carries the
     * short form's {@code owner:} field ("Action: Review the register owner: Nina Hart due: the next Board") is read
     * as the short form it is.
     */
    private static Command minuteAction(String sentence, LocalDate today) {
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

    private static Command nextMeeting(String words, LocalDate today, boolean command) {
        Optional<DateFinding> date = BritishDates.find(words, today);
        if (date.isEmpty()) {
            return command ? new Command.Invalid("I could not find a date in \"" + words + "\".",
                    "next meeting 26/05/2026 10:00 at Police Headquarters") : null;
        }
        if (date.get().impossible()) {
            return impossibleDate(date.get(), "next meeting 26/05/2026 10:00 at Police Headquarters");
        }
        String rest = words.substring(date.get().end());
        LocalTime time = BritishDates.findTime(rest).orElse(null);
        String afterTime = rest.replaceFirst("(?i)^.*?\\b\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?)?", "");
        Matcher location = LOCATION.matcher(afterTime.strip());
        String where = location.find() && location.start() == 0 ? clean(location.group(1)) : null;
        if (where != null && where.toLowerCase(Locale.ROOT).startsWith("microsoft teams")) {
            where = "Via Microsoft Teams";
        }
        return new Command.NextMeeting(date.get().date(), time, where, !command);
    }

    private static Command startMeeting(String words, LocalDate today) {
        if (words == null || words.isBlank()) {
            return new Command.StartMeeting(null);
        }
        Optional<DateFinding> date = BritishDates.parseWhole(words, today);
        if (date.isEmpty()) {
            return new Command.Invalid("\"" + words.strip() + "\" is not a date I can read.",
                    "start meeting, or start meeting 26/05/2026");
        }
        return date.get().impossible() ? impossibleDate(date.get(), "start meeting 26/05/2026")
                : new Command.StartMeeting(date.get().date());
    }

    private static Command boardName(String name) {
        String n = clean(name);
        return n.length() > 200 ? new Command.Invalid("A board name can have at most 200 characters.",
                "board name Business Coordination Board") : new Command.BoardName(n);
    }

    private static Command setTitle(String rest, List<Mention> mentions) {
        String text = rest.strip();
        for (Mention mention : mentions) {
            if (text.startsWith(mention.name())) {
                String title = clean(text.substring(mention.name().length()).replaceFirst("^[,:\\-–\\s]+", ""));
                return title.isEmpty() ? titleHelp() : new Command.SetTitle(mention.name(), title);
            }
        }
        int split = text.indexOf(',') >= 0 ? text.indexOf(',') : text.indexOf(':');
        if (split <= 0 || clean(text.substring(split + 1)).isEmpty()) {
            return titleHelp();
        }
        return new Command.SetTitle(clean(text.substring(0, split)), clean(text.substring(split + 1)));
    }

    private static Command titleHelp() {
        return new Command.Invalid("Say whose role it is and what it is.",
                "role @Jon Leigh Chief Finance Officer, or role Jon Leigh, Chief Finance Officer");
    }

    private static Command tooLong(String text) {
        return new Command.Invalid("That action is " + text.length() + " characters long; an action can have at most "
                + MAX_ACTION_TEXT + ". Put the detail in an update and keep the action to what must be done.",
                "action <what is to be done> owner: <person or body> due: <date or meeting>");
    }

    /** A date that is not on the calendar (31/02/2027): the problem, and the user's own words with a real date. */
    private static Command impossibleDate(DateFinding date, String example) {
        return new Command.Invalid("\"" + date.written() + "\" is not a date on the calendar. Write dates "
                + BritishDates.FORMAT_HINT + ".", example);
    }

    private static String clean(String s) {
        if (s == null) {
            return "";
        }
        String spaced = SPACES.matcher(s.strip()).replaceAll(" ");
        return FINAL_STOP.matcher(TRAILING_PUNCTUATION.matcher(spaced).replaceAll("")).replaceAll("");
    }
}
