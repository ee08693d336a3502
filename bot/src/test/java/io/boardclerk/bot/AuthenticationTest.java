package io.boardclerk.bot;

import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeOpenIdProvider;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With an app id set, every request needs a valid Bot Framework token. Checked offline: the OpenID configuration
 * and keys are served on loopback and tokens are signed with a key generated here.
 */
class AuthenticationTest {

    static final String APP_ID = "00000000-1111-2222-3333-444444444444";

    @TempDir
    static Path dir;
    static FakeOpenIdProvider openId;
    static RunningBot bot;
    static TeamsChat chat;

    @BeforeAll
    static void start() throws Exception {
        openId = new FakeOpenIdProvider();
        bot = RunningBot.start(dir, Map.of("MicrosoftAppId", APP_ID, "MicrosoftAppPassword", "s3cret-value",
                "BOARDCLERK_BOT_OPENID_METADATA", openId.metadataUrl()));
        chat = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:board-chat@thread.v2", "tenant-cambs", "BCB");
        bot.connector.roster(chat.conversationId(), SECRETARY);
    }

    @AfterAll
    static void stop() {
        bot.close();
        openId.close();
    }

    private HttpResponse<String> post(String authorization) throws Exception {
        return bot.client.post(chat.message(SECRETARY, "help").toString(), authorization);
    }

    @Test
    void aValidTokenIsAcceptedAndTheReplyIsSignedWithTheBotsOwnToken() throws Exception {
        int before = bot.connector.sentTo(chat.conversationId()).size();
        String token = openId.token(APP_ID, bot.connector.serviceUrl(), Instant.now().plusSeconds(3600));
        assertEquals(202, post("Bearer " + token).statusCode());
        List<FakeConnector.Sent> sent = bot.connector.awaitSent(chat.conversationId(), before + 1, Duration.ofSeconds(5));
        FakeConnector.Sent reply = sent.get(sent.size() - 1);
        assertTrue(reply.text().contains("BoardClerk"), reply.text());
        assertEquals("Bearer " + FakeConnector.BOT_TOKEN, reply.authorization());
        assertTrue(bot.connector.tokenRequests() >= 1);
    }

    @Test
    void neitherTheSecretNorAnyTokenIsEverLogged() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        root.setLevel(Level.DEBUG);
        root.addAppender(appender);
        String token = openId.token(APP_ID, bot.connector.serviceUrl(), Instant.now().plusSeconds(3600));
        try {
            assertEquals(202, post("Bearer " + token).statusCode());
            assertUnauthorized(post("Bearer " + openId.tokenSignedByStranger(APP_ID, bot.connector.serviceUrl())));
            bot.connector.awaitSent(chat.conversationId(), 1, Duration.ofSeconds(5));
        } finally {
            root.detachAppender(appender);
            root.setLevel(level);
        }
        assertFalse(appender.list.isEmpty(), "the turn was logged at all");
        for (ILoggingEvent event : appender.list) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : event.getThrowableProxy().getMessage());
            assertFalse(line.contains("s3cret-value"), line);
            assertFalse(line.contains(FakeConnector.BOT_TOKEN), line);
            assertFalse(line.contains(token), line);
        }
    }

    @Test
    void aMissingTokenIs401() throws Exception {
        assertUnauthorized(post(null));
    }

    @Test
    void aMalformedTokenIs401() throws Exception {
        assertUnauthorized(post("Bearer not.a.jwt"));
        assertUnauthorized(post("Basic dXNlcjpwYXNz"));
    }

    @Test
    void anExpiredTokenIs401() throws Exception {
        assertUnauthorized(post("Bearer " + openId.token(APP_ID, bot.connector.serviceUrl(),
                Instant.now().minus(Duration.ofMinutes(30)))));
    }

    @Test
    void aTokenSignedByAnUnknownKeyIs401() throws Exception {
        assertUnauthorized(post("Bearer " + openId.tokenSignedByStranger(APP_ID, bot.connector.serviceUrl())));
    }

    @Test
    void aTokenForAnotherBotIs401() throws Exception {
        assertUnauthorized(post("Bearer " + openId.token("some-other-app", bot.connector.serviceUrl(),
                Instant.now().plusSeconds(3600))));
    }

    @Test
    void aTokenForAnotherServiceUrlIs401() throws Exception {
        assertUnauthorized(post("Bearer " + openId.token(APP_ID, "https://smba.example.invalid/emea/",
                Instant.now().plusSeconds(3600))));
    }

    private void assertUnauthorized(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.body().contains("token"), response.body());
    }
}
