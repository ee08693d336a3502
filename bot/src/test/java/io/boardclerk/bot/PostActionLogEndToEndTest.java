package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.FakeOpenIdProvider;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import io.boardclerk.core.clerk.WeeklyPosts;
import io.boardclerk.graph.fake.FakeGraph;
import io.boardclerk.storage.SqliteLedgerStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.boardclerk.bot.support.People.CHAIR;
import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code post action log} over HTTP: real server, Bot Framework activity JSON, fake Bot Connector, real SQLite file,
 * and the real Graph SDK against a fake Graph on loopback.
 */
class PostActionLogEndToEndTest {

    static final String APP_ID = "00000000-1111-2222-3333-444444444444";
    static final String TENANT = "tenant-fenshire";
    static final String TEAM_GROUP = "7f1c2d3e-0000-4000-8000-00000000b0a4";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    FakeGraph graph;
    FakeOpenIdProvider openId;
    RunningBot bot;
    TeamsChat chat;

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        if (openId != null) {
            openId.close();
        }
        if (graph != null) {
            graph.close();
        }
    }

    private void startWithGraph(Map<String, String> more) throws Exception {
        graph = new FakeGraph();
        openId = new FakeOpenIdProvider();
        Map<String, String> env = new HashMap<>(Map.of("MicrosoftAppId", APP_ID, "MicrosoftAppPassword",
                "s3cret-value", "MicrosoftAppTenantId", TENANT, "BOARDCLERK_BOT_OPENID_METADATA", openId.metadataUrl(),
                "BOARDCLERK_LOGIN_AUTHORITY", graph.authority(), "BOARDCLERK_GRAPH", "",
                "BOARDCLERK_GRAPH_BASE_URL", graph.baseUrl()));
        env.putAll(more);
        bot = RunningBot.start(dir, env);
    }

    private void channelBoard() throws Exception {
        chat = TeamsChat.channel(bot.connector.serviceUrl(), "19:fenshire-board@thread.tacv2", TENANT,
                "19:general@thread.tacv2", TEAM_GROUP);
        bot.connector.roster("19:general@thread.tacv2", SECRETARY, CHAIR, JON);
        officers();
    }

    private void chatBoard() throws Exception {
        chat = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:bcb-chat@thread.v2", TENANT,
                "Business Coordination Board");
        officers();
    }

    private void officers() throws Exception {
        bot.connector.roster(chat.conversationId(), SECRETARY, CHAIR, JON);
        assertTrue(say(SECRETARY, "secretary @Claire Dunmore", SECRETARY).get(0).text().contains("is now the "
                + "secretary"));
        assertTrue(say(SECRETARY, "chair @Helen Marsh", CHAIR).get(0).text().contains("is now the chair"));
    }

    /** Posts a message and returns what BoardClerk sent in answer (the turn is answered before the HTTP reply). */
    private List<FakeConnector.Sent> say(Member from, String text, Member... mentioned) throws Exception {
        ObjectNode activity = chat.message(from, text, mentioned);
        int before = bot.connector.sentTo(chat.conversationId()).size();
        HttpResponse<String> response = openId == null ? bot.client.post(activity)
                : bot.client.post(activity.toString(), openId.bearer(APP_ID, bot.connector.serviceUrl()));
        assertEquals(202, response.statusCode(), response.body());
        List<FakeConnector.Sent> sent = bot.connector.sentTo(chat.conversationId());
        return sent.subList(before, sent.size());
    }

    private static String content(FakeGraph.Posted post) throws Exception {
        JsonNode body = JSON.readTree(post.body()).path("body");
        assertEquals("html", body.path("contentType").asText());
        return body.path("content").asText();
    }

    private static final String HOSTILE = "action Replace the <script>alert('x')</script> & fix the roof "
            + "owner: Estates <Facilities> Unit due: 26/05/2027";

    @Test
    void in_a_channel_the_summary_goes_to_the_teams_channel_through_graph_with_every_string_escaped() throws Exception {
        startWithGraph(Map.of());
        channelBoard();
        say(SECRETARY, HOSTILE);
        say(SECRETARY, "update 1 Quotes & surveys <b>in</b>");

        List<FakeConnector.Sent> answer = say(CHAIR, "post action log");

        assertEquals(1, graph.posted().size(), answer.toString());
        FakeGraph.Posted post = graph.posted().get(0);
        assertEquals("/v1.0/teams/" + TEAM_GROUP + "/channels/19:fenshire-board@thread.tacv2/messages", post.path());
        assertEquals("Bearer " + FakeGraph.TOKEN, post.authorization(), "the app's token reached the Graph host");
        String html = content(post);
        assertTrue(html.contains("<td>Replace the &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; fix the "
                + "roof</td>"), html);
        assertTrue(html.contains("<td>Estates &lt;Facilities&gt; Unit</td>"), html);
        assertTrue(html.contains("Quotes &amp; surveys &lt;b&gt;in&lt;/b&gt;"), html);
        assertFalse(html.contains("<script") || html.contains("<b>in"), html);
        assertTrue(html.contains("<th>Meeting/Item</th>") && html.contains("<th>Status</th>"), html);
        assertEquals(1, answer.size());
        assertEquals("Posted the action log summary of Police and Crime Commissioner / Business Coordination Board in "
                + "the channel through Microsoft Graph.", answer.get(0).text());
    }

    @Test
    void in_a_group_chat_the_summary_goes_to_the_chat() throws Exception {
        startWithGraph(Map.of());
        chatBoard();
        say(SECRETARY, HOSTILE);

        say(SECRETARY, "post action log");

        assertEquals("/v1.0/chats/19:bcb-chat@thread.v2/messages", graph.posted().get(0).path());
        assertEquals("Bearer " + FakeGraph.TOKEN, graph.posted().get(0).authorization());
    }

    @Test
    void only_the_chair_or_secretary_may_post_it_and_a_refusal_says_who_can() throws Exception {
        startWithGraph(Map.of());
        chatBoard();

        String refusal = say(JON, "post action log").get(0).text();

        assertTrue(refusal.contains("Only the chair or secretary can post the action log summary."), refusal);
        assertTrue(refusal.contains("the secretary is Claire Dunmore"), refusal);
        assertEquals(List.of(), graph.postAttempts());
    }

    @Test
    void a_refusal_from_graph_falls_back_to_the_bots_card_and_names_the_consent_in_one_line() throws Exception {
        startWithGraph(Map.of());
        channelBoard();
        say(SECRETARY, HOSTILE);
        graph.fail(403, Map.of(), "{\"error\":{\"code\":\"Forbidden\",\"message\":\"Missing role permissions on the "
                + "request.\"}}");

        List<FakeConnector.Sent> answer = say(SECRETARY, "post action log");

        assertEquals(2, answer.size(), "the card, then the line");
        JsonNode card = answer.get(0).card();
        assertNotNull(card, "the action log card, posted by the bot");
        assertTrue(card.toString().contains("Replace the"), card.toString());
        String line = answer.get(1).text();
        assertFalse(line.contains("\n"), "one line: " + line);
        assertTrue(line.contains("ChannelMessage.Send.Group") && line.contains("HTTP 403")
                && line.contains("team owner"), line);
        assertTrue(line.endsWith("in the team, or the chair can post it as themselves from BoardClerk's side panel "
                + "(delegated ChannelMessage.Send)."), "the delegated route, in the same line: " + line);
        assertEquals(0, graph.posted().size());
    }

    @Test
    void a_malformed_answer_from_graph_falls_back_and_says_so() throws Exception {
        startWithGraph(Map.of());
        chatBoard();
        say(SECRETARY, HOSTILE);
        graph.fail(201, Map.of(), "{\"id\": \"1\", \"body\": {oops");

        List<FakeConnector.Sent> answer = say(SECRETARY, "post action log");

        assertNotNull(answer.get(0).card());
        assertTrue(answer.get(1).text().contains("could not be read"), answer.get(1).text());
    }

    @Test
    void a_long_log_is_split_under_the_teams_size_and_a_very_long_one_links_the_full_export() throws Exception {
        startWithGraph(Map.of("BOARDCLERK_PUBLIC_URL", "https://boardclerk.example.org"));
        chatBoard();
        recordActions(1, 20);

        String split = say(SECRETARY, "post action log").get(0).text();

        int parts = graph.posted().size();
        assertTrue(parts >= 2 && parts <= 3, "split into " + parts + ": " + split);
        assertTrue(split.contains("(" + parts + " messages)"), split);
        for (FakeGraph.Posted post : graph.posted()) {
            assertTrue(post.body().getBytes(StandardCharsets.UTF_8).length < 28_000, "under Teams' limit");
        }
        assertTrue(content(graph.posted().get(parts - 1)).contains("Part " + parts + " of " + parts));

        recordActions(21, 55);
        String linked = say(SECRETARY, "post action log").get(0).text();

        assertEquals(parts + 1, graph.posted().size(), "one message");
        String html = content(graph.posted().get(parts));
        assertTrue(html.contains("<a href=\"https://boardclerk.example.org/files/"), html);
        assertTrue(linked.contains("with a link to the full log"), linked);
    }

    /** Records the actions ten to a message: a Teams message holds at most about 28,000 characters. */
    private void recordActions(int from, int to) throws Exception {
        for (int first = from; first <= to; first += 10) {
            say(SECRETARY, actions(first, Math.min(first + 9, to)));
        }
    }

    private static String actions(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i <= to; i++) {
            text.append("action Bring a report on the Safer Streets project, phase ").append(i).append(", ")
                    .append("with the options appraisal, the partnership's spending and the risk register, ".repeat(17))
                    .append("to the Board for decision owner: Constabulary due: 26/05/2027\n");
        }
        return text.toString();
    }

    @Test
    void a_channel_whose_team_id_has_not_arrived_is_posted_by_the_bot_saying_why() throws Exception {
        startWithGraph(Map.of());
        chat = TeamsChat.channel(bot.connector.serviceUrl(), "19:no-group@thread.tacv2", TENANT,
                "19:general@thread.tacv2");
        bot.connector.roster("19:general@thread.tacv2", SECRETARY, CHAIR, JON);
        officers();

        List<FakeConnector.Sent> answer = say(SECRETARY, "post action log");

        assertNotNull(answer.get(0).card());
        assertTrue(answer.get(1).text().contains("Microsoft Graph needs this channel's team id"), answer.get(1).text());
        assertEquals(List.of(), graph.postAttempts());
    }

    @Test
    void in_local_mode_graph_is_off_the_bot_posts_the_card_and_says_what_enabling_graph_takes() throws Exception {
        bot = RunningBot.local(dir);
        chatBoard();
        say(SECRETARY, HOSTILE);

        List<FakeConnector.Sent> answer = say(SECRETARY, "post action log");

        assertNotNull(answer.get(0).card());
        String line = answer.get(1).text();
        assertTrue(line.startsWith("Microsoft Graph is off (local mode"), line);
        assertTrue(line.contains("MicrosoftAppId") && line.contains("ChatMessage.Send.Chat"), line);
    }

    @Test
    void the_weekly_post_goes_out_once_on_its_day_at_nine_even_across_a_restart() throws Exception {
        startWithGraph(Map.of());
        chatBoard();
        say(SECRETARY, HOSTILE);
        // The bot's clock: Monday 23 November 2026, 10:00 UTC (10:00 in London).
        bot.clock.set(Instant.parse("2026-11-23T08:00:00Z"));

        List<FakeConnector.Sent> set = say(CHAIR, "post action log weekly monday");

        assertTrue(set.get(0).text().startsWith("Every Monday at 09:00 (Europe/London) I will post the action log "
                + "summary of Business Coordination Board here."), set.get(0).text());
        assertTrue(set.get(1).text().contains("through Microsoft Graph") && set.get(1).text().contains(
                "ChatMessage.Send.Chat"), set.get(1).text());
        assertTrue(say(JON, "post action log weekly").get(0).text().contains("is posted every Monday at 09:00"));
        assertTrue(say(JON, "post action log weekly friday").get(0).text().contains("Only the chair or secretary"));

        assertEquals(0, bot.server().weeklyPosts().tick(), "08:00: not yet");
        bot.clock.set(Instant.parse("2026-11-23T09:00:00Z"));
        assertEquals(1, bot.server().weeklyPosts().tick());
        assertEquals(0, bot.server().weeklyPosts().tick(), "once");
        bot.restart();
        assertEquals(0, bot.server().weeklyPosts().tick(), "once, across a restart");
        assertEquals(1, graph.posted().size());
        assertEquals("/v1.0/chats/19:bcb-chat@thread.v2/messages", graph.posted().get(0).path());
        assertTrue(content(graph.posted().get(0)).contains("Estates &lt;Facilities&gt; Unit"));

        bot.clock.set(Instant.parse("2026-11-24T09:00:00Z"));
        assertEquals(0, bot.server().weeklyPosts().tick(), "Tuesday");
        bot.clock.set(Instant.parse("2026-11-30T09:00:00Z"));
        assertEquals(1, bot.server().weeklyPosts().tick(), "the next Monday");
        assertEquals(2, graph.posted().size());

        assertTrue(say(SECRETARY, "post action log weekly off").get(0).text().contains("no longer"));
        bot.clock.set(Instant.parse("2026-12-07T09:30:00Z"));
        assertEquals(0, bot.server().weeklyPosts().tick());
        assertEquals(2, graph.posted().size());
    }

    @Test
    void a_weekly_post_claimed_by_a_process_that_stopped_is_not_repeated_and_the_chat_is_told() throws Exception {
        startWithGraph(Map.of());
        chatBoard();
        say(SECRETARY, HOSTILE);
        say(CHAIR, "post action log weekly monday");
        Instant nine = Instant.parse("2026-11-23T09:00:00Z");
        // Another process on the same file claims Monday's post, then stops before posting it.
        try (SqliteLedgerStore other = SqliteLedgerStore.open(bot.database)) {
            assertEquals(1, new WeeklyPosts(other).claimDue(nine).size());
        }
        bot.restart();
        int before = bot.connector.sentTo(chat.conversationId()).size();

        bot.clock.set(nine.plus(WeeklyPosts.LEFT_AFTER).minusSeconds(60));
        assertEquals(0, bot.server().weeklyPosts().tick());
        assertEquals(before, bot.connector.sentTo(chat.conversationId()).size(), "perhaps still posting: nothing");

        bot.clock.set(nine.plus(WeeklyPosts.LEFT_AFTER));
        assertEquals(0, bot.server().weeklyPosts().tick(), "not posted again");
        assertEquals(0, bot.server().weeklyPosts().tick());

        List<FakeConnector.Sent> sent = bot.connector.sentTo(chat.conversationId());
        assertEquals(before + 1, sent.size(), "told once");
        assertEquals("The weekly action log summary of 23rd November 2026 may not have been posted: BoardClerk "
                + "stopped while posting it, and never posts one twice. Say `post action log` to post it now.",
                sent.get(before).text());
        assertTrue(graph.posted().isEmpty());
    }

    @Test
    void with_graph_off_the_weekly_post_is_made_by_the_bot_with_the_line_saying_why() throws Exception {
        bot = RunningBot.local(dir);
        chatBoard();
        say(SECRETARY, HOSTILE);
        say(SECRETARY, "post action log weekly monday");
        int before = bot.connector.sentTo(chat.conversationId()).size();
        bot.clock.set(Instant.parse("2026-11-23T09:15:00Z"));

        assertEquals(1, bot.server().weeklyPosts().tick());

        List<FakeConnector.Sent> sent = bot.connector.sentTo(chat.conversationId());
        assertEquals(before + 2, sent.size());
        assertNotNull(sent.get(before).card());
        assertNull(sent.get(before).inReplyTo(), "a new message, not a reply");
        assertTrue(sent.get(before + 1).text().startsWith("Microsoft Graph is off (local mode"));
    }
}
