package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static io.boardclerk.bot.support.People.CHAIR;
import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.NINA;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The user's own words come back escaped: a typed Markdown link is shown as text, never as a live link, and a typed
 * {@code <at>} mentions nobody. Every reply to each command is checked as Teams receives it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutputEscapingTest {

    static final String BAIT = "[click here](https://evil.example/x) <at>Helen Marsh</at> ![i](https://evil.example/i)";
    /** A Markdown link or image whose opening bracket is not escaped. */
    static final Pattern LIVE_LINK = Pattern.compile("(?<!\\\\)\\[[^\\]]*(?<!\\\\)\\]\\(");

    @TempDir
    static Path dir;
    RunningBot bot;
    TeamsChat chat;

    @BeforeAll
    void start() throws Exception {
        bot = RunningBot.local(dir);
        chat = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:escaping@thread.v2", "tenant-cambs", "Escaping");
        bot.connector.roster(chat.conversationId(), SECRETARY, CHAIR, JON, NINA);
        say(SECRETARY, "secretary @Claire Dunmore", SECRETARY);
        say(SECRETARY, "start meeting 20/11/2026");
        say(SECRETARY, "action Bring the estates report owner: Jon Leigh due: 26/01/2027 item: 7");
    }

    @AfterAll
    void stop() {
        bot.close();
    }

    List<FakeConnector.Sent> say(Member from, String text, Member... mentioned) throws Exception {
        int before = bot.connector.sentTo(chat.conversationId()).size();
        assertEquals(202, bot.client.post(chat.message(from, text, mentioned)).statusCode());
        List<FakeConnector.Sent> sent = bot.connector.awaitSent(chat.conversationId(), before + 1,
                Duration.ofSeconds(5));
        Thread.sleep(100);
        sent = bot.connector.sentTo(chat.conversationId());
        return sent.subList(before, sent.size());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"%s", "board name %s", "role Jon Leigh, %s", "update 1 %s", "marking %s",
            "apologies %s", "my apologies %s", "action %s owner: Jon Leigh due: 26/01/2027",
            "action Check %s owner: %s due: 27/01/2027", "secretary %s", "next meeting %s", "undo",
            "Nina Hart declared a personal interest in item 7 as %s", "close 1 %s", "action log"})
    void typedLinksAreShownAsTextAndTypedMentionsMentionNobody(String command) throws Exception {
        List<FakeConnector.Sent> replies = say(command.startsWith("my ") ? NINA : SECRETARY,
                command.replace("%s", BAIT));
        assertFalse(replies.isEmpty(), "answered");
        for (FakeConnector.Sent reply : replies) {
            String text = reply.text();
            assertFalse(LIVE_LINK.matcher(text).find(), "a live link in: " + text);
            assertFalse(text.contains("<at>"), "a mention in: " + text);
            for (JsonNode entity : reply.activity().path("entities")) {
                assertFalse("mention".equalsIgnoreCase(entity.path("type").asText()), reply.activity().toString());
            }
            if (reply.card() != null) {
                assertFalse(LIVE_LINK.matcher(reply.card().toString().replace("\\\\", "\\")).find(),
                        "a live link in the card: " + reply.card());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"board name %s"})
    void theEchoStillReadsAsTyped(String command) throws Exception {
        String reply = say(SECRETARY, command.replace("%s", "Finance [Audit] Board")).get(0).text();
        assertTrue(reply.contains("Finance &#91;Audit&#93; Board"), reply);
    }
}
