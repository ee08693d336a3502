package io.boardclerk.graph;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.boardclerk.graph.fake.FakeGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Posting messages through the real Graph SDK and azure-identity, against a fake Graph and token endpoint. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GraphChatPosterTest {

    static final String TENANT = "11111111-2222-3333-4444-555555555555";
    static final String TEAM = "0a0a0a0a-1111-2222-3333-444444444444";
    static final ChatTarget CHANNEL = new ChatTarget.Channel(TEAM, "19:board-channel@thread.tacv2");
    static final ChatTarget CHAT = new ChatTarget.Chat("19:meeting_abc@thread.v2");

    private FakeGraph graph;
    private final List<Duration> waits = new ArrayList<>();
    private final RecordedWaits retries = new RecordedWaits();
    private GraphChatPoster poster;

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph();
        poster = poster(Duration.ofSeconds(20), 1);
    }

    private GraphChatPoster poster(Duration timeout, long retryDelaySeconds) {
        GraphSettings settings = new GraphSettings("app-id", "app-secret", null, null, "", graph.authority(),
                graph.baseUrl(), timeout, 3, retryDelaySeconds, Duration.ofSeconds(5), 100, Duration.ofMinutes(5));
        // A clock that stands still: every wait the pacer asks for is recorded, none is slept.
        Pacer pacer = new Pacer(Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC), waits::add,
                Pacer.INTERVAL);
        return new GraphChatPoster(new GraphClients(settings, retries), pacer);
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void a_channel_message_goes_to_the_teams_channel_as_html_with_the_apps_token() {
        GraphChatPoster.Outcome outcome = poster.post(TENANT, CHANNEL, List.of("<p>Jon &amp; Jane &lt;script&gt;</p>"));

        assertEquals(new GraphChatPoster.Posted(1), outcome);
        FakeGraph.Posted post = graph.posted().get(0);
        assertEquals("/v1.0/teams/" + TEAM + "/channels/19:board-channel@thread.tacv2/messages", post.path());
        assertEquals("Bearer " + FakeGraph.TOKEN, post.authorization(), "the SDK sent the app's token to the "
                + "configured Graph host");
        JsonObject body = JsonParser.parseString(post.body()).getAsJsonObject().getAsJsonObject("body");
        assertEquals("html", body.get("contentType").getAsString());
        assertEquals("<p>Jon &amp; Jane &lt;script&gt;</p>", body.get("content").getAsString());
        assertTrue(graph.tokenRequests().get(0).contains("grant_type=client_credentials"),
                "an app-only token: Graph checks the resource-specific consent on the team");
        assertEquals(0, graph.otherRequests(), "no instance discovery against a non-public authority");
    }

    @Test
    void a_chat_message_goes_to_the_chat() {
        assertEquals(new GraphChatPoster.Posted(1), poster.post(TENANT, CHAT, List.of("<p>Hello</p>")));

        assertEquals("/v1.0/chats/19:meeting_abc@thread.v2/messages", graph.posted().get(0).path());
    }

    @Test
    void several_messages_are_posted_in_order_and_paced_at_four_a_second() {
        GraphChatPoster.Outcome outcome = poster.post(TENANT, CHANNEL, List.of("<p>1</p>", "<p>2</p>", "<p>3</p>",
                "<p>4</p>", "<p>5</p>"));

        assertEquals(new GraphChatPoster.Posted(5), outcome);
        assertEquals(List.of("<p>1</p>", "<p>2</p>", "<p>3</p>", "<p>4</p>", "<p>5</p>"), graph.posted().stream()
                .map(p -> JsonParser.parseString(p.body()).getAsJsonObject().getAsJsonObject("body").get("content")
                        .getAsString()).toList());
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(750),
                Duration.ofMillis(1000)), waits, "the clock stood still: each message waits a quarter second more");
    }

    @Test
    void throttling_honours_retry_after_and_then_posts_once() {
        graph.fail(429, Map.of("Retry-After", "1"), "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow\"}}");

        assertEquals(new GraphChatPoster.Posted(1), poster.post(TENANT, CHANNEL, List.of("<p>Hello</p>")));

        assertEquals(2, graph.postAttempts().size());
        assertEquals(1, graph.posted().size(), "posted once");
        assertEquals(List.of(Duration.ofSeconds(1)), retries.all(), "waited as Retry-After said");
    }

    @Test
    void service_unavailable_and_gateway_timeout_are_retried_with_back_off() {
        graph.fail(503, Map.of(), "").fail(504, Map.of(), "");

        assertEquals(new GraphChatPoster.Posted(1), poster.post(TENANT, CHAT, List.of("<p>Hello</p>")));

        assertEquals(3, graph.postAttempts().size());
        retries.assertBackOff(Duration.ofSeconds(1), 2);
    }

    @Test
    void retries_are_bounded_and_end_as_failed() {
        for (int i = 0; i < 8; i++) {
            graph.fail(503, Map.of(), "");
        }

        GraphChatPoster.Outcome outcome = poster.post(TENANT, CHAT, List.of("<p>Hello</p>"));

        String problem = assertInstanceOf(GraphChatPoster.Failed.class, outcome).problem();
        assertTrue(problem.contains("busy"), problem);
        assertEquals(4, graph.postAttempts().size(), "the first try and three retries");
        retries.assertBackOff(Duration.ofSeconds(1), 3);
    }

    @Test
    void retry_after_zero_is_retried_by_the_retry_rule_alone_and_as_often() {
        for (int i = 0; i < 8; i++) {
            graph.fail(503, Map.of("Retry-After", "0"), "");
        }

        GraphChatPoster.Outcome outcome = poster.post(TENANT, CHAT, List.of("<p>Hello</p>"));

        assertInstanceOf(GraphChatPoster.Failed.class, outcome);
        assertEquals(4, graph.postAttempts().size(), "the first try and three retries, not OkHttp's own on top");
        retries.assertBackOff(Duration.ofSeconds(1), 3);
    }

    @Test
    void forbidden_in_a_channel_names_the_channel_consent() {
        graph.fail(403, Map.of(), "{\"error\":{\"code\":\"Forbidden\",\"message\":\"Missing role permissions\"}}");

        GraphChatPoster.Refused refused = assertInstanceOf(GraphChatPoster.Refused.class,
                poster.post(TENANT, CHANNEL, List.of("<p>Hello</p>")));

        assertEquals(403, refused.status());
        assertEquals("ChannelMessage.Send.Group", refused.permission());
        assertTrue(refused.problem().contains("ChannelMessage.Send.Group") && refused.problem().contains("team owner"),
                refused.problem());
        assertTrue(!refused.problem().contains("app-secret") && !refused.problem().contains(FakeGraph.TOKEN));
    }

    @Test
    void unauthorised_in_a_chat_names_the_chat_consent() {
        graph.fail(401, Map.of(), "{\"error\":{\"code\":\"Unauthorized\",\"message\":\"Message POST is allowed in "
                + "application-only context only for import purposes.\"}}");

        GraphChatPoster.Refused refused = assertInstanceOf(GraphChatPoster.Refused.class,
                poster.post(TENANT, CHAT, List.of("<p>Hello</p>")));

        assertEquals("ChatMessage.Send.Chat", refused.permission());
        assertTrue(refused.problem().contains("ChatMessage.Send.Chat"), refused.problem());
    }

    @Test
    void a_refusal_part_way_says_how_many_were_posted() {
        graph.fail(201, Map.of(), "{\"id\":\"1\"}").fail(403, Map.of(), "{\"error\":{\"code\":\"Forbidden\"}}");

        GraphChatPoster.Outcome outcome = poster.post(TENANT, CHANNEL, List.of("<p>1</p>", "<p>2</p>", "<p>3</p>"));

        assertEquals(1, assertInstanceOf(GraphChatPoster.Refused.class, outcome).posted());
        assertEquals(2, graph.postAttempts().size(), "stopped at the refusal");
    }

    @Test
    void a_malformed_answer_is_a_clean_failure() {
        graph.fail(201, Map.of(), "{\"id\": \"1\", \"body\": {oops");

        String problem = assertInstanceOf(GraphChatPoster.Failed.class,
                poster.post(TENANT, CHAT, List.of("<p>Hello</p>"))).problem();

        assertTrue(problem.contains("could not be read"), problem);
    }

    @Test
    void no_answer_in_time_is_a_clean_failure() {
        graph.slow(5_000, 201, "{\"id\":\"1\"}");

        String problem = assertInstanceOf(GraphChatPoster.Failed.class,
                poster(Duration.ofSeconds(1), 1).post(TENANT, CHAT, List.of("<p>Hello</p>"))).problem();

        assertTrue(problem.contains("did not answer in time"), problem);
    }

    @Test
    void an_unknown_tenant_fails_plainly_without_calling_graph() {
        assertInstanceOf(GraphChatPoster.Failed.class, poster.post("", CHAT, List.of("<p>Hello</p>")));
        assertEquals(0, graph.postAttempts().size());
    }
}
