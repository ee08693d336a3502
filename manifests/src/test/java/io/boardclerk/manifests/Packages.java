package io.boardclerk.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** What the tests share: the package the build made, its entries, and the build's node validator. */
final class Packages {

    static final ObjectMapper JSON = new ObjectMapper();

    private Packages() {
    }

    /** The zip the build wrote (process-classes runs before the tests). */
    static Path builtPackage() {
        return Path.of(property("boardclerk.teamsApp"));
    }

    static Path template() {
        return Path.of(property("boardclerk.template"));
    }

    /** The entries of a package zip, by name, in their order. */
    static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    static JsonNode manifest(Path zip) throws IOException {
        return JSON.readTree(entries(zip).get(TeamsAppPackage.MANIFEST));
    }

    /** The project's user guide (docs/user-guide.md), whose tables give the grammar. */
    static Path userGuide() {
        return Path.of(property("boardclerk.userGuide"));
    }

    /** Writes a package's files into {@code dir}, as Teams sees them after unzipping. */
    static Path unzip(Path zip, Path dir) throws IOException {
        for (Map.Entry<String, byte[]> entry : entries(zip).entrySet()) {
            Files.write(dir.resolve(entry.getKey()), entry.getValue());
        }
        return dir.resolve(TeamsAppPackage.MANIFEST);
    }

    record Result(int exitCode, String output) {
    }

    /** Runs the build's validator, {@code node validate-manifest.js manifest...}, from target/node. */
    static Result validate(Path... manifests) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", property("boardclerk.validator")));
        for (Path manifest : manifests) {
            command.add(manifest.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the validator did not finish in 60 s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set; run the tests through Maven");
        }
        return value;
    }
}
