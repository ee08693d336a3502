package io.boardclerk.graph;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.boardclerk.graph.fake.FakeGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Posting as a signed-in person: the real azure-identity on-behalf-of credential against a fake identity authority
 * (https on loopback), and the real Graph SDK against a fake Graph.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GraphChatPosterOnBehalfOfTest {

    static final String TENANT = "11111111-2222-3333-4444-555555555555";
    static final String TEAM = "0a0a0a0a-1111-2222-3333-444444444444";
    static final ChatTarget CHANNEL = new ChatTarget.Channel(TEAM, "19:board-channel@thread.tacv2");
    static final ChatTarget CHAT = new ChatTarget.Chat("19:meeting_abc@thread.v2");
    /** Stands in for Helen Marsh's Teams single sign-on token (the authority only exchanges it). */
    static final String HELEN_TOKEN = "eyJ0eXAiOiJKV1QifQ.helen-marsh-sso.signature";
    static final OnBehalfOf HELEN = new OnBehalfOf(TENANT, HELEN_TOKEN);

    private FakeGraph graph;
    private final RecordedWaits retries = new RecordedWaits();
    private GraphChatPoster poster;

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph().expectSecret("app-secret");
        poster = poster(1);
    }

    private GraphChatPoster poster(long retryDelaySeconds) {
        GraphSettings settings = new GraphSettings("app-id", "app-secret", null, null, "", graph.authority(),
                graph.baseUrl(), Duration.ofSeconds(20), 3, retryDelaySeconds, Duration.ofSeconds(5), 100,
                Duration.ofMinutes(5));
        return new GraphChatPoster(new GraphClients(settings, retries), new Pacer(Clock.fixed(
                Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC), d -> { }, Pacer.INTERVAL));
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    private String graphResource() {
        return graph.baseUrl().replace("/v1.0", "");
    }

    @Test
    void the_users_token_is_exchanged_on_behalf_of_them_and_the_chat_message_goes_with_the_delegated_token() {
        GraphChatPoster.Outcome outcome = poster.postAs(HELEN, CHAT, List.of("<p>Jon &amp; Jane &lt;b&gt;</p>"));

        assertEquals(new GraphChatPoster.Posted(1), outcome);
        FakeGraph.Exchange exchange = graph.exchanges().get(0);
        assertEquals("/" + TENANT + "/oauth2/v2.0/token", exchange.path(), "at the user's own organisation");
        assertEquals("urn:ietf:params:oauth:grant-type:jwt-bearer", exchange.grantType());
        assertEquals("on_behalf_of", exchange.requestedTokenUse());
        assertEquals(HELEN_TOKEN, exchange.assertion(), "the user's own token is the assertion");
        assertEquals("app-id", exchange.clientId());
        assertTrue(exchange.secretMatched(), "the app's secret authenticates the exchange");
        assertTrue(Arrays.asList(exchange.scope().split(" ")).contains(graphResource() + "/ChatMessage.Send"),
                exchange.scope());
        FakeGraph.Posted post = graph.posted().get(0);
        assertEquals("/v1.0/chats/19:meeting_abc@thread.v2/messages", post.path());
        assertEquals("Bearer " + exchange.issued(), post.authorization(), "the delegated token, not the app's");
        assertNotEquals("Bearer " + FakeGraph.TOKEN, post.authorization());
        JsonObject body = JsonParser.parseString(post.body()).getAsJsonObject().getAsJsonObject("body");
        assertEquals("html", body.get("contentType").getAsString());
        assertEquals("<p>Jon &amp; Jane &lt;b&gt;</p>", body.get("content").getAsString());
        assertEquals(List.of(), graph.tokenRequests(), "no app-only token was asked for");
        assertEquals(0, graph.otherRequests(), "no instance discovery against a non-public authority");
    }

    @Test
    void a_channel_message_asks_for_channel_message_send_and_goes_to_the_channel() {
        assertEquals(new GraphChatPoster.Posted(2), poster.postAs(HELEN, CHANNEL, List.of("<p>1</p>", "<p>2</p>")));

        for (FakeGraph.Exchange exchange : graph.exchanges()) {
            assertEquals(HELEN_TOKEN, exchange.assertion());
            assertTrue(Arrays.asList(exchange.scope().split(" ")).contains(graphResource() + "/ChannelMessage.Send"),
                    exchange.scope());
        }
        FakeGraph.Exchange last = graph.exchanges().get(graph.exchanges().size() - 1);
        assertEquals("/v1.0/teams/" + TEAM + "/channels/19:board-channel@thread.tacv2/messages",
                graph.posted().get(1).path());
        assertEquals("Bearer " + last.issued(), graph.posted().get(1).authorization());
    }

    @Test
    void each_call_exchanges_its_own_users_token_and_nothing_is_shared_between_people() {
        OnBehalfOf claire = new OnBehalfOf(TENANT, "eyJ0eXAiOiJKV1QifQ.claire-dunmore-sso.signature");

        poster.postAs(HELEN, CHAT, List.of("<p>1</p>"));
        poster.postAs(claire, CHAT, List.of("<p>2</p>"));

        assertEquals(List.of(HELEN_TOKEN, claire.userToken()), graph.exchanges().stream()
                .map(FakeGraph.Exchange::assertion).toList());
        assertNotEquals(graph.posted().get(0).authorization(), graph.posted().get(1).authorization());
        assertEquals("Bearer " + graph.exchanges().get(1).issued(), graph.posted().get(1).authorization());
    }

    @Test
    void consent_not_granted_says_an_administrator_grants_the_delegated_permission_and_posts_nothing() {
        graph.failExchange(400, "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS65001: The user or "
                + "administrator has not consented to use the application with ID 'app-id' named 'BoardClerk'.\","
                + "\"error_codes\":[65001],\"suberror\":\"consent_required\"}");

        GraphChatPoster.Refused refused = assertInstanceOf(GraphChatPoster.Refused.class,
                poster.postAs(HELEN, CHAT, List.of("<p>Hello</p>")));

        assertEquals("ChatMessage.Send", refused.permission());
        assertEquals(0, refused.posted());
        assertEquals("the delegated permission ChatMessage.Send has not been consented for BoardClerk: an "
                + "administrator grants it in Entra ID (API permissions → Grant admin consent).", refused.problem());
        assertEquals(List.of(), graph.postAttempts());
    }

    @Test
    void interaction_required_is_told_as_the_consent_too() {
        graph.failExchange(400, "{\"error\":\"interaction_required\",\"error_description\":\"AADSTS50079: Due to a "
                + "configuration change made by your administrator, you must enrol in multi-factor authentication.\","
                + "\"error_codes\":[50079]}");

        GraphChatPoster.Refused refused = assertInstanceOf(GraphChatPoster.Refused.class,
                poster.postAs(HELEN, CHANNEL, List.of("<p>Hello</p>")));

        assertTrue(refused.problem().contains("ChannelMessage.Send has not been consented"), refused.problem());
    }

    @Test
    void an_expired_assertion_says_sign_in_again() {
        graph.failExchange(400, "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS500133: Assertion is not "
                + "within its valid time range.\",\"error_codes\":[500133]}");

        GraphChatPoster.NotSignedIn outcome = assertInstanceOf(GraphChatPoster.NotSignedIn.class,
                poster.postAs(HELEN, CHAT, List.of("<p>Hello</p>")));

        assertTrue(outcome.problem().contains("sign in again"), outcome.problem());
        assertFalse(outcome.problem().contains(HELEN_TOKEN));
        assertEquals(List.of(), graph.postAttempts());
    }

    @Test
    void a_wrong_app_secret_says_what_to_check_not_to_sign_in_again() {
        graph.expectSecret("the-real-secret");

        GraphChatPoster.NotSignedIn outcome = assertInstanceOf(GraphChatPoster.NotSignedIn.class,
                poster.postAs(HELEN, CHAT, List.of("<p>Hello</p>")));

        assertTrue(outcome.problem().contains("MicrosoftAppPassword"), outcome.problem());
        assertFalse(outcome.problem().contains("the-real-secret") || outcome.problem().contains("app-secret"));
    }

    @Test
    void graph_forbidding_it_names_the_delegated_permission() {
        graph.fail(403, Map.of(), "{\"error\":{\"code\":\"Forbidden\",\"message\":\"Missing scope permissions on the "
                + "request.\"}}");

        GraphChatPoster.Refused refused = assertInstanceOf(GraphChatPoster.Refused.class,
                poster.postAs(HELEN, CHANNEL, List.of("<p>Hello</p>")));

        assertEquals(403, refused.status());
        assertEquals("ChannelMessage.Send", refused.permission());
        assertTrue(refused.problem().contains("delegated permission ChannelMessage.Send")
                && refused.problem().contains("Grant admin consent"), refused.problem());
        assertFalse(refused.problem().contains(".Group"), "not the app's resource-specific consent");
    }

    @Test
    void throttling_and_unavailability_are_retried_as_for_the_app() {
        graph.fail(429, Map.of("Retry-After", "0"), "{\"error\":{\"code\":\"TooManyRequests\"}}")
                .fail(503, Map.of(), "");

        assertEquals(new GraphChatPoster.Posted(1), poster.postAs(HELEN, CHAT, List.of("<p>Hello</p>")));
        assertEquals(3, graph.postAttempts().size());
        assertEquals(1, graph.posted().size());
        List<Duration> waits = retries.all();
        assertEquals(2, waits.size(), waits.toString());
        assertEquals(Duration.ZERO, waits.get(0), "Retry-After: 0");
        assertTrue(waits.get(1).compareTo(Duration.ofSeconds(2)) >= 0 && waits.get(1).compareTo(Duration.ofSeconds(3))
                < 0, "the second retry's back-off, doubled from one second: " + waits);
    }

    @Test
    void retries_are_bounded_and_end_as_busy() {
        for (int i = 0; i < 6; i++) {
            graph.fail(503, Map.of(), "");
        }

        String problem = assertInstanceOf(GraphChatPoster.Failed.class,
                poster.postAs(HELEN, CHAT, List.of("<p>Hello</p>"))).problem();

        assertTrue(problem.contains("busy"), problem);
        assertEquals(4, graph.postAttempts().size());
        retries.assertBackOff(Duration.ofSeconds(1), 3);
    }

    @Test
    void a_malformed_answer_is_a_clean_failure() {
        graph.fail(201, Map.of(), "{\"id\": \"1\", \"body\": {oops");

        String problem = assertInstanceOf(GraphChatPoster.Failed.class,
                poster.postAs(HELEN, CHAT, List.of("<p>Hello</p>"))).problem();

        assertTrue(problem.contains("could not be read"), problem);
    }

    @Test
    void no_token_means_no_exchange() {
        assertInstanceOf(GraphChatPoster.NotSignedIn.class, poster.postAs(new OnBehalfOf(TENANT, " "), CHAT,
                List.of("<p>Hello</p>")));
        assertEquals(List.of(), graph.exchanges());
    }

    @Test
    void neither_the_users_token_nor_the_delegated_token_reaches_the_log() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        try {
            poster.postAs(HELEN, CHAT, List.of("<p>Hello</p>"));
            graph.failExchange(400, "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS65001: not "
                    + "consented.\",\"error_codes\":[65001],\"suberror\":\"consent_required\"}");
            poster.postAs(HELEN, CHAT, List.of("<p>Hello</p>"));
            graph.fail(403, Map.of(), "{\"error\":{\"code\":\"Forbidden\"}}");
            poster.postAs(HELEN, CHAT, List.of("<p>Hello</p>"));
        } finally {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        }
        String issued = graph.exchanges().get(0).issued();
        assertTrue(appender.list.stream().anyMatch(e -> e.getFormattedMessage().contains("AADSTS65001")),
                "the refusal's code is logged");
        for (ILoggingEvent event : appender.list) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : event.getThrowableProxy().getMessage());
            assertFalse(line.contains("helen-marsh-sso") || line.contains(issued) || line.contains("app-secret"),
                    line);
        }
        assertFalse(HELEN.toString().contains("helen-marsh-sso"), HELEN.toString());
    }
}
