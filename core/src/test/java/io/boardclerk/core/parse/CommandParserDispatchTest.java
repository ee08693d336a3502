package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.roster.Mention;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parser finds a line's shape by its first word instead of trying every shape in turn; this proves the two ways
 * give the same commands. The lines are every example in the README, CONTRIBUTING and docs/ (each code span) and
 * every string literal in the project's sources and tests (the parser tests' minute language, the flow tests'
 * messages, the help text), each also in upper and lower case and with its first letter capitalised, parsed as
 * whole messages and as single lines, with nobody known and with a board's people known.
 */
class CommandParserDispatchTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final List<ParseContext> CONTEXTS = List.of(
            new ParseContext(TODAY, List.of(), List.of(), List.of()),
            new ParseContext(TODAY, List.of("Jon Leigh", "Jane Gifford", "Vic Evers", "Claire Dunmore",
                    "Helen Marsh", "Nina Hart", "Louisa Barry"), List.of("JL", "JG", "VE", "CD", "HM", "NH", "LB"),
                    List.of(new Mention("29:jon", "Jon Leigh"), new Mention("29:claire", "Claire Dunmore"))));

    @Test
    void everyExampleAndEveryStringInTheProjectParsesTheSameByFirstWordAsByTryingEveryShape() {
        Set<String> texts = corpus();
        assertTrue(texts.size() > 2_000, "the corpus is too small to prove anything: " + texts.size() + " texts");
        int lines = 0;
        for (ParseContext context : CONTEXTS) {
            for (String text : texts) {
                assertEquals(CommandParser.parse(text, context, CommandParser.Shapes.FULL_SCAN),
                        CommandParser.parse(text, context, CommandParser.Shapes.DISPATCHED), text);
                for (String line : text.split("\\R")) {
                    String stripped = line.strip();
                    if (stripped.isEmpty()) {
                        continue;
                    }
                    lines++;
                    assertEquals(CommandParser.statement(stripped, context, CommandParser.Shapes.FULL_SCAN),
                            CommandParser.statement(stripped, context, CommandParser.Shapes.DISPATCHED), stripped);
                    assertEquals(List.of(), Routes.readBySkippedShapes(stripped, context),
                            "a shape the dispatch skips reads \"" + stripped + "\"");
                }
            }
        }
        assertTrue(lines > 4_000, "only " + lines + " lines were compared");
    }

    @Test
    void aLineMatchesAShapeOnlyThroughItsFirstRunOfAsciiLetters() {
        assertEquals("action", Routes.firstWord("Action: Constabulary to report"));
        assertEquals("re", Routes.firstWord("re-open 12"));
        assertEquals("apologies", Routes.firstWord("APOLOGIES: Jon Leigh"));
        assertEquals("", Routes.firstWord("5.7 The Assistant Chief Constable advised"));
        assertEquals("", Routes.firstWord("Ärztin Jane Gifford declared an interest in item 4"));
        // A lower-case dotless i is a letter to Java but not to a pattern that ignores case in ASCII only.
        assertEquals("", Routes.firstWord("\u0131 declare an interest in item 4: trustee"));
        assertEquals(CommandParser.statement("\u0131 declare an interest in item 4: trustee", CONTEXTS.get(0),
                        CommandParser.Shapes.FULL_SCAN),
                CommandParser.statement("\u0131 declare an interest in item 4: trustee", CONTEXTS.get(0),
                        CommandParser.Shapes.DISPATCHED));
    }

    @Test
    void trailingStopsGoAsTheRegularExpressionTookThem() {
        Pattern trailingStops = Pattern.compile("(?<=\\S)[.!?\\s]+$");
        List<String> texts = new ArrayList<>(List.of("", "?", "?!", "...", "  ?", " ?!", "help.", "help ?!",
                "action log. ", "undo\t\n", "a", " a ", "\u00A0.", "apologies\u000B.", "what can you do?"));
        texts.addAll(corpus());
        java.util.Random random = new java.util.Random(11);
        String alphabet = "ab .!?\t\n\u00A0";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(7); j > 0; j--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }
        for (String text : texts) {
            assertEquals(trailingStops.matcher(text).replaceAll(""), CommandParser.withoutTrailingStops(text),
                    "\"" + text + "\"");
        }
    }

    /** Code spans of the documentation and string literals of every Java file, with their case variants. */
    private static Set<String> corpus() {
        Set<String> found = new LinkedHashSet<>();
        for (Path page : documentation()) {
            Matcher spans = CODE_SPAN.matcher(read(page));
            while (spans.find()) {
                found.add(spans.group(1));
            }
        }
        for (Path source : javaSources()) {
            Matcher literals = STRING_LITERAL.matcher(read(source));
            while (literals.find()) {
                found.add(unescape(literals.group(1)));
            }
        }
        Set<String> texts = new LinkedHashSet<>();
        for (String text : found) {
            if (text.isBlank()) {
                continue;
            }
            texts.add(text);
            texts.add(text.toUpperCase(Locale.ROOT));
            texts.add(text.toLowerCase(Locale.ROOT));
            texts.add(Character.toUpperCase(text.charAt(0)) + text.substring(1));
        }
        return texts;
    }

    /** README.md, CONTRIBUTING.md and every page in docs/. */
    private static List<Path> documentation() {
        List<Path> pages = new ArrayList<>(List.of(PROJECT.resolve("README.md"), PROJECT.resolve("CONTRIBUTING.md")));
        try (Stream<Path> docs = Files.list(PROJECT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    private static List<Path> javaSources() {
        List<Path> sources = new ArrayList<>();
        for (String module : List.of("core", "storage", "graph-integration", "bot")) {
            Path src = PROJECT.resolve(module).resolve("src");
            if (!Files.isDirectory(src)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(src)) {
                files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertTrue(sources.size() > 100, "the project's sources were not found under " + PROJECT);
        return sources;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unescape(String literal) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c != '\\' || i + 1 == literal.length()) {
                out.append(c);
                continue;
            }
            char next = literal.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (i + 4 < literal.length()) {
                        out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
