package io.boardclerk.bot.panel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.RunningBot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.boardclerk.bot.panel.PanelBoard.CONVERSATION;
import static io.boardclerk.bot.panel.PanelBoard.TENANT;
import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The side panel in a real browser: Debian's chromium driven by Playwright, the panel in a 320 px iframe of a test page
 * that stands in for Teams by speaking the teams-js host protocol over postMessage, so the panel's production code runs
 * unchanged: {@code app.initialize}, {@code app.getContext}, the theme-change handler and {@code notifySuccess}. The
 * page's origin (another loopback port) is given to the server as BOARDCLERK_PANEL_TEST_HOST_ORIGIN (local mode only),
 * which lets it frame the panel and has the panel pass it to {@code app.initialize} as a valid message origin. What is
 * done in the panel is recorded and confirmed in the chat; what is recorded in the chat shows in the panel within two
 * seconds. Screenshots go to target/panel-light.png, target/panel-dark.png and target/panel-contrast.png.
 */
class SidePanelBrowserTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static RunningBot bot;
    static PanelBoard board;
    static Playwright playwright;
    static Browser browser;
    /** The page that stands in for Teams, on an origin of its own (another loopback port), as Teams' is. */
    static HttpServer teamsHost;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("The side panel's browser test needs Debian's chromium at " + CHROMIUM + ", and it is not installed: "
                    + "run `apt-get install -y chromium` (.ci/run does this on a fresh machine).");
        }
        teamsHost = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        teamsHost.start();
        bot = RunningBot.start(dir, Map.of("BOARDCLERK_PANEL_TEST_HOST_ORIGIN",
                "http://127.0.0.1:" + teamsHost.getAddress().getPort()));
        board = new PanelBoard(bot).open(null);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (bot != null) {
            bot.close();
        }
        if (teamsHost != null) {
            teamsHost.stop(0);
        }
    }

    /**
     * A page standing in for Teams, with the panel in a 320 px frame, signed in as {@code member}. It answers the
     * panel's teams-js the way a Teams host does: requests arrive as {@code {id, uuidAsString, func, args}} and are
     * answered with {@code {id, uuidAsString, args}}; {@code initialize} gets the frame context, the host client
     * type, the runtime (a JSON string) and the host's SDK version; {@code getContext} gets a Teams (v1) context, which
     * the SDK turns into the v2 shape the panel reads. {@code setTheme(theme)} sends the host's {@code themeChange}
     * event.
     * {@code hostCalls} lists every function the panel called, {@code registered} the events it registered for.
     */
    static Page host(Member member, String theme) {
        String panelOrigin = "http://127.0.0.1:" + bot.port();
        ObjectNode context = JSON.createObjectNode() // the Teams (v1) context of a meeting's side panel
                .put("locale", "en-gb").put("theme", theme).put("frameContext", "sidePanel")
                .put("hostClientType", "web").put("hostName", "Teams").put("entityId", "boardclerk-panel")
                .put("userObjectId", member.aadObjectId()).put("tid", TENANT).put("chatId", CONVERSATION)
                .put("meetingId", "MCM-bcb-1");
        ObjectNode runtime = JSON.createObjectNode().put("apiVersion", 4).put("isLegacyTeams", false);
        runtime.putObject("hostVersionsInfo").putObject("adaptiveCardSchemaVersion").put("majorVersion", 1)
                .put("minorVersion", 5);
        ObjectNode supports = runtime.putObject("supports");
        for (String capability : new String[]{"appEntity", "authentication", "meeting", "teamsCore"}) {
            supports.putObject(capability);
        }
        supports.putObject("pages").putObject("tabs");
        String html = "<!doctype html><html><head><title>Teams (test host)</title><script>"
                + "const panelOrigin = " + JSON.valueToTree(panelOrigin) + ";"
                + "const context = " + context + ";"
                + "const runtime = " + JSON.valueToTree(runtime.toString()) + ";"
                + "window.hostCalls = []; window.registered = [];"
                + "const panel = () => document.getElementById('panel').contentWindow;"
                + "const reply = (e, args) => e.source.postMessage("
                + "{ id: e.data.id, uuidAsString: e.data.uuidAsString, args }, e.origin);"
                + "window.addEventListener('message', (e) => {"
                + "  if (e.origin !== panelOrigin || e.source !== panel() || !e.data"
                + "    || typeof e.data.func !== 'string') return;"
                + "  hostCalls.push(e.data.func);"
                + "  if (e.data.func === 'initialize') reply(e, ['sidePanel', 'web', runtime, '2.58.0']);"
                + "  else if (e.data.func === 'getContext') reply(e, [context]);"
                + "  else if (e.data.func === 'registerHandler') registered.push(e.data.args[0]);"
                + "});"
                + "window.setTheme = (theme) => panel().postMessage({ func: 'themeChange', args: [theme] },"
                + "  panelOrigin);"
                + "</script></head><body style=\"margin:0;background:#888\">"
                + "<iframe id=\"panel\" title=\"BoardClerk\" src=\"" + panelOrigin + "/panel\" "
                + "style=\"width:320px;height:1480px;border:0;display:block\"></iframe></body></html>";
        String path = "/meeting-" + member.aadObjectId() + "-" + theme;
        teamsHost.createContext(path, exchange -> {
            byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(340, 1500));
        page.onPageError(e -> System.out.println("Page error in the test host: " + e));
        page.navigate("http://127.0.0.1:" + teamsHost.getAddress().getPort() + path);
        return page;
    }

    static LocatorAssertions.ContainsTextOptions within(double ms) {
        return new LocatorAssertions.ContainsTextOptions().setTimeout(ms);
    }

    static FakeConnector.Sent lastInChat() {
        List<FakeConnector.Sent> sent = bot.connector.sentTo(CONVERSATION);
        return sent.get(sent.size() - 1);
    }

    @Test
    void aMemberDeclaresAndUpdatesInThePanelAndSeesTheChatLive() throws Exception {
        Page page = host(JON, "default");
        FrameLocator panel = page.frameLocator("#panel");
        assertThat(panel.locator("#raised")).containsText("Report on fleet costs", within(10_000));
        assertThat(panel.locator("html")).hasAttribute("data-theme", "light");
        assertEquals(List.of("initialize", "getContext", "registerHandler", "appInitialization.success"),
                page.evaluate("hostCalls.slice(0, 4)"), "the panel's teams-js calls, in order");
        assertEquals(List.of("themeChange"), page.evaluate("registered"));
        assertThat(panel.locator("#post-log")).isHidden();
        assertThat(panel.getByRole(AriaRole.HEADING, new FrameLocator.GetByRoleOptions().setName("Actions due at this meeting")))
                .isVisible();

        // Declare an interest, by label, as a screen reader user would find the fields.
        int before = bot.connector.sentTo(CONVERSATION).size();
        panel.getByLabel("Agenda item").fill("8");
        panel.getByLabel("Kind of interest").selectOption("pecuniary");
        panel.getByLabel("Nature of the interest").fill("I hold shares in Fenland Fleet Ltd");
        panel.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Declare")).click();
        assertThat(panel.locator("#result")).containsText("pecuniary interest in item 8", within(5_000));
        assertThat(panel.locator("#declarations")).containsText("Jon Leigh: pecuniary interest in item 8",
                within(3_000));
        assertEquals(before + 1, bot.connector.sentTo(CONVERSATION).size());
        String declared = lastInChat().text();
        assertTrue(declared.startsWith("**Jon Leigh** in the side panel: `declare pecuniary item 8: I hold shares in "
                + "Fenland Fleet Ltd`"), declared);
        assertTrue(declared.contains("pecuniary interest in item 8"), declared);

        // Post an update to his own action, from the keyboard.
        panel.getByLabel("Action", new FrameLocator.GetByLabelOptions().setExact(true)).selectOption("1");
        Locator update = panel.getByLabel("Update", new FrameLocator.GetByLabelOptions().setExact(true));
        update.fill("Fleet costs collated; report in draft");
        update.press("Tab");
        page.keyboard().press("Enter");
        assertThat(panel.locator("#raised")).containsText("Fleet costs collated; report in draft", within(5_000));
        String updated = lastInChat().text();
        assertTrue(updated.startsWith("**Jon Leigh** in the side panel: `update 1 Fleet costs collated"), updated);
        assertTrue(bot.connector.sentTo(CONVERSATION).size() >= before + 2);

        // The secretary records in the chat; the panel shows it within two seconds.
        board.say(null, SECRETARY, "Apologies were received from Jane Gifford, Deputy Chief Constable");
        long asked = System.nanoTime();
        assertThat(panel.locator("#apologies")).containsText("Jane Gifford, Deputy Chief Constable", within(2_500));
        long ms = (System.nanoTime() - asked) / 1_000_000;
        assertTrue(ms <= 2_500, "shown after " + ms + " ms");
        assertThat(panel.locator("#announce")).containsText("apologies 1", within(2_000));

        panel.locator("body").evaluate("b => window.scrollTo(0, 0)");
        page.locator("#panel").screenshot(new Locator.ScreenshotOptions().setPath(Paths.get("target/panel-light.png")));
        page.evaluate("setTheme('dark')");
        assertThat(panel.locator("html")).hasAttribute("data-theme", "dark");
        page.locator("#panel").screenshot(new Locator.ScreenshotOptions().setPath(Paths.get("target/panel-dark.png")));
        page.evaluate("setTheme('contrast')");
        assertThat(panel.locator("html")).hasAttribute("data-theme", "contrast");
        page.locator("#panel").screenshot(new Locator.ScreenshotOptions()
                .setPath(Paths.get("target/panel-contrast.png")));
        page.close();
    }

    @Test
    void theSecretaryRecordsAnythingFromTheTextBoxAndTheLayoutFits320Pixels() throws Exception {
        Page page = host(SECRETARY, "dark");
        FrameLocator panel = page.frameLocator("#panel");
        assertThat(panel.locator("html")).hasAttribute("data-theme", "dark");
        assertThat(panel.locator("#raised")).containsText("Report on fleet costs", within(10_000));
        panel.getByLabel("Minutes or a command").fill("Action: Constabulary to report on custody to the next Board.");
        panel.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Record")).click();
        assertThat(panel.locator("#raised")).containsText("Constabulary to report on custody", within(5_000));
        assertTrue(lastInChat().text().startsWith("**Claire Dunmore** in the side panel: `Action: Constabulary"),
                lastInChat().text());

        // Posting the action log as herself: Graph is off in local mode, and the panel says so, as text.
        int before = bot.connector.sentTo(CONVERSATION).size();
        panel.getByRole(AriaRole.BUTTON, new FrameLocator.GetByRoleOptions().setName("Post the action log as me"))
                .click();
        assertThat(panel.locator("#result")).containsText("Microsoft Graph is off here (local mode", within(5_000));
        assertThat(panel.locator("#result")).containsText("Say \"post action log\" in the chat");
        assertEquals(before, bot.connector.sentTo(CONVERSATION).size(), "the bot did not post it instead");
        Object overflow = panel.locator("body").evaluate("b => b.scrollWidth > b.clientWidth");
        assertEquals(Boolean.FALSE, overflow, "nothing runs off the side panel's 320 px");
        page.close();
    }
}
