package io.boardclerk.bot.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.AriaRole;
import io.boardclerk.bot.playground.Playground.Posted;
import io.boardclerk.bot.support.RunningBot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * BoardClerk against the real Microsoft 365 Agents Playground from npm, as docs/playground.md's try-out runs it: the
 * bot in local mode on a free port, the Playground started by the test against its {@code /api/messages} (telemetry
 * off) and stopped after. Messages go through the Playground's own local APIs, and the bot's replies come back
 * through the Playground's connector (so every reply is a real call from BoardClerk's connector client to a Node
 * server, which drops HTTP/2 upgrade offers) and its web chat's stream. Once, its web chat is driven in Debian's
 * chromium. A screenshot of the chat goes to target/playground-chat.png.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlaygroundEndToEndTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final int WAIT = 20;

    @TempDir
    static Path dir;
    static RunningBot bot;
    static Playground playground;

    @BeforeAll
    static void start() throws Exception {
        // Local mode's own service URL hosts (loopback, any port): the Playground picks its connector's port.
        bot = RunningBot.start(dir, java.util.Map.of("BOARDCLERK_SERVICE_URL_HOSTS", ""));
        playground = Playground.start("http://127.0.0.1:" + bot.port() + "/api/messages");
    }

    @AfterAll
    static void stop() {
        if (playground != null) {
            playground.close();
        }
        if (bot != null) {
            bot.close();
        }
    }

    @Test
    @Order(1)
    void personalChatAnswersHelp() throws Exception {
        String chat = playground.personalChat();
        playground.install(chat);
        playground.say(chat, "help");

        Posted reply = playground.next(chat, WAIT);
        assertEquals("createMessage", reply.action());
        assertTrue(reply.text().contains("In this personal chat you can send your apologies"), reply.text());
        assertEquals("markdown", reply.message().path("textFormat").asText(), reply.message().toString());
    }

    @Test
    @Order(2)
    void groupChatAnswersOnlyWhenMentionedAndRecordsAMeeting() throws Exception {
        String chat = playground.groupChat();
        playground.install(chat);
        ObjectNode me = Playground.mention(playground.currentUserId(), playground.currentUserName());
        String at = "<at>" + playground.currentUserName() + "</at>";
        String botAt = "<at>" + playground.config().path("bot").path("name").asText() + "</at> ";

        playground.say(chat, "secretary " + at, me);
        List<Posted> unmentioned = playground.drain(2000);
        assertTrue(unmentioned.isEmpty(), "a group chat message that does not @mention the bot gets no answer: "
                + unmentioned);

        playground.say(chat, botAt + "secretary " + at, playground.mentionOfBot(), me);
        String appointed = playground.next(chat, WAIT).text();
        assertTrue(appointed.contains(playground.currentUserName() + " is now the secretary of this board"), appointed);
        assertTrue(appointed.contains("What should I call it?"), "the Playground's group chat has no topic: "
                + appointed);
        playground.say(chat, botAt + "board name Fenshire Audit Committee", playground.mentionOfBot());
        assertTrue(playground.next(chat, WAIT).text().contains("now called **Fenshire Audit Committee**"));

        playground.say(chat, botAt + "start meeting", playground.mentionOfBot());
        assertTrue(playground.next(chat, WAIT).text().contains("opened"));

        String member = playground.user(0).path("name").asText();
        playground.say(chat, botAt + "apologies " + member, playground.mentionOfBot());
        String apologies = playground.next(chat, WAIT).text();
        assertTrue(apologies.contains("Apologies recorded") && apologies.contains("**" + member + "**"), apologies);
        assertTrue(apologies.contains("`remove apology \u2039name\u203A`"), "a placeholder the Playground shows as "
                + "typed (it shows `<name>` in a code span as &lt;name&gt;): " + apologies);

        playground.say(chat, botAt + "Action: " + member + " to bring a report on Safer Streets to the next Board.",
                playground.mentionOfBot());
        assertTrue(playground.next(chat, WAIT).text().contains("Action **1.0** recorded"));

        playground.say(chat, botAt + "action log", playground.mentionOfBot());
        Posted log = playground.next(chat, WAIT);
        List<JsonNode> attachments = log.attachments();
        assertEquals(1, attachments.size(), log.message().toString());
        assertEquals("application/vnd.microsoft.card.adaptive", attachments.get(0).path("contentType").asText());
        assertTrue(attachments.get(0).path("content").toString().contains("Safer Streets"));
        assertTrue(attachments.get(0).path("content").toString().contains("Action log: Fenshire Audit Committee"));
    }

    @Test
    @Order(3)
    void meetingStartCustomActivityOpensTheMeeting() throws Exception {
        String chat = playground.groupChat();
        ObjectNode event = playground.customActivityTemplate(chat);
        event.put("type", "event").put("name", "application/vnd.microsoft.meetingStart");
        event.putObject("value").put("Id", "MCMeeting-playground-1").put("Title", "Fenshire Audit Committee")
                .put("MeetingType", "Scheduled").put("StartTime", Instant.parse("2026-11-23T10:00:00Z").toString());
        event.putObject("channelData").putObject("meeting").put("id", "MCMeeting-playground-1");
        playground.sendCustomActivity(event);

        String opened = playground.next(chat, WAIT).text();
        assertTrue(opened.contains("Fenshire Audit Committee") && opened.contains("opened"), opened);
    }

    @Test
    @Order(4)
    void webChatInChromium() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("The Playground's browser test needs Debian's chromium at " + CHROMIUM + ", and it is not "
                    + "installed: run `apt-get install -y chromium` (test.sh does this on a fresh machine).");
        }
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu",
                             "--disable-quic", "--no-first-run", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync")))) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
            // Only the Playground itself: its web chat's telemetry (or anything else off loopback) is refused.
            String origin = playground.url();
            page.route("**/*", route -> {
                if (route.request().url().startsWith(origin)
                        || route.request().url().startsWith(origin.replace("127.0.0.1", "localhost"))) {
                    route.resume();
                } else {
                    route.abort();
                }
            });
            page.navigate(origin);
            Locator personal = ui(page, "the conversation list's \"Personal Chat\"",
                    page.getByRole(AriaRole.TREEITEM, new Page.GetByRoleOptions().setName("Personal Chat")));
            personal.click();
            Locator box = ui(page, "the message box (role textbox)", page.getByRole(AriaRole.TEXTBOX).first());
            box.click();
            box.pressSequentially("my actions");
            box.press("Enter");
            // (The chat list's preview is not waited for: it shows whichever of the question and the answer the
            // Playground ordered last when both carry the same time.)
            ui(page, "BoardClerk's answer to \"my actions\" in the web chat", page.getByText(
                    "You have no open actions on any of your boards.", new Page.GetByTextOptions().setExact(true))
                    .first());
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "playground-chat.png")));

            // In the group chat, as docs/playground.md says: @mention the bot through the picker, then ask.
            ui(page, "the conversation list's \"Group Chat\"", page.getByRole(AriaRole.TREEITEM,
                    new Page.GetByRoleOptions().setName("Group Chat"))).click();
            box = ui(page, "the message box (role textbox)", page.getByRole(AriaRole.TEXTBOX).first());
            box.click();
            box.pressSequentially("@Test");
            ui(page, "the @mention picker offering \"Test Bot\"", page.getByText("Test Bot",
                    new Page.GetByTextOptions().setExact(true)).last()).click();
            box.pressSequentially(" help");
            box.press("Enter");
            Locator placeholder = page.getByText("remove apology \u2039name\u203A",
                    new Page.GetByTextOptions().setExact(true)).first();
            ui(page, "the help's code span `remove apology \u2039name\u203A`", placeholder);
            assertEquals("CODE", placeholder.evaluate("e => e.tagName"), "shown as a code span");
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "playground-group.png"))
                    .setFullPage(true));
            assertEquals(0, page.getByText("&lt;").count(), "no entity shows literally in the web chat");
        }
    }

    /** Waits for {@code locator}; when it never shows, fails saying which part of the Playground's page changed. */
    private static Locator ui(Page page, String what, Locator locator) {
        try {
            locator.waitFor(new Locator.WaitForOptions().setTimeout(WAIT * 1000));
            return locator;
        } catch (PlaywrightException e) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "playground-failed.png")));
            throw new AssertionError("The Agents Playground's web chat (" + Playground.PACKAGE + " "
                    + Playground.VERSION + ") does not show " + what + " within " + WAIT + " s: either BoardClerk "
                    + "did not answer or the Playground's page has changed (screenshot: target/playground-failed.png)",
                    e);
        }
    }
}
