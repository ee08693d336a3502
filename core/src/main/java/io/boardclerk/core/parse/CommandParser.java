package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a message into typed commands, once. A message may be a short command ("apologies Jon Leigh, Jane Gifford")
 * or lines of the secretary's own minutes, which can carry several statements and numbered paragraphs.
 * Statements are matched by their whole shape, never by a word somewhere in them.
 *
 * <p>The message is split into statements by {@link MessageSegmenter}; each statement is a fixed phrase
 * ({@link FixedPhrases}) or is read by the first shape in the routing table ({@link Routes}) that reads it, the shapes
 * being those of the grammars per area. A message that no shape reads is left to the words of members and owners
 * ({@link OwnWords}).
 */
public final class CommandParser {

    /** The longest action text accepted, in characters. */
    public static final int MAX_ACTION_TEXT = GrammarParts.MAX_ACTION_TEXT;

    /** The longest update accepted, in characters. */
    public static final int MAX_UPDATE_TEXT = GrammarParts.MAX_UPDATE_TEXT;

    /** "For the minutes of 11th February:", "Minutes of 11/02 –": what follows is about that meeting. */
    private static final Pattern MINUTES_OF = Pattern.compile("^(?:for\\s+)?(?:the\\s+)?minutes\\s+(?:of|for)\\s+"
            + "(?:the\\s+)?(?:meeting\\s+(?:of|on)\\s+)?([^:–—]{3,40}?)\\s*(?::|–|—|\\s-)\\s+", GrammarParts.I);

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
        List<Command> aboutAnotherMeeting = minutesOf(text, context, shapes);
        if (aboutAnotherMeeting != null) {
            return aboutAnotherMeeting;
        }
        Command roster = BoardSettingsGrammar.roster(text, context);
        if (roster != null) {
            return List.of(roster);
        }
        List<Command> commands = statements(text, context, shapes);
        if (commands.isEmpty()) {
            // No command or minute shape: the words of a member, an owner or a hurried secretary.
            Command own = OwnWords.read(text, context.today());
            if (own == null && ActionGrammar.quotesANumberedAction(text)) {
                return List.of(new Command.Unknown(text, "\"Action 2: ...\" reads as a numbered quotation (a framework"
                        + " or a report), not one of the board's actions; a new action is \"Action: ...\""));
            }
            return List.of(own != null ? own : new Command.Unknown(text, null));
        }
        return commands;
    }

    /** "Minutes of 11/02 – Action: ...": the rest is about that meeting, whatever today is; null for other text. */
    private static List<Command> minutesOf(String text, ParseContext context, Shapes shapes) {
        Matcher minutesOf = MINUTES_OF.matcher(text);
        if (!minutesOf.lookingAt()) {
            return null;
        }
        Optional<DateFinding> held = BritishDates.find(minutesOf.group(1), context.today())
                .filter(d -> !d.impossible());
        if (held.isEmpty()) {
            return null;
        }
        LocalDate date = held.get().date().isAfter(context.today())
                ? held.get().date().minusYears(1) : held.get().date();
        List<Command> rest = new ArrayList<>(List.of(new Command.MinutesOf(date)));
        rest.addAll(parse(text.substring(minutesOf.end()), new ParseContext(context.today(), date,
                context.knownNames(), context.initials(), context.mentions(), context.officer()), shapes));
        return rest;
    }

    /**
     * The commands of each statement in turn. A numbered paragraph sets the agenda item; the lines under "Actions:"
     * are actions; an update runs on over paragraphs and bullet lists until the next heading.
     */
    private static List<Command> statements(String text, ParseContext context, Shapes shapes) {
        List<Command> commands = new ArrayList<>();
        boolean inActionList = false;
        int update = -1;
        for (String statement : MessageSegmenter.statements(text, l -> statement(l, context, shapes) != null)) {
            String line = MessageSegmenter.withoutLayout(statement);
            if (update >= 0 && MessageSegmenter.isEmptyBullet(line)) {
                // An empty bullet left behind by a pasted document adds nothing to the update.
                continue;
            }
            if (update >= 0 && MessageSegmenter.continuesUpdate(line)) {
                Command.UpdateAction u = (Command.UpdateAction) commands.get(update);
                commands.set(update, new Command.UpdateAction(u.number(), u.text() + "\n" + statement.strip()));
                continue;
            }
            update = -1;
            String numbered = inActionList ? MessageSegmenter.numberedLine(line) : null;
            if (numbered != null) {
                commands.add(ActionGrammar.minuteAction(numbered, context.minuted()));
                continue;
            }
            inActionList = false;
            Matcher paragraph = MessageSegmenter.numberedParagraph(line);
            if (paragraph != null) {
                commands.add(new Command.SetItem(paragraph.group(1)));
                line = paragraph.group(2).strip();
            }
            if (MessageSegmenter.isActionHeading(line)) {
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
                commands.set(i, ActionLogGrammar.update(u.number(), u.text()));
            }
        }
        return commands;
    }

    /** One statement: a short command or a minute sentence; null when it is neither. */
    static Command statement(String line, ParseContext context, Shapes shapes) {
        // Trailing punctuation goes, but not all of a message that is only punctuation: "?" asks for help.
        Command fixed = FixedPhrases.read(withoutTrailingStops(line.toLowerCase(Locale.ROOT)));
        if (fixed != null) {
            return fixed;
        }
        return shapes == Shapes.DISPATCHED ? Routes.dispatched(line, context) : Routes.fullScan(line, context);
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

    /**
     * How {@link #statement} finds a line's shape. Both give the same answer for every line: {@link #DISPATCHED}
     * tries only the shapes that can begin with the line's first word (and those that can begin with anything),
     * {@link #FULL_SCAN} tries them all, and is kept to prove the two agree.
     */
    enum Shapes { DISPATCHED, FULL_SCAN }
}
