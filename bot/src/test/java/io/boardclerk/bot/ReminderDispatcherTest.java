package io.boardclerk.bot;

import io.boardclerk.bot.reminders.RateLimiter;
import io.boardclerk.bot.reminders.ReminderDispatcher;
import io.boardclerk.bot.reminders.RetryPolicy;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Canned;
import io.boardclerk.bot.support.MemoryOutbox;
import io.boardclerk.bot.support.MemoryOutbox.Delivery;
import io.boardclerk.bot.support.TestClock;
import io.boardclerk.core.reminder.Outgoing;
import io.boardclerk.core.reminder.PersonalConversation;
import io.boardclerk.core.reminder.Recipient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dispatcher's outcomes, through the real connector client and personal messenger against the fake Bot Connector
 * on loopback, over an in-memory outbox (the end-to-end tests use the SQLite one): sent and the conversation kept,
 * 429 with Retry-After, 5xx then success, 5xx until dead-lettered, a connector that does not answer, 403 and 404, and
 * the rate kept in every second of a large sweep.
 */
class ReminderDispatcherTest {

    static final String TENANT = "tenant-fenshire";
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    FakeConnector connector;
    MemoryOutbox outbox;
    TestClock clock;

    @BeforeEach
    void start() throws Exception {
        connector = new FakeConnector();
        outbox = new MemoryOutbox();
        clock = new TestClock(NOW);
    }

    @AfterEach
    void stop() {
        connector.close();
    }

    ReminderDispatcher dispatcher(int tenantRate, int maxTries, Duration timeout) {
        Connector client = new Connector(Optional.empty(), HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5)).build(), ServiceUrlHosts.parse(connector.hostEntry()));
        PersonalMessenger messenger = new PersonalMessenger(outbox, client,
                new RateLimiter(tenantRate, RateLimiter.Time.SYSTEM), clock, "28:boardclerk", timeout);
        return new ReminderDispatcher(outbox, messenger, new RetryPolicy(maxTries, Duration.ofMinutes(1),
                new SplittableRandom(7)), clock, Duration.ofSeconds(60));
    }

    ReminderDispatcher dispatcher() {
        return dispatcher(1000, 4, Duration.ofSeconds(5));
    }

    static Recipient person(int i) {
        return new Recipient(i, "Owner " + i, "29:owner-" + i, "aad-owner-" + i);
    }

    Delivery due(Recipient recipient, int action) {
        return outbox.add(TENANT, connector.serviceUrl(), recipient, action, NOW);
    }

    @Test
    void createsThePersonalChatOnceKeepsItAndSendsTheCardThere() throws Exception {
        Delivery first = due(person(1), 12);
        Delivery second = due(person(1), 13);

        assertEquals(2, dispatcher().sweep());

        assertEquals(1, connector.created().size(), "one conversation for one person");
        var create = connector.created().get(0).body();
        assertEquals("28:boardclerk", create.path("bot").path("id").asText());
        assertEquals("29:owner-1", create.path("members").path(0).path("id").asText());
        assertEquals(TENANT, create.path("channelData").path("tenant").path("id").asText());
        assertEquals(TENANT, create.path("tenantId").asText());
        assertFalse(create.path("isGroup").asBoolean(true));
        String conversation = FakeConnector.personalConversationId("29:owner-1");
        PersonalConversation kept = outbox.personalConversation(TENANT, "29:owner-1").orElseThrow();
        assertEquals(conversation, kept.conversationId());
        assertEquals(connector.serviceUrl(), kept.serviceUrl());

        List<FakeConnector.Sent> cards = connector.sentTo(conversation);
        assertEquals(2, cards.size());
        assertNotNull(cards.get(0).card(), "an Adaptive Card");
        assertTrue(cards.get(0).card().toString().contains("Action 12.0"), cards.get(0).card().toString());
        for (Delivery d : List.of(first, second)) {
            assertEquals("SENT", d.state);
            assertEquals(conversation, d.conversationId);
            assertTrue(d.messageId.startsWith("reply-"), d.messageId);
        }
    }

    @Test
    void outsideLocalModeEveryRequestCarriesTheBotsToken() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Connector signed = new Connector(Optional.of(new ClientCredentialsAppCredentials("app-id", "app-secret", "",
                connector.authority(), "https://api.botframework.com/.default", http, clock)), http,
                ServiceUrlHosts.parse(connector.hostEntry()));
        PersonalMessenger messenger = new PersonalMessenger(outbox, signed,
                new RateLimiter(50, RateLimiter.Time.SYSTEM), clock, "28:app-id", Duration.ofSeconds(5));
        ReminderDispatcher dispatcher = new ReminderDispatcher(outbox, messenger, new RetryPolicy(3,
                Duration.ofMinutes(1), new SplittableRandom(7)), clock, Duration.ofSeconds(60));
        due(person(1), 1);

        dispatcher.sweep();

        assertEquals(2, connector.proactive().size());
        for (FakeConnector.Proactive request : connector.proactive()) {
            assertEquals("Bearer " + FakeConnector.BOT_TOKEN, request.authorization(), request.path());
        }
        assertEquals("28:app-id", connector.created().get(0).body().path("bot").path("id").asText());
    }

    @Test
    void aChatKeptUnderTheEntraObjectIdIsUsedWithoutCreatingOne() throws Exception {
        outbox.savePersonalConversation(new PersonalConversation(TENANT, "aad-owner-2", "a:known-chat",
                connector.serviceUrl(), NOW));
        Delivery d = due(person(2), 5);

        dispatcher().sweep();

        assertEquals(0, connector.created().size());
        assertEquals("SENT", d.state);
        assertEquals("a:known-chat", d.conversationId);
    }

    @Test
    void a429IsTriedAgainNoEarlierThanRetryAfterAndPausesTheTenant() throws Exception {
        AtomicInteger throttles = new AtomicInteger(1);
        connector.script(request -> request.conversationId() != null && throttles.getAndDecrement() > 0
                ? Canned.throttled("120") : null);
        Delivery throttled = due(person(1), 1);
        Delivery waiting = due(person(2), 2);
        ReminderDispatcher dispatcher = dispatcher();

        dispatcher.sweep();

        assertEquals("RETRY", throttled.state);
        assertEquals(NOW.plusSeconds(120), throttled.nextAt, "Retry-After honoured to the second");
        assertTrue(throttled.error.contains("429"), throttled.error);
        assertEquals("RETRY", waiting.state, "the tenant's other deliveries wait for the pause too");
        assertEquals(NOW.plusSeconds(120), waiting.nextAt);
        assertEquals(1, throttled.attempts, "the throttled one was tried");
        assertEquals(0, waiting.attempts, "waiting its turn is not a try: a long throttle never dead-letters it");
        assertEquals(1, connector.proactive().stream().filter(p -> p.conversationId() != null).count(),
                "nothing more was sent to the tenant after the 429");

        clock.advance(Duration.ofSeconds(119));
        assertEquals(0, dispatcher.sweep(), "not before Retry-After");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(2, dispatcher.sweep());
        assertEquals("SENT", throttled.state);
        assertEquals("SENT", waiting.state);
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() throws Exception {
        Instant at = NOW.plusSeconds(300);
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(at, ZoneOffset.UTC));
        AtomicInteger throttles = new AtomicInteger(1);
        connector.script(request -> throttles.getAndDecrement() > 0 ? Canned.throttled(date) : null);
        Delivery d = due(person(1), 1);

        dispatcher().sweep();

        assertEquals("RETRY", d.state);
        assertEquals(at, d.nextAt);
    }

    @Test
    void a5xxIsTriedAgainAfterABackOffWithJitterThenSucceeds() throws Exception {
        AtomicInteger failures = new AtomicInteger(1);
        connector.script(request -> request.conversationId() != null && failures.getAndDecrement() > 0
                ? Canned.status(503) : null);
        Delivery d = due(person(1), 1);
        ReminderDispatcher dispatcher = dispatcher();

        dispatcher.sweep();

        assertEquals("RETRY", d.state);
        assertEquals(1, d.attempts);
        assertTrue(d.error.contains("HTTP 503"), d.error);
        long wait = Duration.between(NOW, d.nextAt).toSeconds();
        assertTrue(wait >= 48 && wait <= 72, "about a minute, give or take a fifth: " + wait);
        assertEquals(0, dispatcher.sweep(), "not before the back-off");

        clock.set(d.nextAt);
        dispatcher.sweep();
        assertEquals("SENT", d.state);
        assertEquals(1, connector.created().size(), "the chat created on the failed try was kept and reused");
    }

    @Test
    void a5xxEveryTimeIsDeadLetteredAfterTheLastTryWithGrowingWaits() throws Exception {
        connector.script(request -> request.conversationId() != null ? Canned.status(500) : null);
        Delivery d = due(person(1), 1);
        ReminderDispatcher dispatcher = dispatcher(1000, 4, Duration.ofSeconds(5));

        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 10 && !d.state.equals("DEAD"); i++) {
            Instant before = clock.instant();
            dispatcher.sweep();
            if (d.state.equals("RETRY")) {
                waits.add(Duration.between(before, d.nextAt).toSeconds());
                clock.set(d.nextAt);
            }
        }

        assertEquals("DEAD", d.state);
        assertTrue(d.error.contains("gave up after 4 tries"), d.error);
        assertEquals(4, connector.proactive().stream().filter(p -> p.conversationId() != null).count(),
                "four tries in all, then no more");
        assertEquals(3, waits.size());
        assertTrue(waits.get(0) >= 48 && waits.get(0) <= 72, waits.toString());
        assertTrue(waits.get(1) >= 96 && waits.get(1) <= 144, waits.toString());
        assertTrue(waits.get(2) >= 192 && waits.get(2) <= 288, waits.toString());
        clock.advance(Duration.ofDays(1));
        assertEquals(0, dispatcher.sweep(), "a dead letter is not tried again");
    }

    @Test
    void aConnectorThatDoesNotAnswerIsATimeoutTriedAgainLater() throws Exception {
        connector.script(request -> request.conversationId() != null ? Canned.noAnswer() : null);
        Delivery d = due(person(1), 1);

        dispatcher(1000, 4, Duration.ofSeconds(1)).sweep();

        assertEquals("RETRY", d.state);
        assertTrue(d.error.contains("did not answer within 1 s"), d.error);
    }

    @Test
    void a403WhenCreatingTheChatIsUndeliverableWithTheReasonInWords() throws Exception {
        connector.script(request -> request.conversationId() == null ? Canned.status(403) : null);
        Delivery d = due(person(1), 1);

        dispatcher().sweep();

        assertEquals("UNDELIVERABLE", d.state);
        assertTrue(d.error.contains("Owner 1") && d.error.contains("HTTP 403")
                && d.error.contains("not be installed for them"), d.error);
        assertTrue(outbox.personalConversation(TENANT, "29:owner-1").isEmpty(), "no chat kept");
    }

    @Test
    void aKeptChatThatIsGoneIsOpenedAfreshOnceAndTheReminderPostedThere() throws Exception {
        outbox.savePersonalConversation(new PersonalConversation(TENANT, "29:owner-1", "a:stale-chat",
                connector.serviceUrl(), NOW.minus(Duration.ofDays(90))));
        connector.script(request -> "a:stale-chat".equals(request.conversationId()) ? Canned.status(404) : null);
        Delivery d = due(person(1), 1);

        dispatcher().sweep();

        assertEquals("SENT", d.state);
        assertEquals(1, connector.created().size(), "a new chat, once");
        assertEquals(d.conversationId, outbox.personalConversation(TENANT, "29:owner-1").orElseThrow()
                .conversationId(), "the new chat is kept");
        assertTrue(!"a:stale-chat".equals(d.conversationId), d.conversationId);
    }

    @Test
    void a404WhenSendingIsUndeliverable() throws Exception {
        connector.script(request -> request.conversationId() != null ? Canned.status(404) : null);
        Delivery d = due(person(1), 1);

        dispatcher().sweep();

        assertEquals("UNDELIVERABLE", d.state);
        assertTrue(d.error.contains("HTTP 404"), d.error);
    }

    @Test
    void aSenderThatThrowsDoesNotStopTheSweepThread() throws Exception {
        AtomicInteger claims = new AtomicInteger();
        MemoryOutbox failing = new MemoryOutbox() {
            @Override
            public synchronized List<Outgoing> claimDue(Instant now, int limit, Instant leaseUntil) {
                if (claims.incrementAndGet() == 1) {
                    throw new IllegalStateException("database is locked");
                }
                return super.claimDue(now, limit, leaseUntil);
            }
        };
        failing.add(TENANT, connector.serviceUrl(), person(1), 1, NOW);
        ReminderDispatcher dispatcher = new ReminderDispatcher(failing, outgoing -> {
            throw new IllegalStateException("boom");
        }, new RetryPolicy(3, Duration.ofMinutes(1), new SplittableRandom(1)), clock, Duration.ofMillis(20));
        dispatcher.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (failing.all().get(0).state.equals("PENDING") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            dispatcher.close();
        }
        assertTrue(claims.get() >= 2, "the sweep after the failed one ran");
        assertEquals("RETRY", failing.all().get(0).state, "a throwing sender is a failed try, not a lost reminder");
    }

    /**
     * 300 reminders to 100 people in one tenant, with a limit of 100 requests a second: 400 requests (100 chats
     * created, 300 cards), and no second at the fake connector holds more than 100 of them, nor more than 7 into one
     * conversation. Counted from the connector's own timestamps, over a window sliding from each request.
     */
    @Test
    void aLargeSweepNeverExceedsTheTenantsRateInAnySecond() throws Exception {
        int limit = 100;
        for (int i = 0; i < 300; i++) {
            due(person(i % 100), i + 1);
        }

        long started = System.nanoTime();
        assertEquals(300, dispatcher(limit, 4, Duration.ofSeconds(5)).sweep());
        long took = System.nanoTime() - started;

        List<FakeConnector.Proactive> requests = connector.proactive();
        System.out.printf("Rate: 300 reminders, %d requests in %.1f s, at most %d in any second (limit %d)%n",
                requests.size(), took / 1e9, maxInAnySecond(requests), limit);
        assertEquals(400, requests.size());
        assertTrue(outbox.all().stream().allMatch(d -> d.state.equals("SENT")));
        assertTrue(maxInAnySecond(requests) <= limit, "at most " + limit + " in any second: "
                + maxInAnySecond(requests));
        Map<String, List<FakeConnector.Proactive>> perConversation = new HashMap<>();
        for (FakeConnector.Proactive p : requests) {
            if (p.conversationId() != null) {
                perConversation.computeIfAbsent(p.conversationId(), c -> new ArrayList<>()).add(p);
            }
        }
        for (List<FakeConnector.Proactive> list : perConversation.values()) {
            assertTrue(maxInAnySecond(list) <= 7, "Teams' per-conversation limit of 7 a second");
        }
    }

    static int maxInAnySecond(List<FakeConnector.Proactive> requests) {
        List<Long> times = requests.stream().map(FakeConnector.Proactive::nanos).sorted().toList();
        int max = 0;
        int end = 0;
        for (int start = 0; start < times.size(); start++) {
            while (end < times.size() && times.get(end) - times.get(start) < 1_000_000_000L) {
                end++;
            }
            max = Math.max(max, end - start);
        }
        return max;
    }
}
