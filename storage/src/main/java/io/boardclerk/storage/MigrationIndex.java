package io.boardclerk.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The list of the schema migrations shipped, {@code db/migration/index.txt}, one script name a line, written by the
 * build ({@link #main}, in the storage module's process-classes phase) from the scripts in {@code db/migration}. It
 * lets a start see whether the database already has every migration without Flyway scanning the whole class path
 * (the jar holds some 80,000 entries) for them.
 */
public final class MigrationIndex {

    static final String LOCATION = "db/migration/";
    static final String INDEX = LOCATION + "index.txt";

    private MigrationIndex() {
    }

    /** Writes the index of the migration scripts in the directory {@code args[0]} into that directory. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<String> scripts;
        try (Stream<Path> files = Files.list(dir)) {
            scripts = files.map(p -> p.getFileName().toString()).filter(MigrationIndex::isMigration)
                    .sorted(MigrationIndex::byVersion).toList();
        }
        Files.writeString(dir.resolve("index.txt"), String.join("\n", scripts) + "\n", StandardCharsets.UTF_8);
    }

    /** In the order Flyway applies them: V2 before V10 (by version, not by name), repeatable scripts last. */
    static int byVersion(String a, String b) {
        if (a.charAt(0) != b.charAt(0)) {
            return a.charAt(0) == 'V' ? -1 : 1;
        }
        String[] x = a.substring(1, a.indexOf("__")).split("[._]");
        String[] y = b.substring(1, b.indexOf("__")).split("[._]");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return x.length != y.length ? Integer.compare(x.length, y.length) : a.compareTo(b);
    }

    static boolean isMigration(String name) {
        return (name.startsWith("V") || name.startsWith("R")) && name.contains("__") && name.endsWith(".sql");
    }

    /** The scripts shipped, as the build listed them; empty when there is no index (then Flyway decides alone). */
    static List<String> shipped(ClassLoader loader) {
        List<String> scripts = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            if (in == null) {
                return List.of();
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (isMigration(line.strip())) {
                    scripts.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scripts;
    }
}
