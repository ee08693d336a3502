package io.boardclerk.bot;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Following the board's Outlook calendar over HTTP with Graph on: the command as a real activity, the calendar through
 * the real Graph SDK from a fake Graph on loopback, a fake Bot Connector and a real SQLite file. "The next Board" gets
 * the synced date, and when the occurrence moves in the calendar the scheduled re-read moves the action's target and
 * tells the chat.
 */
class CalendarEndToEndTest {

    static final String APP_ID = "00000000-1111-2222-3333-444444444444";
    static final String TENANT = "tenant-fenshire";
    static final String CLAIRE = "claire.dunmore@fenshire.example";
    static final String CONVERSATION = "19:fenshire-board@thread.v2";

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

    @Test
    void the_next_board_gets_the_synced_date_and_follows_the_occurrence_when_it_moves() throws Exception {
        startWithGraph();

        List<FakeConnector.Sent> replies = send(chat.message(SECRETARY, "calendar " + CLAIRE
                + " series \"Fenshire Board\""), 2);
        assertTrue(replies.get(0).text().contains("now follow the series \"Fenshire Board\""), replies.get(0).text());
        assertEquals("Read claire.dunmore@fenshire.example's calendar: 2 meetings of Fenshire Board in the next 12 "
                + "months, the next on 14th January 2027; 2 new, 0 moved, 0 cancelled.", replies.get(1).text());
        assertEquals(3, graph.received().size(), "three events in pages of one");
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
    void a_calendar_graph_refuses_is_named_and_changes_nothing() throws Exception {
        startWithGraph();
        graph.fail(403, Map.of(), FakeCalendarGraph.error("ErrorAccessDenied", "Access is denied."));

        List<FakeConnector.Sent> replies = send(chat.message(SECRETARY, "calendar " + CLAIRE), 2);

        assertTrue(replies.get(1).text().contains("Calendars.Read") && replies.get(1).text()
                .contains("the schedule is unchanged"), replies.get(1).text());
        assertTrue(say(SECRETARY, "calendar").contains("The last read failed"));
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
