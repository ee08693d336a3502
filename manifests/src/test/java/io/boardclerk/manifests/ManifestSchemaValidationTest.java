package io.boardclerk.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build's schema check: the manifest it generated passes the official v1.30 schema, and each kind of broken copy
 * fails it with the JSON pointer of the fault, so a malformed manifest cannot get through the build.
 */
class ManifestSchemaValidationTest {

    @TempDir
    Path dir;

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
    void aBotIdThatIsNoGuidFails() throws Exception {
        assertBroken(m -> ((ObjectNode) m.get("bots").get(0)).put("botId", "boardclerk"), "/bots/0/botId");
    }

    @Test
    void aPropertyTheSchemaDoesNotKnowFails() throws Exception {
        assertBroken(m -> ((ObjectNode) m).put("colour", "#1F3A5F"), "colour");
    }

    @Test
    void aMissingRequiredPropertyFails() throws Exception {
        assertBroken(m -> ((ObjectNode) m).remove("developer"), "developer");
    }

    @Test
    void anOlderManifestVersionFails() throws Exception {
        assertBroken(m -> ((ObjectNode) m).put("manifestVersion", "1.29"), "/manifestVersion");
    }

    @Test
    void aShortDescriptionOver80CharactersFails() throws Exception {
        assertBroken(m -> ((ObjectNode) m.get("description")).put("short", "x".repeat(81)), "/description/short");
    }

    @Test
    void anUnknownBotScopeFails() throws Exception {
        assertBroken(m -> ((ArrayNode) m.get("bots").get(0).get("scopes")).add("meeting"), "/bots/0/scopes");
    }

    @Test
    void anUnknownTabContextFails() throws Exception {
        assertBroken(m -> ((ArrayNode) m.get("configurableTabs").get(0).get("context")).add("meetingPanel"),
                "/configurableTabs/0/context");
    }

    @Test
    void aWrongPermissionTypeFails() throws Exception {
        assertBroken(m -> ((ObjectNode) m.at("/authorization/permissions/resourceSpecific/0")).put("type", "App"),
                "/authorization/permissions/resourceSpecific/0/type");
    }

    @Test
    void moreThanTenCommandsInAListFails() throws Exception {
        assertBroken(m -> {
            ArrayNode commands = (ArrayNode) m.at("/bots/0/commandLists/1/commands");
            commands.add(((ObjectNode) commands.get(0).deepCopy()).put("title", "history"));
        }, "/bots/0/commandLists/1/commands has 11 commands");
    }

    @Test
    void aMissingIconFileFails() throws Exception {
        assertBroken(m -> ((ObjectNode) m.get("icons")).put("outline", "missing.png"), "/icons/outline");
    }

    @Test
    void textThatIsNotJsonFails() throws Exception {
        Path manifest = Packages.unzip(Packages.builtPackage(), dir);
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\\{", ""));
        Packages.Result result = Packages.validate(manifest);
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("is not JSON"), result.output());
    }

    /** Breaks a copy of the generated manifest (icons beside it) and expects the validator to refuse it. */
    private void assertBroken(Consumer<JsonNode> breakIt, String expected) throws Exception {
        Path manifest = Packages.unzip(Packages.builtPackage(), dir);
        JsonNode tree = Packages.JSON.readTree(manifest.toFile());
        breakIt.accept(tree);
        Packages.JSON.writeValue(manifest.toFile(), tree);
        Packages.Result result = Packages.validate(manifest);
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("does not validate"), result.output());
        assertTrue(result.output().contains(expected), result.output());
    }
}
