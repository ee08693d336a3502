package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.boardclerk.bot.reminders.RateLimiter;
import io.boardclerk.bot.reminders.ReminderDispatcher;
import io.boardclerk.bot.reminders.RetryPolicy;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Canned;
import io.boardclerk.bot.support.MemoryOutbox;
import io.boardclerk.bot.support.MemoryOutbox.Delivery;
import io.boardclerk.bot.support.TestClock;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.reminder.Recipient;
import io.boardclerk.core.reminder.ReminderKind;
import io.boardclerk.core.reminder.ReminderMessage;
import io.boardclerk.core.view.ActionRow;
import io.boardclerk.graph.GraphMailer;
import io.boardclerk.graph.GraphSettings;
import io.boardclerk.graph.fake.FakeMailGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The e-mail fallback between the dispatcher and the personal messenger: the real connector client against the fake
 * Bot Connector, the real Graph SDK against a fake Graph, over an in-memory outbox. Digests and escalations are
 * deliveries like any other; someone with no Entra object id is never looked for; a send that may have gone is not
 * sent again.
 */
class MailFallbackTest {

    static final String TENANT = "tenant-fenshire";
    static final String FROM = "boardclerk@fenshire.gov.uk";
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final String BOARD = "Fenshire Police and Crime Panel";
    static final ObjectMapper JSON = new ObjectMapper();

    FakeConnector connector;
    FakeMailGraph graph;
    MemoryOutbox outbox;
    TestClock clock;

    @BeforeEach
    void start() throws Exception {
        connector = new FakeConnector();
        graph = new FakeMailGraph().mailbox(FROM).user("aad-helen", "helen.marsh@fenshire.gov.uk", null);
        outbox = new MemoryOutbox();
        clock = new TestClock(NOW);
        // BoardClerk is installed for nobody: Teams will not open a personal chat.
        connector.script(request -> request.conversationId() == null ? Canned.status(403) : null);
    }

    @AfterEach
    void stop() {
        connector.close();
        graph.close();
    }

    ReminderDispatcher dispatcher(Duration graphTimeout) {
        Connector client = new Connector(Optional.empty(), HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5)).build(), ServiceUrlHosts.parse(connector.hostEntry()));
        PersonalMessenger messenger = new PersonalMessenger(outbox, client,
                new RateLimiter(1000, RateLimiter.Time.SYSTEM), clock, "28:boardclerk", Duration.ofSeconds(5));
        GraphSettings settings = new GraphSettings("app-id", "app-secret", null, null, "", graph.authority(),
                graph.baseUrl(), graphTimeout, 3, 0, Duration.ofSeconds(5), 100, Duration.ofMinutes(5));
        return new ReminderDispatcher(outbox, new MailFallback(messenger, new GraphMailer(settings, FROM)),
                new RetryPolicy(4, Duration.ofMinutes(1), new SplittableRandom(7)), clock, Duration.ofSeconds(60));
    }

    static ReminderMessage message(ReminderKind kind, LocalDate meeting) {
        ActionRow row = new ActionRow(12, 12, LocalDate.of(2026, 9, 10), "5", "Report on the estates strategy",
                "Jon Leigh", "10/12/2026", LocalDate.of(2026, 12, 10), List.of(), ActionStatus.OPEN, 1);
        return new ReminderMessage(kind, 1, BOARD, "These actions are overdue.", List.of(row), meeting);
    }

    String subject(int mail) throws Exception {
        JsonNode body = JSON.readTree(graph.sent().get(mail).body());
        return body.path("Message").path("subject").asText();
    }

    @Test
    void theChairsEscalationIsEmailedLikeAnyOtherReminder() throws Exception {
        Delivery d = outbox.add(TENANT, connector.serviceUrl(), new Recipient(1, "Helen Marsh", "29:helen",
                "aad-helen"), message(ReminderKind.ESCALATION, null), NOW);

        assertEquals(1, dispatcher(Duration.ofSeconds(20)).sweep());

        assertEquals("MAILED", d.state);
        assertTrue(d.error.contains("Helen Marsh") && d.error.contains("HTTP 403"), d.error);
        assertEquals("Overdue actions with no update — " + BOARD, subject(0));
    }

    @Test
    void aDigestIsEmailedWithItsMeeting() throws Exception {
        Delivery d = outbox.add(TENANT, connector.serviceUrl(), new Recipient(1, "Helen Marsh", "29:helen",
                "aad-helen"), message(ReminderKind.DIGEST, LocalDate.of(2026, 12, 10)), NOW);

        dispatcher(Duration.ofSeconds(20)).sweep();

        assertEquals("MAILED", d.state);
        assertEquals("Your actions due at the meeting on Thursday 10 December 2026 — " + BOARD, subject(0));
    }

    @Test
    void someoneWithNoEntraObjectIdIsNotLookedForAndStaysUndeliverable() throws Exception {
        Delivery d = outbox.add(TENANT, connector.serviceUrl(), new Recipient(1, "Vic Evers", "29:vic", null),
                message(ReminderKind.DUE, null), NOW);

        dispatcher(Duration.ofSeconds(20)).sweep();

        assertEquals("UNDELIVERABLE", d.state);
        assertTrue(d.error.contains("HTTP 403"), d.error);
        assertEquals(List.of(), graph.received(), "Graph was not asked");
    }

    @Test
    void someoneTheDirectoryHasNoAddressForIsUndeliverableWithBothReasons() throws Exception {
        graph.user("aad-nina", null, null);
        Delivery d = outbox.add(TENANT, connector.serviceUrl(), new Recipient(1, "Nina Hart", "29:nina", "aad-nina"),
                message(ReminderKind.DUE, null), NOW);

        dispatcher(Duration.ofSeconds(20)).sweep();

        assertEquals("UNDELIVERABLE", d.state);
        assertTrue(d.error.contains("HTTP 403") && d.error.contains("No e-mail either: the directory holds no e-mail "
                + "address for them."), d.error);
    }

    @Test
    void aSendThatTimesOutMayHaveGoneSoItIsDeadLetteredNotSentAgain() throws Exception {
        graph.slowSend(4_000, 202);
        Delivery d = outbox.add(TENANT, connector.serviceUrl(), new Recipient(1, "Helen Marsh", "29:helen",
                "aad-helen"), message(ReminderKind.DUE, null), NOW);
        ReminderDispatcher dispatcher = dispatcher(Duration.ofSeconds(1));

        dispatcher.sweep();
        clock.set(NOW.plus(Duration.ofHours(1)));
        assertEquals(0, dispatcher.sweep(), "not tried again");

        assertEquals("DEAD", d.state);
        assertTrue(d.error.contains("may or may not have gone") && d.error.contains("not tried again"), d.error);
        assertEquals(1, graph.sendAttempts().size());
    }
}
