package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Canned;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import io.boardclerk.core.clerk.Card;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.boardclerk.bot.support.People.CHAIR;
import static io.boardclerk.bot.support.People.JANE;
import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reminders end to end: actions recorded by chat over HTTP, the clock moved, a sweep run, and what the fake Bot
 * Connector received: the personal chat created from the owner's Teams identity and kept in the SQLite file (reused
 * after a restart), the card in it, and what becomes of 429, 5xx and 403 as the secretary sees it in
 * {@code reminders status}.
 */
class ReminderDeliveryFlowTest {

    static final String TENANT = "tenant-fenshire";
    /** Default policy: 7 days before a target of Thursday 10/12/2026 is Thursday 03/12 at 08:00 in London. */
    static final Instant BEFORE = Instant.parse("2026-12-03T08:00:00Z");
    static final Instant ON_THE_DAY = Instant.parse("2026-12-10T08:00:00Z");

    @TempDir
    Path dir;
    RunningBot bot;
    TeamsChat chat;

    void start(Map<String, String> env) throws Exception {
        bot = RunningBot.start(dir, env);
        chat = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:bcb-chat@thread.v2", TENANT,
                "Business Coordination Board");
        bot.connector.roster(chat.conversationId(), SECRETARY, CHAIR, JON, JANE);
        assertTrue(say(SECRETARY, "secretary @Claire Dunmore", SECRETARY).contains("is now the secretary"));
        assertTrue(say(SECRETARY, "chair @Helen Marsh", CHAIR).contains("is now the chair"));
        say(JON, "my actions");
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
    }

    String say(Member from, String text, Member... mentioned) throws Exception {
        int before = bot.connector.sentTo(chat.conversationId()).size();
        HttpResponse<String> response = bot.client.post(chat.message(from, text, mentioned));
        assertEquals(202, response.statusCode(), response.body());
        List<FakeConnector.Sent> sent = bot.connector.awaitSent(chat.conversationId(), before + 1,
                Duration.ofSeconds(5));
        assertTrue(sent.size() > before, "BoardClerk answered \"" + text + "\"");
        return sent.get(before).text();
    }

    List<FakeConnector.Sent> cardsTo(Member member) {
        return bot.connector.sentTo(FakeConnector.personalConversationId(member.id()));
    }

    List<List<String>> personalConversations() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + bot.database);
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT tenant_id, user_key, conversation_id, service_url FROM "
                     + "personal_conversations ORDER BY user_key")) {
            while (rs.next()) {
                rows.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return rows;
    }

    @Test
    void theOwnerGetsTheCardInAPersonalChatCreatedOnceAndKeptAcrossARestart() throws Exception {
        start(Map.of());
        assertTrue(say(SECRETARY, "action Bring the estates report owner: Jon Leigh due: 10/12/2026")
                .contains("Action **1.0** recorded"));

        bot.clock.set(BEFORE.minusSeconds(1));
        assertEquals(0, bot.server().sweepReminders(), "not yet due");
        bot.clock.set(BEFORE);
        assertEquals(1, bot.server().sweepReminders());

        assertEquals(1, bot.connector.created().size());
        JsonNode create = bot.connector.created().get(0).body();
        assertEquals("29:jon", create.path("members").path(0).path("id").asText());
        assertEquals(TENANT, create.path("tenantId").asText());
        assertEquals(TENANT, create.path("channelData").path("tenant").path("id").asText());
        String conversation = FakeConnector.personalConversationId("29:jon");
        assertEquals(List.of(List.of(TENANT, "29:jon", conversation, bot.connector.serviceUrl())),
                personalConversations(), "the conversation reference is in the database");

        List<FakeConnector.Sent> cards = cardsTo(JON);
        assertEquals(1, cards.size());
        JsonNode card = cards.get(0).card();
        assertNotNull(card);
        String json = card.toString();
        assertTrue(json.contains("Business Coordination Board"), json);
        assertTrue(json.contains("Action 1.0 is due in 7 days, on Thursday 10/12/2026."), json);
        assertTrue(json.contains("Bring the estates report"), json);
        assertTrue(json.contains("\"verb\":\"" + Card.Verbs.SNOOZE + "\""), json);
        assertEquals(0, bot.server().sweepReminders(), "sent once, never again");

        bot.restart();
        bot.clock.set(ON_THE_DAY);
        assertEquals(1, bot.server().sweepReminders());
        assertEquals(1, bot.connector.created().size(), "no second create after the restart: the chat was kept");
        assertEquals(2, cardsTo(JON).size());
        assertTrue(cardsTo(JON).get(1).card().toString().contains("Action 1.0 is due today."));
    }

    @Test
    void someoneWhoWroteToTheBotInPersonalIsRemindedInThatChatWithoutCreatingOne() throws Exception {
        start(Map.of());
        TeamsChat personal = TeamsChat.personal(bot.connector.serviceUrl(), "a:jane-own-chat", TENANT);
        HttpResponse<String> hello = bot.client.post(personal.message(JANE, "my actions"));
        assertEquals(202, hello.statusCode(), hello.body());
        bot.connector.awaitSent("a:jane-own-chat", 1, Duration.ofSeconds(5));
        assertEquals(List.of(List.of(TENANT, "29:jane", "a:jane-own-chat", bot.connector.serviceUrl()),
                List.of(TENANT, "aad-jane", "a:jane-own-chat", bot.connector.serviceUrl())), personalConversations(),
                "kept under the Teams id and the Entra object id");

        say(SECRETARY, "action Survey the custody suites owner: Jane Gifford due: 10/12/2026");
        bot.clock.set(BEFORE);
        assertEquals(1, bot.server().sweepReminders());

        assertEquals(0, bot.connector.created().size());
        List<FakeConnector.Sent> inHerChat = bot.connector.sentTo("a:jane-own-chat");
        assertEquals(2, inHerChat.size(), "her answer to 'my actions', then the reminder");
        assertTrue(inHerChat.get(1).card().toString().contains("Survey the custody suites"));
    }

    @Test
    void installingTheAppPersonallyKeepsThePersonalChat() throws Exception {
        start(Map.of());
        TeamsChat personal = TeamsChat.personal(bot.connector.serviceUrl(), "a:jon-installed", TENANT);
        HttpResponse<String> installed = bot.client.post(personal.membersAdded(JON, TeamsChat.BOT_ID));
        assertTrue(installed.statusCode() / 100 == 2, installed.body());
        assertEquals(List.of(List.of(TENANT, "29:jon", "a:jon-installed", bot.connector.serviceUrl()),
                List.of(TENANT, "aad-jon", "a:jon-installed", bot.connector.serviceUrl())), personalConversations());

        say(SECRETARY, "action Bring the estates report owner: Jon Leigh due: 10/12/2026");
        bot.clock.set(BEFORE);
        assertEquals(1, bot.server().sweepReminders());
        assertEquals(0, bot.connector.created().size());
        assertEquals(1, bot.connector.sentTo("a:jon-installed").size());
    }

    @Test
    void a429IsTriedAgainNotBeforeRetryAfter() throws Exception {
        start(Map.of());
        say(SECRETARY, "action Bring the estates report owner: Jon Leigh due: 10/12/2026");
        AtomicInteger throttles = new AtomicInteger(1);
        bot.connector.script(request -> request.conversationId() != null && throttles.getAndDecrement() > 0
                ? Canned.throttled("600") : null);

        bot.clock.set(BEFORE);
        bot.server().sweepReminders();
        assertEquals(0, cardsTo(JON).size());
        int requests = bot.connector.proactive().size();

        bot.clock.set(BEFORE.plusSeconds(599));
        assertEquals(0, bot.server().sweepReminders(), "not before Retry-After");
        assertEquals(requests, bot.connector.proactive().size());
        bot.clock.set(BEFORE.plusSeconds(600));
        assertEquals(1, bot.server().sweepReminders());
        assertEquals(1, cardsTo(JON).size());
    }

    @Test
    void a5xxThenSuccessSendsOnce() throws Exception {
        start(Map.of());
        say(SECRETARY, "action Bring the estates report owner: Jon Leigh due: 10/12/2026");
        AtomicInteger failures = new AtomicInteger(2);
        bot.connector.script(request -> request.conversationId() != null && failures.getAndDecrement() > 0
                ? Canned.status(502) : null);

        bot.clock.set(BEFORE);
        bot.server().sweepReminders();
        bot.clock.set(BEFORE.plus(Duration.ofMinutes(2)));
        bot.server().sweepReminders();
        bot.clock.set(BEFORE.plus(Duration.ofMinutes(10)));
        bot.server().sweepReminders();
        bot.clock.set(BEFORE.plus(Duration.ofHours(1)));
        bot.server().sweepReminders();

        assertEquals(3, bot.connector.proactive().stream().filter(p -> p.conversationId() != null).count(),
                "two failures, one success");
        assertEquals(1, cardsTo(JON).size());
        assertTrue(say(SECRETARY, "reminders status").contains("Sent in the last 7 days: 1"));
    }

    @Test
    void a5xxEveryTimeIsDeadLetteredAndListedInRemindersStatus() throws Exception {
        start(Map.of("BOARDCLERK_REMINDER_TRIES", "3"));
        say(SECRETARY, "action Bring the estates report owner: Jon Leigh due: 10/12/2026");
        bot.connector.script(request -> request.conversationId() != null ? Canned.status(500) : null);

        for (int minutes : new int[]{0, 2, 10, 60, 120}) {
            bot.clock.set(BEFORE.plus(Duration.ofMinutes(minutes)));
            bot.server().sweepReminders();
        }

        assertEquals(3, bot.connector.proactive().stream().filter(p -> p.conversationId() != null).count(),
                "three tries, then no more");
        String status = say(SECRETARY, "reminders status");
        assertTrue(status.contains("Gave up after the last try") && status.contains("Jon Leigh")
                && status.contains("HTTP 500"), status);
    }

    @Test
    void aConnectorThatDoesNotAnswerIsTriedAgainLater() throws Exception {
        start(Map.of("BOARDCLERK_REMINDER_TIMEOUT_SECONDS", "1"));
        say(SECRETARY, "action Bring the estates report owner: Jon Leigh due: 10/12/2026");
        AtomicInteger hangs = new AtomicInteger(1);
        bot.connector.script(request -> request.conversationId() != null && hangs.getAndDecrement() > 0
                ? Canned.noAnswer() : null);

        bot.clock.set(BEFORE);
        bot.server().sweepReminders();
        assertEquals(0, cardsTo(JON).size());
        bot.clock.set(BEFORE.plus(Duration.ofMinutes(2)));
        assertEquals(1, bot.server().sweepReminders());
        assertEquals(1, cardsTo(JON).size());
    }

    @Test
    void a403IsUndeliverableAndTheSecretarySeesWhy() throws Exception {
        start(Map.of());
        say(SECRETARY, "action Bring the estates report owner: Jon Leigh due: 10/12/2026");
        bot.connector.script(request -> request.conversationId() == null ? Canned.status(403) : null);

        bot.clock.set(BEFORE);
        bot.server().sweepReminders();
        bot.clock.set(BEFORE.plus(Duration.ofHours(2)));
        assertEquals(0, bot.server().sweepReminders(), "not tried again");

        assertEquals(1, bot.connector.proactive().size());
        String status = say(SECRETARY, "reminders status");
        assertTrue(status.contains("Could not be delivered") && status.contains("Jon Leigh")
                && status.contains("HTTP 403"), status);
    }

    /** Posts a press on the delivered card from Jon's personal chat; returns the invoke response's body. */
    JsonNode press(String verb, ObjectNode data) throws Exception {
        TeamsChat personal = TeamsChat.personal(bot.connector.serviceUrl(),
                FakeConnector.personalConversationId(JON.id()), TENANT);
        HttpResponse<String> response = bot.client.post(personal.cardAction(JON, verb, data));
        assertEquals(200, response.statusCode(), response.body());
        return new ObjectMapper().readTree(response.body());
    }

    @Test
    void pressesOnTheDeliveredCardAreRecordedAndToldToTheBoard() throws Exception {
        start(Map.of());
        say(SECRETARY, "action Bring the estates report owner: Jon Leigh due: 10/12/2026");
        say(SECRETARY, "action Review the fleet owner: Jon Leigh due: 10/12/2026");
        bot.clock.set(BEFORE);
        assertEquals(2, bot.server().sweepReminders());
        JsonNode card = cardsTo(JON).get(0).card();
        long board = find(card, Card.Verbs.UPDATE).path("data").path(Card.Verbs.BOARD).asLong();
        int version = find(card, Card.Verbs.UPDATE).path("data").path(Card.Verbs.VERSION).asInt();
        int number = find(card, Card.Verbs.UPDATE).path("data").path(Card.Verbs.NUMBER).asInt();
        int told = bot.connector.sentTo(chat.conversationId()).size();
        int personalBefore = cardsTo(JON).size();

        JsonNode update = press(Card.Verbs.UPDATE, TeamsChat.data().put("board", board).put("number", number)
                .put("version", version).put("text-" + number, "Draft circulated to members."));
        assertEquals(200, update.path("statusCode").asInt(), update.toString());
        assertEquals("application/vnd.microsoft.card.adaptive", update.path("type").asText(), update.toString());
        List<FakeConnector.Sent> board1 = bot.connector.awaitSent(chat.conversationId(), told + 1,
                Duration.ofSeconds(5));
        assertTrue(board1.size() > told, "the board's chat is told");
        assertTrue(board1.get(told).text().contains("Draft circulated to members."), board1.get(told).text());
        assertEquals(personalBefore, cardsTo(JON).size(), "nothing announced in the personal chat");

        JsonNode done = press(Card.Verbs.DONE, TeamsChat.data().put("board", board).put("number", number)
                .put("version", version + 1));
        assertEquals(200, done.path("statusCode").asInt(), done.toString());
        assertEquals(told + 2, bot.connector.awaitSent(chat.conversationId(), told + 2, Duration.ofSeconds(5))
                .size());

        JsonNode second = find(cardsTo(JON).get(1).card(), Card.Verbs.MORE_TIME).path("data");
        int other = second.path(Card.Verbs.NUMBER).asInt();
        JsonNode moreTime = press(Card.Verbs.MORE_TIME, TeamsChat.data().put("board", board).put("number", other)
                .put("version", second.path(Card.Verbs.VERSION).asInt()).put("target-" + other, "28/02/2027"));
        assertEquals(200, moreTime.path("statusCode").asInt(), moreTime.toString());
        assertEquals(told + 3, bot.connector.awaitSent(chat.conversationId(), told + 3, Duration.ofSeconds(5))
                .size());
        assertTrue(bot.connector.sentTo(chat.conversationId()).get(told + 2).text().contains("28/02/2027"));

        JsonNode snooze = press(Card.Verbs.SNOOZE, TeamsChat.data().put("board", board).put("number", other)
                .put("days-" + other, "2"));
        assertEquals(200, snooze.path("statusCode").asInt(), snooze.toString());
        assertEquals(List.of("SNOOZE@2026-12-07T08:00:00Z"), snoozes(), "two working days from Thursday");
        for (JsonNode answer : List.of(update, done, moreTime, snooze)) {
            assertEquals("application/vnd.microsoft.card.adaptive", answer.path("type").asText(), answer.toString());
            assertTrue(!answer.toString().contains("⚠"), "no refusal: " + answer);
        }

        JsonNode exported = new ObjectMapper().readTree(bot.client.get("/api/boards/" + board + "/export").body());
        JsonNode actions = exported.path("boards").get(0).path("actions");
        assertEquals("complete", actions.get(0).path("status").asText(), actions.toString());
        assertTrue(actions.get(0).toString().contains("Draft circulated to members."), actions.toString());
    }

    List<String> snoozes() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + bot.database);
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT kind, due_at FROM reminders WHERE kind = 'SNOOZE'")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "@" + rs.getString(2));
            }
        }
        return rows;
    }

    private static JsonNode find(JsonNode node, String verb) {
        if (node.isObject() && verb.equals(node.path("verb").asText())) {
            return node;
        }
        for (JsonNode child : node) {
            JsonNode found = find(child, verb);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
