package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.parse.CommandParser;
import io.boardclerk.core.parse.ParseContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The user guide ({@code docs/user-guide.md}) against the real parser and against {@code help}.
 *
 * <p>What the guide shows, and what this test reads:
 * <ul>
 *   <li>a table whose header has a column {@code Read as}: every code span in the row's first column is an example
 *       message, and the {@code Read as} cell names, in code spans, the {@link Command} each is read as. One name
 *       applies to every example of the row; otherwise there is one name per example, in order. A message read as
 *       several commands is written {@code SetItem + RecordAction}. The examples are said by the chair or secretary,
 *       unless the first column's heading mentions a member ("A member or owner writes"): then by someone who is
 *       neither;</li>
 *   <li>a fenced block whose info string is {@code say} followed by the names: one message of several lines, said by
 *       the secretary.</li>
 * </ul>
 * Each example is parsed by {@link CommandParser} as {@code MessageReader} would, against a board's people, and must
 * give exactly the commands named. And every command that {@code help} shows has an example in the guide.
 */
class UserGuideTest {

    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern SAY_BLOCK = Pattern.compile("^```say[ \\t]+([^\\n]+)\\n(.*?)\\n```[ \\t]*$",
            Pattern.MULTILINE | Pattern.DOTALL);
    private static final String READ_AS = "read as";

    /** A Monday, between meetings, as in the guide's examples. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final List<String> PEOPLE = List.of("Jon Leigh", "Jane Gifford", "Vic Evers", "Claire Dunmore",
            "Colin Lusk", "Priya Shah", "Nina Hart", "Jo Grant", "Louisa Barry", "Megan Bowen", "Adele Vance",
            "Alex Wilber");
    private static final List<String> INITIALS = List.of("JL", "JG", "VE", "CD", "CL", "PS", "NH", "LB");
    private static final ParseContext SECRETARY = new ParseContext(TODAY, TODAY, PEOPLE, INITIALS, List.of(), true);
    private static final ParseContext MEMBER = new ParseContext(TODAY, TODAY, PEOPLE, INITIALS, List.of(), false);

    private static final Map<String, Class<?>> COMMANDS = Arrays.stream(Command.class.getPermittedSubclasses())
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    private static List<Example> examples;

    @BeforeAll
    static void readTheGuide() throws IOException {
        examples = examples(Files.readString(guide()));
    }

    @Test
    void everyExampleInTheGuideIsReadAsTheGuideSays() {
        assertTrue(examples.size() >= 100, "the guide's tables were not found, or lost their examples: only "
                + examples.size() + " were read");
        List<String> wrong = new ArrayList<>();
        for (Example example : examples) {
            List<String> read = CommandParser.parse(example.text(), example.officer() ? SECRETARY : MEMBER).stream()
                    .map(c -> c.getClass().getSimpleName()).toList();
            if (!read.equals(example.expected())) {
                wrong.add("line " + example.line() + ": `" + example.text() + "` is read as " + read
                        + ", the guide says " + example.expected());
            }
        }
        assertEquals(List.of(), wrong, "examples in docs/user-guide.md the parser reads otherwise");
    }

    @Test
    void everyCommandHelpShowsHasAnExampleInTheGuide() {
        Set<String> inGuide = new TreeSet<>();
        for (Example example : examples) {
            for (Command command : CommandParser.parse(example.text(), example.officer() ? SECRETARY : MEMBER)) {
                inGuide.add(form(command));
            }
        }
        Map<String, String> inHelp = new java.util.TreeMap<>();
        int spans = 0;
        for (String help : List.of(HelpText.BOARD, HelpText.PERSONAL)) {
            Matcher span = CODE_SPAN.matcher(help);
            while (span.find()) {
                spans++;
                for (ParseContext context : List.of(SECRETARY, MEMBER)) {
                    for (Command command : CommandParser.parse(span.group(1), context)) {
                        // A span with a placeholder ("role @person <title>") is help's shorthand, not a command.
                        if (!(command instanceof Command.Unknown) && !(command instanceof Command.Invalid)) {
                            inHelp.putIfAbsent(form(command), span.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(spans >= 60 && inHelp.size() >= 45, "help's examples were not found: " + spans + " code spans, "
                + inHelp.size() + " forms of commands");
        Map<String, String> missing = new java.util.TreeMap<>(inHelp);
        missing.keySet().removeAll(inGuide);
        assertEquals(Map.of(), missing, "commands help shows (as `help` says them) that docs/user-guide.md has no "
                + "example of");
    }

    /**
     * A command's form: its kind and the parts that choose between its forms (enums and yes-or-no parts), so that
     * {@code post action log weekly off} and {@code post action log} count as two forms and {@code update 12 a} and
     * {@code update 12 b} as one.
     */
    static String form(Command command) {
        StringBuilder form = new StringBuilder(command.getClass().getSimpleName());
        for (RecordComponent part : command.getClass().getRecordComponents()) {
            Class<?> type = part.getType();
            if (type.isEnum() || type == boolean.class) {
                try {
                    form.append(' ').append(part.getName()).append('=').append(part.getAccessor().invoke(command));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return form.toString();
    }

    @Test
    void theGuidesOwnReadingsNameRealCommands() {
        Set<String> unknown = examples.stream().flatMap(e -> e.expected().stream())
                .filter(name -> !COMMANDS.containsKey(name)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), unknown, "names in the guide's \"Read as\" column that are no Command");
    }

    /** One message the guide shows, who says it, and the commands the guide says it is read as. */
    record Example(int line, String text, boolean officer, List<String> expected) {
    }

    static List<Example> examples(String guide) {
        List<Example> found = new ArrayList<>();
        String[] lines = guide.split("\n", -1);
        int readAs = -1;
        boolean officer = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith("|")) {
                readAs = -1;
                continue;
            }
            List<String> cells = cells(line);
            if (readAs < 0) {
                // A table's header row: is there a "Read as" column, and who types the first column?
                for (int c = 0; c < cells.size(); c++) {
                    if (cells.get(c).strip().equalsIgnoreCase(READ_AS)) {
                        readAs = c;
                    }
                }
                officer = !cells.get(0).toLowerCase(Locale.ROOT).contains("member");
                if (readAs < 0) {
                    readAs = Integer.MIN_VALUE; // not a table of examples: skip to its end
                }
                continue;
            }
            if (readAs == Integer.MIN_VALUE || line.matches("\\|[\\s:|-]+\\|")) {
                continue;
            }
            if (cells.size() <= readAs) {
                throw new AssertionError("line " + (i + 1) + " of the guide has no \"Read as\" cell: " + line);
            }
            List<String> texts = spans(cells.get(0));
            List<String> readings = spans(cells.get(readAs));
            if (texts.isEmpty() || readings.isEmpty()
                    || readings.size() != 1 && readings.size() != texts.size()) {
                throw new AssertionError("line " + (i + 1) + " of the guide: " + texts.size() + " examples and "
                        + readings.size() + " readings (give one reading for all, or one for each)");
            }
            for (int e = 0; e < texts.size(); e++) {
                found.add(new Example(i + 1, texts.get(e), officer,
                        names(readings.get(readings.size() == 1 ? 0 : e))));
            }
        }
        Matcher block = SAY_BLOCK.matcher(guide);
        while (block.find()) {
            int line = guide.substring(0, block.start()).split("\n", -1).length;
            found.add(new Example(line, block.group(2), true, names(block.group(1))));
        }
        return found;
    }

    /** A table row's cells, split on the pipes outside code spans. */
    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inCode = false;
        for (int i = 1; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '`') {
                inCode = !inCode;
            }
            if (c == '|' && !inCode) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        return cells;
    }

    private static List<String> spans(String cell) {
        List<String> spans = new ArrayList<>();
        Matcher span = CODE_SPAN.matcher(cell);
        while (span.find()) {
            spans.add(span.group(1));
        }
        return spans;
    }

    private static List<String> names(String reading) {
        return Arrays.stream(reading.split("\\+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** docs/user-guide.md of the project this module belongs to: the nearest directory up that holds docs/. */
    static Path guide() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path guide = dir.resolve("docs").resolve("user-guide.md");
            if (Files.isRegularFile(guide)) {
                return guide;
            }
        }
        throw new AssertionError("no docs/user-guide.md above " + Path.of("").toAbsolutePath());
    }
}
