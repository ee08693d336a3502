package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The routing table: every grammar's shapes joined in the order they are tried, and an index from a line's first word
 * to the shapes that can read it. The first shape that reads a line wins. Where two grammars have shapes that begin
 * with the same word ("i", "there", "the", "action", "actions", "close"), the grammar earlier here is tried first:
 * apologies, declarations, the action log's life, new actions, meetings, board settings. The fixed phrases
 * ({@link FixedPhrases}) come before all of them, and the words of members and owners ({@link OwnWords}) after.
 *
 * <p>Each pattern is anchored at the start and matched case-insensitively in ASCII only, so a line can match a shape
 * only if its first run of ASCII letters, in lower case, is one of the shape's first words (or the shape has none).
 */
final class Routes {

    /** Every shape, in the order they are tried. */
    static final List<Shape> SHAPES = Stream.of(
                    ApologyGrammar.SHAPES,
                    DeclarationGrammar.SHAPES,
                    ActionLogGrammar.SHAPES,
                    ActionGrammar.SHAPES,
                    MeetingGrammar.SHAPES,
                    BoardSettingsGrammar.SHAPES)
            .flatMap(List::stream).toList();

    /** The shapes that can begin with anything: all a line whose first word begins no other shape has to try. */
    private static final List<Shape> FREE_SHAPES = SHAPES.stream().filter(s -> s.firstWords().isEmpty()).toList();

    /** For each first word some shape begins with, the shapes a line beginning with it has to try, in order. */
    private static final Map<String, List<Shape>> SHAPES_BY_WORD = byFirstWord();

    /** The longest first word looked at: longer than any shape's. */
    private static final int LONGEST_FIRST_WORD = 24;

    private Routes() {
    }

    /** The command of the first shape that reads the line, trying only those that can begin with its first word. */
    static Command dispatched(String line, ParseContext context) {
        return firstMatch(candidates(line), line, context);
    }

    /** The command of the first shape that reads the line, trying every shape. */
    static Command fullScan(String line, ParseContext context) {
        return firstMatch(SHAPES, line, context);
    }

    /**
     * The answers of the shapes that {@link #dispatched} does not try for {@code line} and that read it nonetheless:
     * none, unless a shape's first words are wrong. For the test that proves the dispatch sound.
     */
    static List<Command> readBySkippedShapes(String line, ParseContext context) {
        List<Shape> tried = candidates(line);
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
     * The line's first run of ASCII letters, in lower case: "Action:" gives "action", "re-open 5" gives "re". The
     * patterns ignore case in ASCII only, so a letter beyond it (or none) can begin only the free shapes.
     */
    static String firstWord(String line) {
        int end = 0;
        while (end < line.length() && end < LONGEST_FIRST_WORD && isAsciiLetter(line.charAt(end))) {
            end++;
        }
        return line.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static List<Shape> candidates(String line) {
        return SHAPES_BY_WORD.getOrDefault(firstWord(line), FREE_SHAPES);
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

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
