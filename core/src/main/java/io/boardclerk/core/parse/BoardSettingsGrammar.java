package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.BoardRole;
import io.boardclerk.core.roster.Mention;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.boardclerk.core.parse.GrammarParts.I;
import static io.boardclerk.core.parse.GrammarParts.clean;
import static io.boardclerk.core.parse.GrammarParts.group;

/**
 * How a board is set up: "board name Business Coordination Board", "chair @Jon Leigh", "secretary Nina Hart", "role
 * Jon Leigh, Chief Finance Officer", the roster ("Members: Jon Leigh (Chair), Jane Gifford ... In attendance: ..."),
 * reminders ("reminders 7,0 overdue weekly", "reminders off", "reminders status"), the protective marking ("marking
 * OFFICIAL-SENSITIVE"), the SharePoint folder ("sharepoint folder https://...") and uploads to it ("upload the action
 * log to SharePoint"), and linking a person the minutes name to a person in Teams ("link Nina Hart = @Nina Hart").
 */
final class BoardSettingsGrammar {

    private static final Pattern SHAREPOINT = Pattern.compile("^(?:set\\s+(?:the\\s+)?)?share\\s*point\\s+(?:folder|"
            + "library)(?:\\s*[:=]?\\s+(.+))?$", I | Pattern.DOTALL);
    private static final Pattern UPLOAD = Pattern.compile("^upload\\s+(?:the\\s+)?(minutes(?:\\s+draft)?|draft\\s+"
            + "minutes|action\\s+log)(?:\\s+to\\s+share\\s*point)?[.!]?$", I);
    /** Only a settings word after "reminders" makes it the command, so minutes that say "Reminders were sent" stay prose. */
    private static final Pattern REMINDERS = Pattern.compile("^reminders?(?:\\s+((?:status|off|on|none|defaults?|overdue"
            + "|digest|escalat(?:e|ion)|zone|time\\s*zone|before)\\b.*|\\d.*))?$", I);
    private static final Pattern MARKING = Pattern.compile("^(?:protective\\s+)?marking\\s*:?\\s+(.+)$", I);
    private static final Pattern BOARD_NAME = Pattern.compile("^board\\s+name\\s*:?\\s+(.+)$", I);
    private static final Pattern ASSIGN_ROLE = Pattern.compile("^(chair|secretary)\\s*:?\\s+(.+)$", I);
    private static final Pattern SET_TITLE = Pattern.compile("^role\\s+(.+)$", I);
    /** Only with "=": "Link the report to the strategy" in the minutes stays prose. */
    private static final Pattern LINK_PERSON = Pattern.compile("^link\\s+(?:the\\s+name\\s+)?(.*?)\\s*=\\s*(.*)$", I);
    private static final Pattern MEMBERS = Pattern.compile("^members\\s*:\\s*(.+?)(?:\\bin\\s+attendance\\s*:\\s*(.+))?$",
            I | Pattern.DOTALL);

    /** The shapes, in the order they are tried. */
    static final List<Shape> SHAPES = List.of(
            Shape.of("set share sharepoint", (l, c) -> group(SHAREPOINT, l, m -> sharePoint(m.group(1)))),
            Shape.of("upload", (l, c) -> group(UPLOAD, l, m -> new Command.Upload(
                    m.group(1).toLowerCase(Locale.ROOT).contains("action")
                            ? Command.Upload.What.ACTION_LOG : Command.Upload.What.MINUTES))),
            Shape.of("reminder reminders", (l, c) -> group(REMINDERS, l, m -> m.group(1) == null
                    ? new Command.Reminders(null)
                    : m.group(1).strip().equalsIgnoreCase("status") ? new Command.RemindersStatus()
                    : new Command.Reminders(m.group(1).strip()))),
            Shape.of("protective marking", (l, c) -> group(MARKING, l, m -> marking(m.group(1)))),
            Shape.of("board", (l, c) -> group(BOARD_NAME, l, m -> boardName(m.group(1)))),
            Shape.of("chair secretary", (l, c) -> group(ASSIGN_ROLE, l, m -> new Command.AssignRole(
                    BoardRole.valueOf(m.group(1).toUpperCase(Locale.ROOT)), clean(m.group(2))))),
            Shape.of("role", (l, c) -> group(SET_TITLE, l, m -> setTitle(m.group(1), c.mentions()))),
            Shape.of("link", (l, c) -> group(LINK_PERSON, l, m -> linkPerson(m.group(1), m.group(2)))));

    private BoardSettingsGrammar() {
    }

    /**
     * A whole message that is the roster, "Members: ... In attendance: ...", as the people and their titles; null
     * when the message is something else. It spans lines, so it is read before the message is split into statements.
     */
    static Command roster(String text, ParseContext context) {
        Matcher members = MEMBERS.matcher(text);
        if (!members.matches()) {
            return null;
        }
        return new Command.RosterTitles(
                NameListParser.parse(members.group(1), context.knownNames(), context.initials()),
                members.group(2) == null ? List.of()
                        : NameListParser.parse(members.group(2), context.knownNames(), context.initials()));
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

    private static Command linkPerson(String nameOnly, String person) {
        String name = clean(nameOnly);
        String teamsPerson = clean(person).replaceFirst("^@", "");
        if (name.isEmpty() || teamsPerson.isEmpty() || teamsPerson.contains("=")) {
            return new Command.Invalid("Say the name the minutes use, then the person in this chat.",
                    "link Nina Hart = @Nina Hart");
        }
        return new Command.LinkPerson(name, teamsPerson);
    }

    private static Command titleHelp() {
        return new Command.Invalid("Say whose role it is and what it is.",
                "role @Jon Leigh Chief Finance Officer, or role Jon Leigh, Chief Finance Officer");
    }
}
