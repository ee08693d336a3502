package io.boardclerk.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build's schema check: the manifest it generated passes the official v1.30 schema, and each kind of broken copy
 * fails it with the JSON pointer of the fault, so a malformed manifest cannot get through the build. The broken
 * copies go to the validator in one run (compiling the schema takes most of a second).
 */
class ManifestSchemaValidationTest {

    /** A broken copy of the generated manifest, and what the validator must say about it. */
    private record Breakage(Consumer<JsonNode> breakIt, String expected) {
    }

    private static final Map<String, Breakage> BREAKAGES = new LinkedHashMap<>();

    static {
        BREAKAGES.put("a bot id that is no GUID", new Breakage(
                m -> ((ObjectNode) m.get("bots").get(0)).put("botId", "boardclerk"), "/bots/0/botId"));
        BREAKAGES.put("a property the schema does not know", new Breakage(
                m -> ((ObjectNode) m).put("colour", "#1F3A5F"), "\"additionalProperty\":\"colour\""));
        BREAKAGES.put("a missing required property", new Breakage(
                m -> ((ObjectNode) m).remove("developer"), "\"missingProperty\":\"developer\""));
        BREAKAGES.put("an older manifest version", new Breakage(
                m -> ((ObjectNode) m).put("manifestVersion", "1.29"), "/manifestVersion"));
        BREAKAGES.put("a short description over 80 characters", new Breakage(
                m -> ((ObjectNode) m.get("description")).put("short", "x".repeat(81)), "/description/short"));
        BREAKAGES.put("an unknown bot scope", new Breakage(
                m -> ((ArrayNode) m.get("bots").get(0).get("scopes")).add("meeting"), "/bots/0/scopes"));
        BREAKAGES.put("an unknown tab context", new Breakage(
                m -> ((ArrayNode) m.get("configurableTabs").get(0).get("context")).add("meetingPanel"),
                "/configurableTabs/0/context"));
        BREAKAGES.put("a wrong permission type", new Breakage(
                m -> ((ObjectNode) m.at("/authorization/permissions/resourceSpecific/0")).put("type", "App"),
                "/authorization/permissions/resourceSpecific/0/type"));
        BREAKAGES.put("an accent colour that is no hex colour", new Breakage(
                m -> ((ObjectNode) m).put("accentColor", "navy"), "/accentColor"));
        BREAKAGES.put("more than ten commands in a list", new Breakage(m -> {
            ArrayNode commands = (ArrayNode) m.at("/bots/0/commandLists/1/commands");
            commands.add(((ObjectNode) commands.get(0).deepCopy()).put("title", "history"));
        }, "/bots/0/commandLists/1/commands has 11 commands"));
        BREAKAGES.put("a command description over 128 characters", new Breakage(
                m -> ((ObjectNode) m.at("/bots/0/commandLists/0/commands/0")).put("description", "x".repeat(129)),
                "/bots/0/commandLists/0/commands/0/description"));
        BREAKAGES.put("a missing icon file", new Breakage(
                m -> ((ObjectNode) m.get("icons")).put("outline", "missing.png"), "/icons/outline"));
        BREAKAGES.put("a schema that is not bundled", new Breakage(
                m -> ((ObjectNode) m).put("$schema", "https://example.org/MicrosoftTeams.schema.json"),
                "is not one of the Teams schemas bundled"));
    }

    @TempDir
    static Path shared;

    private static final Map<String, Path> broken = new LinkedHashMap<>();
    private static Packages.Result brokenRun;

    @TempDir
    Path dir;

    @BeforeAll
    static void validateEveryBrokenCopyInOneRun() throws Exception {
        List<Path> files = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Breakage> breakage : BREAKAGES.entrySet()) {
            Path manifest = Packages.unzip(Packages.builtPackage(), Files.createDirectory(shared.resolve("b" + i++)));
            JsonNode tree = Packages.JSON.readTree(manifest.toFile());
            breakage.getValue().breakIt().accept(tree);
            Packages.JSON.writeValue(manifest.toFile(), tree);
            broken.put(breakage.getKey(), manifest);
            files.add(manifest);
        }
        brokenRun = Packages.validate(files.toArray(Path[]::new));
    }

    @Test
    void theGeneratedManifestIsValid() throws Exception {
        Packages.Result result = Packages.validate(Packages.unzip(Packages.builtPackage(), dir));
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("teams/v1.30/MicrosoftTeams.schema.json"), result.output());
    }

    @Test
    void aPackageBuiltWithRealIdsIsValid() throws Exception {
        TeamsAppPackage.Settings settings = TeamsAppPackage.Settings.resolve(Map.of(
                "appId", "1b4c2f6e-9a3d-4e1f-8c7b-2d5e6f7a8b9c",
                "botId", "7e8f9a0b-1c2d-4e3f-9a4b-5c6d7e8f9a0b",
                "host", "boardclerk.example.org",
                "version", "2.3.4",
                "developerName", "Example \"Police\" Board"), name -> null);
        Path zip = dir.resolve("real.zip");
        TeamsAppPackage.build(Packages.template(), dir.resolve("out"), zip, settings);
        Path unzipped = Files.createDirectory(dir.resolve("unzipped"));
        Packages.Result result = Packages.validate(Packages.unzip(zip, unzipped));
        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void oneBrokenManifestFailsTheRun() throws Exception {
        Path manifest = Packages.unzip(Packages.builtPackage(), dir);
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\\{", ""));
        Packages.Result result = Packages.validate(manifest);
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("is not JSON"), result.output());
    }

    @TestFactory
    Stream<DynamicTest> eachBrokenCopyIsRefused() {
        assertEquals(1, brokenRun.exitCode(), brokenRun.output());
        return broken.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            String path = entry.getValue().toString();
            String expected = BREAKAGES.get(entry.getKey()).expected();
            assertFalse(brokenRun.output().contains(path + " is a valid"), brokenRun.output());
            String report = reportOn(path, brokenRun.output());
            assertTrue(report.contains(expected), "expected \"" + expected + "\" in:\n" + report);
        }));
    }

    /** The validator's lines about one file: the line that names it and the indented problems under it. */
    private static String reportOn(String path, String output) {
        List<String> lines = output.lines().toList();
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(path + " ") || lines.get(i).startsWith(path + ":")) {
                report.append(lines.get(i)).append('\n');
                for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("  "); j++) {
                    report.append(lines.get(j)).append('\n');
                }
            }
        }
        assertFalse(report.isEmpty(), "the validator said nothing about " + path + ":\n" + output);
        return report.toString();
    }
}
