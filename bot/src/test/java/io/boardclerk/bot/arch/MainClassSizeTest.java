package io.boardclerk.bot.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No main source file in any module is over {@value #MOST_LINES} lines: a class that long has more than one job. The
 * files that were longer when the rule came in are listed with the length they had; each may shrink but not grow,
 * and leaves the list once it is under the limit (the test says so), so the list only gets shorter.
 */
class MainClassSizeTest {

    static final int MOST_LINES = 400;

    /** Longer than the rule when it came in: the file (from the project's root) and its length then. */
    static final Map<String, Integer> OLDER_THAN_THE_RULE = Map.of(
            "storage/src/main/java/io/boardclerk/storage/SqliteLedger.java", 1022);

    @Test
    void noMainClassIsLongerThanTheLimit() throws IOException {
        Path root = projectRoot();
        Map<String, Long> lengths = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> root.relativize(p).toString().replace('\\', '/').matches("[^/]+/src/main/java/.*"))
                    ::iterator) {
                try (Stream<String> lines = Files.lines(file)) {
                    lengths.put(root.relativize(file).toString().replace('\\', '/'), lines.count());
                }
            }
        }
        assertTrue(lengths.keySet().stream().anyMatch(f -> f.startsWith("core/")), "the modules' sources are read");
        assertTrue(lengths.keySet().stream().anyMatch(f -> f.startsWith("bot/")), "the modules' sources are read");
        List<String> problems = new ArrayList<>();
        lengths.forEach((file, length) -> {
            Integer allowed = OLDER_THAN_THE_RULE.get(file);
            if (allowed == null && length > MOST_LINES) {
                problems.add(file + " has " + length + " lines (at most " + MOST_LINES + ")");
            } else if (allowed != null && length > allowed) {
                problems.add(file + " grew to " + length + " lines (it had " + allowed + "; split it instead)");
            } else if (allowed != null && length <= MOST_LINES) {
                problems.add(file + " is within the limit now: take it off OLDER_THAN_THE_RULE");
            }
        });
        OLDER_THAN_THE_RULE.keySet().stream().filter(f -> !lengths.containsKey(f))
                .forEach(f -> problems.add(f + " is gone: take it off OLDER_THAN_THE_RULE"));
        assertEquals(List.of(), problems);
    }

    /** The directory with the project's pom.xml and its modules (the tests run in the bot module's directory). */
    private static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("core/src/main/java")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no project root above " + here);
    }
}
