package io.boardclerk.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the package holds and how its ids and host are chosen. */
class TeamsAppPackageTest {

    private static final String APP = "1b4c2f6e-9a3d-4e1f-8c7b-2d5e6f7a8b9c";
    private static final String BOT = "7e8f9a0b-1c2d-4e3f-9a4b-5c6d7e8f9a0b";
    private static final String ZERO = TeamsAppPackage.LOCAL_APP_ID;

    @TempDir
    Path dir;

    @Test
    void theZipHoldsTheManifestAndBothIconsAtItsRoot() throws Exception {
        assertEquals(List.of("manifest.json", "color.png", "outline.png"),
                new ArrayList<>(Packages.entries(Packages.builtPackage()).keySet()));
    }

    @Test
    void theBuildsOwnPackageTakesTheSettingsItWasGiven() throws Exception {
        // Maven hands its -D options to the tests too; on a fresh clone with nothing set these are the local defaults.
        Map<String, String> options = new HashMap<>();
        for (String name : List.of("appId", "botId", "host")) {
            options.put(name, System.getProperty("boardclerk." + name, ""));
        }
        options.put("version", System.getProperty("boardclerk.appVersion", "0.1.0"));
        TeamsAppPackage.Settings expected = TeamsAppPackage.Settings.resolve(options, System::getenv);
        JsonNode m = Packages.manifest(Packages.builtPackage());
        assertEquals(expected.appId(), m.get("id").asText());
        assertEquals(expected.botId(), m.at("/bots/0/botId").asText());
        assertEquals(List.of(expected.host()), strings(m.get("validDomains")));
        assertEquals(expected.version(), m.get("version").asText());
    }

    @Test
    void realIdsAndHostFillEveryPlace() throws Exception {
        JsonNode m = build(Map.of("appId", APP, "botId", BOT, "host", "BoardClerk.Example.org"), Map.of());
        assertEquals(APP, m.get("id").asText());
        assertEquals(BOT, m.at("/bots/0/botId").asText());
        assertEquals(APP, m.at("/webApplicationInfo/id").asText());
        assertEquals("api://boardclerk.example.org/" + APP, m.at("/webApplicationInfo/resource").asText());
        assertEquals("https://boardclerk.example.org/panel/config",
                m.at("/configurableTabs/0/configurationUrl").asText());
        assertEquals(List.of("boardclerk.example.org"), strings(m.get("validDomains")));
        assertEquals("https://boardclerk.example.org/privacy", m.at("/developer/privacyUrl").asText());
    }

    @Test
    void theManifestDeclaresTheBotTabSsoAndPermissions() throws Exception {
        JsonNode m = Packages.manifest(Packages.builtPackage());
        assertEquals("https://developer.microsoft.com/en-us/json-schemas/teams/v1.30/MicrosoftTeams.schema.json",
                m.get("$schema").asText());
        assertEquals("1.30", m.get("manifestVersion").asText());
        JsonNode bot = m.at("/bots/0");
        assertEquals(List.of("personal", "team", "groupChat"), strings(bot.get("scopes")));
        assertFalse(bot.get("supportsFiles").asBoolean(true));
        Set<String> listed = new TreeSet<>();
        for (JsonNode list : bot.get("commandLists")) {
            assertEquals(1, list.get("scopes").size(), "one command list per scope");
            listed.add(list.get("scopes").get(0).asText());
            assertTrue(list.get("commands").size() <= 10);
        }
        assertEquals(Set.of("personal", "team", "groupChat"), listed);

        JsonNode tab = m.at("/configurableTabs/0");
        assertEquals(List.of("meetingSidePanel", "meetingChatTab", "meetingDetailsTab"), strings(tab.get("context")));
        assertEquals(List.of("groupChat", "team"), strings(tab.get("scopes")));

        Map<String, String> permissions = new HashMap<>();
        for (JsonNode p : m.at("/authorization/permissions/resourceSpecific")) {
            permissions.put(p.get("name").asText(), p.get("type").asText());
        }
        assertEquals(Map.of("ChannelMessage.Read.Group", "Application", "ChatMessage.Read.Chat", "Application",
                "ChannelMessage.Send.Group", "Application", "ChatMessage.Send.Chat", "Application",
                "OnlineMeeting.ReadBasic.Chat", "Application", "OnlineMeetingArtifact.Read.Chat", "Application",
                "TeamMember.Read.Group", "Application", "ChatSettings.Read.Chat", "Application",
                "TeamSettings.Read.Group", "Application", "ChannelSettings.Read.Group", "Application"),
                permissions);
        assertEquals("#1F3A5F", m.get("accentColor").asText());
        assertEquals(String.format("#%06X", Icons.ACCENT.getRGB() & 0xFFFFFF), m.get("accentColor").asText());
    }

    @Test
    void everyCommandIsOneTheUserGuideDocuments() throws Exception {
        String guide = Files.readString(Packages.userGuide());
        JsonNode m = Packages.manifest(Packages.builtPackage());
        for (JsonNode list : m.at("/bots/0/commandLists")) {
            for (JsonNode command : list.get("commands")) {
                String title = command.get("title").asText();
                assertTrue(guide.contains("`" + title + "`") || guide.contains("`" + title + " "),
                        "the command " + title + " is not in the user guide (docs/user-guide.md)");
            }
        }
    }

    @Test
    void optionsBeatTheEnvironmentWhichBeatsTheDefaults() {
        Map<String, String> env = Map.of("MicrosoftAppId", APP, "BOARDCLERK_PUBLIC_HOST", "env.example.org");
        TeamsAppPackage.Settings fromEnv = TeamsAppPackage.Settings.resolve(Map.of("appId", "", "host", ""), env::get);
        assertEquals(APP, fromEnv.appId());
        assertEquals(APP, fromEnv.botId(), "the bot id defaults to the app id");
        assertEquals("env.example.org", fromEnv.host());
        assertFalse(fromEnv.local());

        TeamsAppPackage.Settings fromOptions = TeamsAppPackage.Settings.resolve(
                Map.of("appId", BOT, "botId", APP, "host", "cli.example.org"), env::get);
        assertEquals(BOT, fromOptions.appId());
        assertEquals(APP, fromOptions.botId());
        assertEquals("cli.example.org", fromOptions.host());

        TeamsAppPackage.Settings defaults = TeamsAppPackage.Settings.resolve(Map.of(), name -> null);
        assertEquals(ZERO, defaults.appId());
        assertEquals("localhost", defaults.host());
        assertEquals("1.0.0", defaults.version());
        assertTrue(defaults.local());
    }

    @Test
    void aSnapshotVersionLosesItsQualifier() {
        assertEquals("0.1.0", TeamsAppPackage.Settings.resolve(Map.of("version", "0.1.0-SNAPSHOT"), n -> null)
                .version());
    }

    @Test
    void badValuesAreRefusedNamingTheSetting() {
        assertRefused(Map.of("appId", "boardclerk"), "appId");
        assertRefused(Map.of("botId", "12345"), "botId");
        assertRefused(Map.of("host", "https://boardclerk.example.org"), "host");
        assertRefused(Map.of("host", "boardclerk.example.org:443"), "host");
        assertRefused(Map.of("host", "boardclerk.example.org/x"), "host");
        assertRefused(Map.of("version", "1.0"), "version");
        assertRefused(Map.of("privacyUrl", "http://example.org/privacy"), "privacyUrl");
    }

    @Test
    void valuesAreEscapedAsJsonAndEveryPlaceholderIsFilled() throws Exception {
        JsonNode m = build(Map.of("developerName", "Board \"A\" \\ B"), Map.of());
        assertEquals("Board \"A\" \\ B", m.at("/developer/name").asText());
        assertFalse(Files.readString(dir.resolve("out/manifest.json")).contains("{{"));
        TeamsAppPackage.Settings settings = TeamsAppPackage.Settings.resolve(Map.of(), n -> null);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> TeamsAppPackage.render("{\"x\": \"{{tenant}}\"}", settings));
        assertTrue(unknown.getMessage().contains("{{tenant}}"));
    }

    @Test
    void theSameInputsGiveTheSameZip() throws Exception {
        TeamsAppPackage.Settings settings = TeamsAppPackage.Settings.resolve(Map.of("appId", APP), n -> null);
        TeamsAppPackage.build(Packages.template(), dir.resolve("a"), dir.resolve("a.zip"), settings);
        TeamsAppPackage.build(Packages.template(), dir.resolve("b"), dir.resolve("b.zip"), settings);
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.zip")), Files.readAllBytes(dir.resolve("b.zip")));
    }

    private JsonNode build(Map<String, String> options, Map<String, String> env) throws Exception {
        TeamsAppPackage.Settings settings = TeamsAppPackage.Settings.resolve(options, env::get);
        Path zip = dir.resolve("package.zip");
        TeamsAppPackage.build(Packages.template(), dir.resolve("out"), zip, settings);
        return Packages.manifest(zip);
    }

    private static void assertRefused(Map<String, String> options, String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TeamsAppPackage.Settings.resolve(options, n -> null));
        assertTrue(e.getMessage().startsWith(name), e.getMessage());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
