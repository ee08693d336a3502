package io.boardclerk.bot;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.support.FakeOpenIdProvider;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;

import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an unauthenticated caller sends reaches the log escaped and cut short: a forged line break cannot start a log
 * line of its own, and a 100 KB id is not written whole.
 */
class LogInjectionTest {

    static final String APP_ID = "00000000-1111-2222-3333-666666666666";

    @TempDir
    static Path dir;
    static FakeOpenIdProvider openId;
    static RunningBot bot;

    @BeforeAll
    static void start() throws Exception {
        openId = new FakeOpenIdProvider();
        bot = RunningBot.start(dir, Map.of("MicrosoftAppId", APP_ID, "MicrosoftAppPassword", "s3cret-value",
                "BOARDCLERK_BOT_OPENID_METADATA", openId.metadataUrl()));
    }

    @AfterAll
    static void stop() {
        bot.close();
        openId.close();
    }

    @Test
    void refusedRequestsAreLoggedEscapedAndCapped() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        root.setLevel(Level.DEBUG);
        root.addAppender(appender);
        String forged = "x\r\n2026-12-07 INFO FORGED admin logged in" + "A".repeat(100_000);
        // Headers are capped by the server at a few KB (431 beyond), so the ones forged there are shorter.
        String header = "x\r\n2026-12-07 INFO FORGED admin logged in" + "A".repeat(3_000);
        try {
            TeamsChat chat = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:log@thread.v2", "t", "Log");
            ObjectNode activity = chat.message(SECRETARY, "help");
            activity.put("id", forged);
            assertEquals(401, bot.client.post(activity.toString(), null).statusCode());
            assertEquals(401, bot.client.post(activity.toString(), openId.bearerFrom(
                    "https://sts.windows.net/" + header + "/", APP_ID, bot.connector.serviceUrl(), Map.of()))
                    .statusCode());
            assertEquals(401, bot.client.post(activity.toString(), "Bearer " + header.replace("\r\n", " ")).statusCode());
        } finally {
            root.detachAppender(appender);
            root.setLevel(level);
        }
        assertTrue(appender.list.stream().anyMatch(e -> e.getFormattedMessage().startsWith("Refused activity")),
                "the refusals were logged");
        for (ILoggingEvent event : appender.list) {
            String line = event.getFormattedMessage();
            assertFalse(line.contains("\n") || line.contains("\r"), line);
            assertTrue(line.length() < 2_000, "capped: " + line.length() + " chars");
        }
    }
}
