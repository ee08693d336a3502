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
 * that stands in for Teams (it hands the panel a Teams context; the server allows that only with
 * BOARDCLERK_PANEL_TEST_HOST, in local mode). What is done in the panel is recorded and confirmed in the chat; what is
 * recorded in the chat shows in the panel within two seconds. Screenshots go to target/panel-light.png,
 * target/panel-dark.png and target/panel-contrast.png.
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
        bot = RunningBot.start(dir, Map.of("BOARDCLERK_PANEL_TEST_HOST", "true"));
        teamsHost = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        teamsHost.start();
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

    /** A page standing in for Teams, with the panel in a 320 px frame, signed in as {@code member}. */
    static Page host(Member member, String theme) {
        ObjectNode context = JSON.createObjectNode();
        context.putObject("app").put("theme", theme);
        context.putObject("chat").put("id", CONVERSATION);
        context.putObject("meeting").put("id", "MCM-bcb-1");
        context.putObject("user").put("id", member.aadObjectId()).putObject("tenant").put("id", TENANT);
        String html = "<!doctype html><html><head><title>Teams (test host)</title></head>"
                + "<body style=\"margin:0;background:#888\">"
                + "<iframe id=\"panel\" title=\"BoardClerk\" src=\"http://127.0.0.1:" + bot.port() + "/panel\" "
                + "style=\"width:320px;height:1480px;border:0;display:block\"></iframe><script>"
                + "const context = " + context + ";"
                + "window.addEventListener('message', (e) => { if (e.data && e.data.type === 'boardclerk-test-ready') "
                + "e.source.postMessage({ type: 'boardclerk-test-context', context }, '*'); });"
                + "window.setTheme = (theme) => document.getElementById('panel').contentWindow.postMessage("
                + "{ type: 'boardclerk-test-theme', theme }, '*');"
                + "</script></body></html>";
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
        Object overflow = panel.locator("body").evaluate("b => b.scrollWidth > b.clientWidth");
        assertEquals(Boolean.FALSE, overflow, "nothing runs off the side panel's 320 px");
        page.close();
    }
}
