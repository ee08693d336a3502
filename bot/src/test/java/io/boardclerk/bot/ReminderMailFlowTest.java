package io.boardclerk.bot;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Canned;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.FakeOpenIdProvider;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import io.boardclerk.graph.fake.FakeMailGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.boardclerk.bot.support.People.CHAIR;
import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reminders e-mailed to an owner Teams cannot reach, end to end: actions recorded by chat over HTTP, a fake Bot
 * Connector that answers 403 to opening the owner's personal chat, a fake Graph that reads their address and takes the
 * e-mail, a real SQLite file, the clock moved and the sweep run; then what the secretary sees in
 * {@code reminders status}.
 */
class ReminderMailFlowTest {

    static final String TENANT = "tenant-fenshire";
    static final String APP_ID = "00000000-1111-2222-3333-444444444444";
    static final String FROM = "boardclerk@fenshire.gov.uk";
    /** Default policy: 7 days before a target of Thursday 10/12/2026 is Thursday 03/12 at 08:00 in London. */
    static final Instant BEFORE = Instant.parse("2026-12-03T08:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    FakeMailGraph graph;
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

    void start(Map<String, String> more) throws Exception {
        graph = new FakeMailGraph().mailbox(FROM).user(JON.aadObjectId(), "jon.leigh@fenshire.gov.uk",
                "jleigh@fenshire.onmicrosoft.com");
        openId = new FakeOpenIdProvider();
        Map<String, String> env = new HashMap<>(Map.of("MicrosoftAppId", APP_ID, "MicrosoftAppPassword",
                "s3cret-value", "MicrosoftAppTenantId", TENANT, "BOARDCLERK_BOT_OPENID_METADATA", openId.metadataUrl(),
                "BOARDCLERK_LOGIN_AUTHORITY", graph.authority(), "BOARDCLERK_GRAPH", "",
                "BOARDCLERK_GRAPH_BASE_URL", graph.baseUrl()));
        env.putAll(more);
        bot = RunningBot.start(dir, env);
        chat = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:bcb-chat@thread.v2", TENANT,
                "Business Coordination Board");
        bot.connector.roster(chat.conversationId(), SECRETARY, CHAIR, JON);
        assertTrue(say(SECRETARY, "secretary @Claire Dunmore", SECRETARY).contains("is now the secretary"));
        assertTrue(say(SECRETARY, "chair @Helen Marsh", CHAIR).contains("is now the chair"));
        say(JON, "my actions");
        // Teams will not open a personal chat with anyone: BoardClerk is not installed for them.
        bot.connector.script(request -> request.conversationId() == null ? Canned.status(403) : null);
    }

    String say(Member from, String text, Member... mentioned) throws Exception {
        int before = bot.connector.sentTo(chat.conversationId()).size();
        HttpResponse<String> response = bot.client.post(chat.message(from, text, mentioned).toString(),
                openId.bearer(APP_ID, bot.connector.serviceUrl()));
        assertEquals(202, response.statusCode(), response.body());
        List<FakeConnector.Sent> sent = bot.connector.awaitSent(chat.conversationId(), before + 1,
                Duration.ofSeconds(5));
        assertTrue(sent.size() > before, "BoardClerk answered \"" + text + "\"");
        return sent.get(before).text();
    }

    interface Work {
        void run() throws Exception;
    }

    /** Every line logged (by anyone, at any level Logback passes) while {@code work} runs. */
    static List<String> logged(Work work) throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        try {
            work.run();
        } finally {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        }
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    String deliveries() throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + bot.database);
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT recipient, state FROM reminder_deliveries ORDER BY id")) {
            while (rs.next()) {
                out.append(rs.getString(1)).append(':').append(rs.getString(2)).append(' ');
            }
        }
        return out.toString().strip();
    }

    @Test
    void anOwnerTeamsCannotReachIsEmailedOnceAndTheSecretarySeesIt() throws Exception {
        start(Map.of("BOARDCLERK_MAIL_FROM", FROM));
        assertTrue(say(SECRETARY, "action Bring the <script>alert(1)</script> estates & works report owner: Jon Leigh"
                + " due: 10/12/2026").contains("Action **1.0** recorded"));

        bot.clock.set(BEFORE);
        List<String> logged = logged(() -> assertEquals(1, bot.server().sweepReminders()));

        assertTrue(logged.stream().anyMatch(line -> line.equals("Reminder delivery 1 e-mailed: not reachable in Teams")),
                String.join("\n", logged));
        assertTrue(logged.stream().noneMatch(line -> line.contains("jon.leigh") || line.contains("Jon Leigh")
                || line.contains("estates")), "an address, a name or the text is personal data: "
                + String.join("\n", logged));
        assertEquals(1, bot.connector.proactive().size(), "Teams was asked first, and refused");
        assertEquals(1, graph.sent().size(), "exactly one e-mail");
        FakeMailGraph.Mail mail = graph.sent().get(0);
        assertEquals(FROM, mail.from());
        JsonNode message = JSON.readTree(mail.body()).path("Message");
        assertEquals("Action 1 is due on Thursday 10 December 2026 — Business Coordination Board",
                message.path("subject").asText());
        assertEquals("jon.leigh@fenshire.gov.uk", message.path("toRecipients").path(0).path("emailAddress")
                .path("address").asText());
        String html = message.path("body").path("content").asText();
        assertTrue(html.contains("Bring the &lt;script&gt;alert(1)&lt;/script&gt; estates &amp; works report"), html);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("<code>done 1</code>") && html.contains("<code>update 1 "), html);
        assertEquals("Bearer " + FakeMailGraph.TOKEN, graph.sendAttempts().get(0).authorization());
        assertEquals("Jon Leigh:MAILED", deliveries());

        bot.clock.set(BEFORE.plus(Duration.ofHours(2)));
        assertEquals(0, bot.server().sweepReminders(), "a second sweep sends nothing more");
        assertEquals(1, graph.sendAttempts().size());

        String status = say(SECRETARY, "reminders status");
        assertTrue(status.contains("**E-mailed instead: not reachable in Teams** (1)\n- Jon Leigh, before the target"
                + " of action 1.0: Teams would not let BoardClerk open a personal chat with Jon Leigh (HTTP 403)"),
                status);
        assertTrue(status.contains("E-mail fallback is on"), status);
        assertFalse(status.contains("Could not be delivered") || status.contains("fenshire.gov.uk"), status);
    }

    @Test
    void withEmailOffTheOwnerStaysUndeliverableAsBefore() throws Exception {
        start(Map.of());
        say(SECRETARY, "action Bring the estates report owner: Jon Leigh due: 10/12/2026");

        bot.clock.set(BEFORE);
        bot.server().sweepReminders();
        bot.clock.set(BEFORE.plus(Duration.ofHours(2)));
        assertEquals(0, bot.server().sweepReminders(), "not tried again");

        assertEquals(List.of(), graph.sendAttempts());
        assertEquals("Jon Leigh:UNDELIVERABLE", deliveries());
        String status = say(SECRETARY, "reminders status");
        assertTrue(status.contains("**Could not be delivered** (1)\n- Jon Leigh") && status.contains("HTTP 403"),
                status);
        assertTrue(status.contains("E-mail fallback is off") && status.contains("BOARDCLERK_MAIL_FROM"), status);
    }

    @Test
    void aRefusedEmailLeavesItUndeliverableWithBothReasons() throws Exception {
        start(Map.of("BOARDCLERK_MAIL_FROM", FROM));
        say(SECRETARY, "action Bring the estates report owner: Jon Leigh due: 10/12/2026");
        graph.failSend(403, Map.of(), "{\"error\":{\"code\":\"ErrorAccessDenied\",\"message\":\"Access to OData is "
                + "disabled.\"}}");

        bot.clock.set(BEFORE);
        bot.server().sweepReminders();

        assertEquals("Jon Leigh:UNDELIVERABLE", deliveries());
        String status = say(SECRETARY, "reminders status");
        assertTrue(status.contains("**Could not be delivered** (1)\n- Jon Leigh") && status.contains("(HTTP 403)")
                && status.contains("E-mail refused") && status.contains("Mail.Send"), status);
    }

    @Test
    void aBusyGraphIsTriedAgainLaterAndThenEmailsOnce() throws Exception {
        start(Map.of("BOARDCLERK_MAIL_FROM", FROM, "BOARDCLERK_REMINDER_TRIES", "3"));
        say(SECRETARY, "action Bring the estates report owner: Jon Leigh due: 10/12/2026");
        // Graph busy on the first try and all three retries, each time asking to be tried again at once (the
        // back-off between the SDK's tries, in real seconds here, is tested in graph-integration with its waits
        // recorded): the reminder itself is tried again at a later sweep.
        for (int i = 0; i < 4; i++) {
            graph.failLookup(429, Map.of("Retry-After", "0"), "");
            graph.failSend(429, Map.of("Retry-After", "0"), "");
        }

        bot.clock.set(BEFORE);
        bot.server().sweepReminders();
        assertEquals("Jon Leigh:RETRY", deliveries(), "Graph busy reading the address: nothing sent, tried again later");
        bot.clock.set(BEFORE.plus(Duration.ofMinutes(5)));
        bot.server().sweepReminders();
        assertEquals("Jon Leigh:RETRY", deliveries(), "Graph busy after the SDK's retries: tried again later");
        assertEquals(0, graph.sent().size());

        bot.clock.set(BEFORE.plus(Duration.ofMinutes(30)));
        assertEquals(1, bot.server().sweepReminders());
        assertEquals(1, graph.sent().size());
        assertEquals("Jon Leigh:MAILED", deliveries());
    }

    @Test
    void aBoardEmailsAtMostItsDailyCapAndTheRestWaitForTheNextWorkingDay() throws Exception {
        start(Map.of("BOARDCLERK_MAIL_FROM", FROM, "BOARDCLERK_REMINDER_DAILY_CAP", "1"));
        say(SECRETARY, "action Bring the estates report owner: Jon Leigh due: 10/12/2026");
        say(SECRETARY, "action Bring the fleet report owner: Jon Leigh due: 10/12/2026");

        bot.clock.set(BEFORE);
        assertEquals(1, bot.server().sweepReminders());
        bot.clock.set(BEFORE.plus(Duration.ofHours(3)));
        assertEquals(0, bot.server().sweepReminders(), "the board's one for the day has gone");
        assertEquals(1, graph.sent().size(), "one e-mail on Thursday");
        assertEquals("Jon Leigh:MAILED Jon Leigh:RETRY", deliveries());
        String status = say(SECRETARY, "reminders status");
        assertTrue(status.contains("**Waiting to go** (1)\n- Jon Leigh, before the target of action 2.0: waiting:"
                + " the board's limit of 1 reminder a day was reached; it goes on 04/12/2026 from 08:00"), status);

        bot.clock.set(Instant.parse("2026-12-04T08:00:00Z"));
        assertEquals(1, bot.server().sweepReminders());
        assertEquals(2, graph.sent().size(), "the other on Friday");
        assertEquals("Jon Leigh:MAILED Jon Leigh:MAILED", deliveries());
    }

    @Test
    void anOwnerWhoHasLeftTheBoardsChatIsNeitherRemindedNorEmailed() throws Exception {
        start(Map.of("BOARDCLERK_MAIL_FROM", FROM));
        say(SECRETARY, "action Bring the estates report owner: Jon Leigh due: 10/12/2026");
        bot.connector.roster(chat.conversationId(), SECRETARY, CHAIR);
        var removed = chat.membersAdded();
        removed.remove("membersAdded");
        removed.putArray("membersRemoved").addObject().put("id", JON.id());
        ((com.fasterxml.jackson.databind.node.ObjectNode) removed.get("channelData")).put("eventType", "membersRemoved");
        // Teams says Jon left; BoardClerk reads the roster again.
        assertEquals(202, bot.client.post(removed.toString(), openId.bearer(APP_ID, bot.connector.serviceUrl()))
                .statusCode());

        bot.clock.set(BEFORE);
        assertEquals(0, bot.server().sweepReminders());
        assertEquals(List.of(), graph.sendAttempts(), "no e-mail");
        assertEquals(0, bot.connector.proactive().size(), "no personal chat asked for");
        assertEquals("Jon Leigh:UNDELIVERABLE", deliveries());
        assertTrue(say(SECRETARY, "reminders status").contains("not in the board's chat any more"));
    }
}
