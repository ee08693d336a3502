package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.FakeOpenIdProvider;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import io.boardclerk.core.clerk.CalendarSync;
import io.boardclerk.graph.fake.FakeCalendarGraph;
import io.boardclerk.graph.fake.FakeCalendarGraph.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Following the board's Outlook calendar over HTTP with Graph on: the command as a real activity, the calendar through
 * the real Graph SDK from a fake Graph on loopback, a fake Bot Connector and a real SQLite file. The series is matched
 * exactly and shown with a card; only an officer's press of "Follow this series" follows it. "The next Board" gets
 * the synced date, and when the occurrence moves in the calendar the scheduled re-read moves the action's target and
 * tells the chat.
 */
class CalendarEndToEndTest {

    static final String APP_ID = "00000000-1111-2222-3333-444444444444";
    static final String TENANT = "tenant-fenshire";
    static final String CLAIRE = "claire.dunmore@fenshire.example";
    static final String CONVERSATION = "19:fenshire-board@thread.v2";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    FakeCalendarGraph graph;
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

    private void startWithGraph() throws Exception {
        graph = new FakeCalendarGraph().user("aad-claire", CLAIRE).pageSize(1);
        graph.event(CLAIRE, new Event("occ-jan", "series-board", "Fenshire Board",
                Instant.parse("2027-01-14T10:00:00Z"), "Police Headquarters", null, false));
        graph.event(CLAIRE, new Event("occ-mar", "series-board", "Fenshire Board",
                Instant.parse("2027-03-11T10:00:00Z"), "Police Headquarters", null, false));
        graph.event(CLAIRE, new Event("dentist", null, "Dentist", Instant.parse("2027-01-05T08:30:00Z"), null, null,
                false));
        openId = new FakeOpenIdProvider();
        bot = RunningBot.start(dir, Map.of("MicrosoftAppId", APP_ID, "MicrosoftAppPassword", "s3cret-value",
                "MicrosoftAppTenantId", TENANT, "BOARDCLERK_BOT_OPENID_METADATA", openId.metadataUrl(),
                "BOARDCLERK_LOGIN_AUTHORITY", graph.authority(), "BOARDCLERK_GRAPH", "on",
                "BOARDCLERK_GRAPH_BASE_URL", graph.baseUrl(), "BOARDCLERK_PUBLIC_URL", "https://boardclerk.example"));
        chat = TeamsChat.groupChat(bot.connector.serviceUrl(), CONVERSATION, TENANT, "Fenshire Board");
        bot.connector.roster(chat.conversationId(), SECRETARY, JON);
        assertTrue(say(SECRETARY, "secretary @Claire Dunmore", SECRETARY).contains("is now the secretary"));
    }

    private String token() {
        return openId == null ? null
                : openId.bearer(APP_ID, bot.connector.serviceUrl());
    }

    String say(Member from, String text, Member... mentioned) throws Exception {
        return send(chat.message(from, text, mentioned), 1).get(0).text();
    }

    /** Posts an activity and gives the {@code count} messages BoardClerk sent back for it. */
    List<FakeConnector.Sent> send(ObjectNode activity, int count) throws Exception {
        int before = bot.connector.sentTo(chat.conversationId()).size();
        HttpResponse<String> response = bot.client.post(activity.toString(), token());
        assertEquals(202, response.statusCode(), response.body());
        List<FakeConnector.Sent> sent = bot.connector.awaitSent(chat.conversationId(), before + count,
                Duration.ofSeconds(20));
        assertTrue(sent.size() >= before + count, "BoardClerk answered " + activity.path("text").asText());
        return sent.subList(before, sent.size());
    }

    private String targetDate(int number) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + bot.database);
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT target_date FROM actions WHERE number = " + number)) {
            assertTrue(rows.next());
            return rows.getString(1);
        }
    }

    /** Presses a button of a card BoardClerk sent; the invoke response's body. */
    JsonNode press(Member from, JsonNode action) throws Exception {
        HttpResponse<String> response = bot.client.post(chat.cardAction(from, action.path("verb").asText(),
                action.path("data").deepCopy()).toString(), token());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    static JsonNode button(JsonNode card, String title) {
        for (JsonNode action : card.path("actions")) {
            if (action.path("title").asText().equals(title)) {
                return action;
            }
        }
        throw new AssertionError("no button " + title + " on " + card);
    }

    /** Asks for the series; gives the confirmation card after checking what BoardClerk said it found. */
    private JsonNode found(String command) throws Exception {
        List<FakeConnector.Sent> replies = send(chat.message(SECRETARY, command), 3);
        assertTrue(replies.get(0).text().startsWith("Looking for the series \""), replies.get(0).text());
        assertTrue(replies.get(1).text().contains("Found the series \"Fenshire Board\" in " + CLAIRE + "'s calendar")
                && replies.get(1).text().contains("nothing changes until then"), replies.get(1).text());
        JsonNode card = replies.get(2).card();
        assertNotNull(card, "the confirmation is a card");
        String question = card.path("body").get(0).path("text").asText();
        assertTrue(question.contains("Fenshire Board") && question.contains("organised by " + CLAIRE)
                && question.contains("2 meetings in the next 12 months, the next on 14th January 2027, "
                + "11th March 2027") && question.contains("at 10:00"), question);
        return card;
    }

    @Test
    void the_series_is_shown_and_followed_only_when_an_officer_presses_follow() throws Exception {
        startWithGraph();

        JsonNode card = found("calendar " + CLAIRE + " series \"fenshire  board\"");
        assertTrue(say(JON, "calendar").contains("follow no Outlook calendar"), "nothing followed before the press");
        assertEquals(3, graph.received().size(), "read once, in pages of one");

        JsonNode follow = button(card, "Follow this series");
        assertEquals("calendar follow " + CLAIRE + " series \"Fenshire Board\"",
                follow.path("data").path("say").asText(), "the calendar's own subject");
        JsonNode refused = press(JON, follow);
        assertTrue(refused.toString().contains("Only the chair or secretary"), refused.toString());
        assertTrue(say(JON, "calendar").contains("follow no Outlook calendar"), "a member's press follows nothing");
        assertEquals(3, graph.received().size());

        int pressedAt = bot.connector.sentTo(CONVERSATION).size();
        JsonNode settled = press(SECRETARY, follow);
        assertTrue(settled.toString().contains("Answered by Claire Dunmore"), settled.toString());
        List<FakeConnector.Sent> after = bot.connector.awaitSent(CONVERSATION, pressedAt + 2, Duration.ofSeconds(20));
        List<String> followed = after.subList(pressedAt, after.size()).stream().map(FakeConnector.Sent::text).toList();
        assertTrue(followed.stream().anyMatch(t -> t.contains("now follow the series \"Fenshire Board\"")),
                followed.toString());
        assertTrue(followed.contains("Read claire.dunmore@fenshire.example's calendar: 2 meetings of Fenshire Board in "
                + "the next 12 months, the next on 14th January 2027; 2 new, 0 moved, 0 cancelled."),
                followed.toString());
        assertEquals(6, graph.received().size(), "read again once followed");
        graph.received().forEach(r -> assertEquals("Bearer " + FakeCalendarGraph.TOKEN, r.authorization()));
        assertEquals("/v1.0/users/claire.dunmore%40fenshire.example/calendarView", graph.received().get(0).path());
        assertEquals("2026-11-23T00:00:00Z", graph.received().get(0).query().get("startDateTime"));
        assertEquals("2027-11-23T00:00:00Z", graph.received().get(0).query().get("endDateTime"));

        say(SECRETARY, "Action: Jon Leigh to report on road safety by the next Board.");
        assertEquals("2027-01-14", targetDate(1), "the next Board, from the calendar");

        graph.event(CLAIRE, new Event("occ-jan", "series-board", "Fenshire Board",
                Instant.parse("2027-01-21T10:00:00Z"), "Police Headquarters", null, false));
        CalendarSync sync = bot.server().calendar().sync().orElseThrow();
        int before = bot.connector.sentTo(CONVERSATION).size();
        assertEquals(0, sync.runDue(), "not due again for six hours");
        bot.clock.advance(CalendarSync.EVERY);
        assertEquals(1, sync.runDue());

        List<FakeConnector.Sent> told = bot.connector.awaitSent(CONVERSATION, before + 1, Duration.ofSeconds(10));
        assertEquals(before + 1, told.size());
        assertEquals("The Board of 14/01/2027 moved to 21/01/2027; action 1.0 follows it.",
                told.get(told.size() - 1).text());
        assertEquals("2027-01-21", targetDate(1));
        assertTrue(say(JON, "calendar").contains("Last read successfully on 23/11/2026 at 16:00"));
    }

    @Test
    void a_calendar_graph_refuses_is_named_and_nothing_is_followed() throws Exception {
        startWithGraph();
        graph.fail(403, Map.of(), FakeCalendarGraph.error("ErrorAccessDenied", "Access is denied."));

        List<FakeConnector.Sent> replies = send(chat.message(SECRETARY, "calendar " + CLAIRE), 2);

        assertTrue(replies.get(1).text().contains("Calendars.Read") && replies.get(1).text()
                .contains("so nothing is followed"), replies.get(1).text());
        assertTrue(say(SECRETARY, "calendar").contains("follow no Outlook calendar"));
    }

    @Test
    void a_series_not_named_exactly_is_not_offered_and_says_how_to_name_it() throws Exception {
        startWithGraph();

        List<FakeConnector.Sent> replies = send(chat.message(SECRETARY, "calendar " + CLAIRE + " series \"Board\""),
                2);
        String answer = replies.get(1).text();
        assertTrue(answer.contains("has exactly the subject \"Board\", so nothing is followed")
                && answer.contains("Subjects that contain it: \"Fenshire Board\"")
                && !answer.contains("Dentist"), answer);
        assertTrue(replies.stream().allMatch(r -> r.card() == null), "no card to follow a series not found exactly");
        assertTrue(say(SECRETARY, "calendar").contains("follow no Outlook calendar"));
    }

    @Test
    void a_typed_follow_and_a_cancelled_card_follow_nothing() throws Exception {
        startWithGraph();
        String typed = say(SECRETARY, "calendar follow " + CLAIRE + " series \"Fenshire Board\"");
        assertTrue(typed.contains("followed only from the card"), typed);

        JsonNode card = found("calendar " + CLAIRE);
        JsonNode dropped = press(SECRETARY, button(card, "Cancel"));
        assertTrue(dropped.toString().contains("nothing was recorded"), dropped.toString());
        assertTrue(say(SECRETARY, "calendar").contains("follow no Outlook calendar"));
    }

    @Test
    void with_graph_off_the_calendar_says_what_enabling_it_takes() throws Exception {
        bot = RunningBot.local(dir);
        chat = TeamsChat.groupChat(bot.connector.serviceUrl(), CONVERSATION, TENANT, "Fenshire Board");
        bot.connector.roster(chat.conversationId(), SECRETARY, JON);
        say(SECRETARY, "secretary @Claire Dunmore", SECRETARY);

        String answer = say(SECRETARY, "calendar " + CLAIRE);

        assertTrue(answer.contains("BOARDCLERK_GRAPH=on") && answer.contains("Calendars.Read"), answer);
        assertTrue(say(SECRETARY, "calendar").contains("is off"));
    }

    @Test
    void anOfficerCannotPointTheBoardAtSomeoneElsesCalendar() throws Exception {
        startWithGraph();
        graph.forget();
        String refused = say(SECRETARY, "calendar jon.leigh@fenshire.example series \"Fenshire Board\"");
        assertTrue(refused.contains("BoardClerk follows only your own calendar or the chair's or secretary's"),
                refused);
        String stranger = say(SECRETARY, "calendar ceo@fenshire.example");
        assertTrue(stranger.contains("follows only"), stranger);
        assertTrue(graph.received().isEmpty(), "no calendar was read: " + graph.received());
        assertTrue(say(JON, "calendar").contains("follow no Outlook calendar"),
                "nothing is followed");
    }
}
