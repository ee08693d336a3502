package io.boardclerk.bot.panel;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.FakeOpenIdProvider;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.SsoTokens;
import io.boardclerk.graph.fake.FakeGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.boardclerk.bot.panel.PanelBoard.CONVERSATION;
import static io.boardclerk.bot.panel.PanelBoard.TENANT;
import static io.boardclerk.bot.support.People.CHAIR;
import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Post the action log as me" from the side panel, end to end: the real server on a free port, the board made by Bot
 * Framework activities, a Teams single sign-on token signed by a key the fake authority publishes, the real
 * azure-identity on-behalf-of exchange at that authority (https on loopback) and the real Graph SDK posting into a
 * fake Graph.
 */
class PanelPostActionLogTest {

    static final String APP_ID = "00000000-1111-2222-3333-444444444444";
    static final String SECRET = "s3cret-value";
    static final String RESOURCE = "api://boardclerk.example.org/" + APP_ID;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    FakeGraph graph;
    FakeOpenIdProvider botFramework;
    RunningBot bot;
    SsoTokens entra;
    PanelBoard board;
    String botAuth;

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        if (botFramework != null) {
            botFramework.close();
        }
        if (graph != null) {
            graph.close();
        }
    }

    /** Graph on, single-tenant, signing in at the fake authority; the board has its chair and secretary. */
    private void startWithGraph() throws Exception {
        graph = new FakeGraph().expectSecret(SECRET);
        botFramework = new FakeOpenIdProvider();
        Map<String, String> env = new HashMap<>(Map.of("MicrosoftAppId", APP_ID, "MicrosoftAppPassword", SECRET,
                "MicrosoftAppTenantId", TENANT, "BOARDCLERK_BOT_OPENID_METADATA", botFramework.metadataUrl(),
                "BOARDCLERK_PUBLIC_URL", "https://boardclerk.example.org", "BOARDCLERK_LOGIN_AUTHORITY",
                graph.authority(), "BOARDCLERK_GRAPH", "", "BOARDCLERK_GRAPH_BASE_URL", graph.baseUrl()));
        bot = RunningBot.start(dir, env);
        entra = new SsoTokens(graph.authority());
        graph.publishSigningKeys(entra.jwkSet());
        botAuth = "Bearer " + botFramework.token(APP_ID, bot.connector.serviceUrl(), Instant.now().plusSeconds(3600));
        board = new PanelBoard(bot).open(botAuth);
        assertTrue(board.say(botAuth, SECRETARY, "chair @Helen Marsh", CHAIR).contains("is now the chair"));
        assertTrue(board.say(botAuth, SECRETARY, "action Survey the roof & <b>gutters</b> owner: Jane Gifford due: "
                + "26/05/2027").contains("Action"));
    }

    private String token(Member who) {
        return entra.sign(entra.claims(RESOURCE, TENANT, who.aadObjectId(), bot.clock.instant()));
    }

    private HttpResponse<String> postAsMe(String token) throws Exception {
        return bot.client.send("POST", "/api/panel/post-action-log", "{\"conversation\":\"" + CONVERSATION + "\"}",
                "Authorization", "Bearer " + token);
    }

    private static String content(FakeGraph.Posted post) throws Exception {
        JsonNode body = JSON.readTree(post.body()).path("body");
        assertEquals("html", body.path("contentType").asText());
        return body.path("content").asText();
    }

    @Test
    void the_chairs_post_reaches_graph_with_the_delegated_token_exchanged_from_the_chairs_own_sign_in()
            throws Exception {
        startWithGraph();
        String helen = token(CHAIR);
        int chatBefore = bot.connector.sentTo(CONVERSATION).size();
        // Opening the board read its chat's name as the app (BoardNames); the post itself must not use the app.
        int tokensBefore = graph.tokenRequests().size();

        HttpResponse<String> response = postAsMe(helen);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = JSON.readTree(response.body());
        assertTrue(answer.path("posted").asBoolean(), response.body());
        assertEquals(1, answer.path("parts").asInt());
        assertEquals("Posted the action log summary of Business Coordination Board in the chat as you through "
                + "Microsoft Graph.", answer.path("line").asText());

        assertEquals(1, graph.exchanges().size());
        FakeGraph.Exchange exchange = graph.exchanges().get(0);
        assertEquals("/" + TENANT + "/oauth2/v2.0/token", exchange.path());
        assertEquals("urn:ietf:params:oauth:grant-type:jwt-bearer", exchange.grantType());
        assertEquals("on_behalf_of", exchange.requestedTokenUse());
        assertEquals(helen, exchange.assertion(), "the very token the panel sent");
        assertTrue(exchange.secretMatched());
        assertTrue(Arrays.asList(exchange.scope().split(" ")).contains(graph.baseUrl().replace("/v1.0", "")
                + "/ChatMessage.Send"), exchange.scope());

        FakeGraph.Posted post = graph.posted().get(0);
        assertEquals("/v1.0/chats/" + CONVERSATION + "/messages", post.path());
        assertEquals("Bearer " + exchange.issued(), post.authorization(), "as Helen, not as BoardClerk's app");
        String html = content(post);
        assertTrue(html.contains("Report on fleet costs"), html);
        assertTrue(html.contains("Survey the roof &amp; &lt;b&gt;gutters&lt;/b&gt;"), html);
        String appScope = graph.baseUrl().replace("/v1.0", "") + "/.default";
        assertEquals(List.of(), graph.tokenRequests().stream().skip(tokensBefore)
                .map(f -> URLDecoder.decode(f, StandardCharsets.UTF_8)).filter(f -> f.contains(appScope)).toList(),
                "no app-only Graph token was asked for");

        List<FakeConnector.Sent> chat = bot.connector.awaitSent(CONVERSATION, chatBefore + 1,
                java.time.Duration.ofSeconds(5));
        assertEquals(chatBefore + 1, chat.size(), "one line in the chat, no card from the bot");
        assertTrue(chat.get(chatBefore).text().contains("**Helen Marsh** posted the action log summary through "
                + "Microsoft Graph from the side panel."), chat.get(chatBefore).text());
    }

    @Test
    void the_secretary_may_post_it_too_and_a_refusal_from_graph_names_the_delegated_permission()
            throws Exception {
        startWithGraph();
        graph.fail(403, Map.of(), "{\"error\":{\"code\":\"Forbidden\",\"message\":\"Missing scope permissions.\"}}");
        int chatBefore = bot.connector.sentTo(CONVERSATION).size();

        JsonNode answer = JSON.readTree(postAsMe(token(SECRETARY)).body());

        assertFalse(answer.path("posted").asBoolean());
        String line = answer.path("line").asText();
        assertTrue(line.startsWith("Could not post the action log summary as you: Microsoft Graph refused to post "
                + "as you (HTTP 403)"), line);
        assertTrue(line.contains("delegated permission ChatMessage.Send") && line.contains("Nothing was posted.")
                && line.contains("\"post action log\""), line);
        assertFalse(line.contains("\n"));
        assertEquals(chatBefore, bot.connector.sentTo(CONVERSATION).size(), "no fallback to the bot's card");
    }

    @Test
    void consent_not_granted_says_an_administrator_grants_it_and_nothing_reaches_graph() throws Exception {
        startWithGraph();
        graph.failExchange(400, "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS65001: The user or "
                + "administrator has not consented to use the application.\",\"error_codes\":[65001],"
                + "\"suberror\":\"consent_required\"}");

        JsonNode answer = JSON.readTree(postAsMe(token(CHAIR)).body());

        assertFalse(answer.path("posted").asBoolean());
        assertEquals("Could not post the action log summary as you: the delegated permission ChatMessage.Send has "
                + "not been consented for BoardClerk: an administrator grants it in Entra ID (API permissions → Grant "
                + "admin consent). Nothing was posted. Say \"post action log\" in the chat to have BoardClerk post it "
                + "itself.", answer.path("line").asText());
        assertEquals(List.of(), graph.postAttempts());
    }

    @Test
    void a_member_is_refused_with_who_may_and_nothing_reaches_graph() throws Exception {
        startWithGraph();

        HttpResponse<String> response = postAsMe(token(JON));

        assertEquals(403, response.statusCode(), response.body());
        String error = JSON.readTree(response.body()).path("error").asText();
        assertTrue(error.startsWith("Only the chair and the secretary can post the action log as themselves."),
                error);
        assertTrue(error.contains("Helen Marsh (chair)") && error.contains("Claire Dunmore (secretary)"), error);
        assertEquals(List.of(), graph.exchanges());
        assertEquals(List.of(), graph.postAttempts());
    }

    @Test
    void bad_expired_or_other_tenant_tokens_are_refused_401_and_nothing_reaches_graph_or_the_log()
            throws Exception {
        startWithGraph();
        Instant now = bot.clock.instant();
        String expired = entra.sign(entra.claims(RESOURCE, TENANT, CHAIR.aadObjectId(), now),
                c -> c.expirationTime(Date.from(now.minusSeconds(600))));
        String[] bad = {
            "not-a-jwt",
            expired,
            entra.signByStranger(entra.claims(RESOURCE, TENANT, CHAIR.aadObjectId(), now)),
            entra.sign(entra.claims(RESOURCE, "tenant-elsewhere", CHAIR.aadObjectId(), now)),
            entra.sign(entra.claims("api://elsewhere.example.org/" + APP_ID, TENANT, CHAIR.aadObjectId(), now)),
        };
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        String good = token(CHAIR);
        try {
            for (String token : bad) {
                HttpResponse<String> response = postAsMe(token);
                assertEquals(401, response.statusCode(), response.body());
                assertFalse(response.body().contains(token));
            }
            assertEquals(401, bot.client.send("POST", "/api/panel/post-action-log", "{\"conversation\":\""
                    + CONVERSATION + "\"}").statusCode(), "no token at all");
            assertEquals(List.of(), graph.exchanges());
            assertEquals(List.of(), graph.postAttempts());

            assertEquals(200, postAsMe(good).statusCode());
        } finally {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        }
        assertEquals(1, graph.posted().size(), "the good token posted");
        String delegated = graph.exchanges().get(0).issued();
        for (ILoggingEvent event : appender.list) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : event.getThrowableProxy().getMessage());
            for (String token : List.of(good, expired)) {
                assertFalse(line.contains(token.substring(token.lastIndexOf('.') + 1)), "no SSO token: " + line);
            }
            assertFalse(line.contains(delegated) || line.contains(SECRET), line);
        }
    }

    @Test
    void with_graph_off_it_says_so_plainly_and_the_bot_does_not_post_it_instead() throws Exception {
        bot = RunningBot.local(dir);
        board = new PanelBoard(bot).open(null);
        int chatBefore = bot.connector.sentTo(CONVERSATION).size();

        HttpResponse<String> response = bot.client.send("POST", "/api/panel/post-action-log",
                "{\"conversation\":\"" + CONVERSATION + "\"}", PanelAccess.USER_HEADER, SECRETARY.aadObjectId(),
                PanelAccess.TENANT_HEADER, TENANT);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = JSON.readTree(response.body());
        assertFalse(answer.path("posted").asBoolean());
        assertEquals(0, answer.path("parts").asInt());
        String line = answer.path("line").asText();
        assertTrue(line.startsWith("Microsoft Graph is off here (local mode: run BoardClerk with MicrosoftAppId and "
                + "MicrosoftAppPassword to use it), so nothing was posted as you"), line);
        assertTrue(line.contains("ChatMessage.Send") && line.endsWith("Say \"post action log\" in the chat to have "
                + "BoardClerk post it itself."), line);
        assertEquals(chatBefore, bot.connector.sentTo(CONVERSATION).size(), "nothing posted by the bot");
    }
}
