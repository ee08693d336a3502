package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import io.boardclerk.bot.support.BotClient;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Canned;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.boardclerk.bot.support.People.CHAIR;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exactly once across a crash. The server runs in a separate JVM ({@code io.boardclerk.bot.Main}, local mode, a temp
 * SQLite file, its clock started by BOARDCLERK_CLOCK_START, a one-second sweep). A first run (in this JVM, as nothing
 * is killed in it) records 60 actions for 30 owners over HTTP before their reminders fall due; a second run starts at
 * the instant they fall due and is killed ({@code destroyForcibly}) by the fake connector; a third run on the same
 * file, after the lease ran out, sends the rest. What the fake connector received is counted per (conversation,
 * action): nothing twice, and every reminder either received or listed as in doubt in {@code reminders status}.
 */
class ReminderCrashTest {

    static final String TENANT = "tenant-fenshire";
    static final String[] FIRST = {"Alys", "Bryn", "Cerys", "Dafydd", "Eira", "Gethin"};
    static final String[] LAST = {"Ashby", "Bramley", "Colton", "Denholm", "Elford"};
    /** Before the reminders (Thursday 10/12/2026 targets: the first reminder is on 03/12 at 08:00 UTC). */
    static final String SEEDING = "2026-11-23T10:00:00Z";
    static final String DUE = "2026-12-03T08:00:00Z";
    /** After the killed run's lease (5 minutes) ran out. */
    static final String AFTER_THE_LEASE = "2026-12-03T08:10:00Z";

    @TempDir
    Path dir;
    FakeConnector connector;
    TeamsChat chat;
    List<Member> owners = new ArrayList<>();
    Process process;
    BotClient client;

    @BeforeEach
    void setUp() throws Exception {
        connector = new FakeConnector();
        chat = TeamsChat.groupChat(connector.serviceUrl(), "19:bcb-chat@thread.v2", TENANT,
                "Business Coordination Board");
        List<Member> roster = new ArrayList<>(List.of(SECRETARY, CHAIR));
        for (String first : FIRST) {
            for (String last : LAST) {
                Member m = new Member("29:" + first.toLowerCase() + "-" + last.toLowerCase(), first + " " + last,
                        "aad-" + first.toLowerCase() + "-" + last.toLowerCase());
                owners.add(m);
                roster.add(m);
            }
        }
        connector.roster(chat.conversationId(), roster.toArray(Member[]::new));
    }

    @AfterEach
    void tearDown() {
        if (process != null) {
            process.destroyForcibly();
        }
        connector.close();
    }

    @Test
    void theReminderInFlightWhenTheProcessIsKilledIsInDoubtAndEveryOtherGoesOutExactlyOnce() throws Exception {
        seed();
        int k = 17;
        AtomicInteger sends = new AtomicInteger();
        AtomicReference<FakeConnector.Proactive> killedOn = new AtomicReference<>();
        // The script is in place before the server starts, so that every send it makes is counted.
        java.util.concurrent.CompletableFuture<Process> running = new java.util.concurrent.CompletableFuture<>();
        connector.script(request -> {
            if (request.conversationId() != null && sends.incrementAndGet() == k) {
                killedOn.set(request);
                running.join().destroyForcibly();
                return Canned.noAnswer();
            }
            return null;
        });
        Process second = start(DUE);
        running.complete(second);
        assertTrue(second.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "killed by the connector");
        connector.script(request -> null);
        assertEquals(k - 1, connector.sent().stream().filter(s -> s.conversationId().startsWith("a:")).count(),
                "the k-th was received but never answered");

        start(AFTER_THE_LEASE);
        Map<String, Integer> received = awaitReceived(59);
        String status = say("reminders status");
        stop();

        assertEquals(59, received.size(), received.toString());
        assertTrue(received.values().stream().allMatch(n -> n == 1), "nothing received twice: " + received);
        String inFlight = key(killedOn.get().conversationId(), number(killedOn.get().body()));
        assertFalse(received.containsKey(inFlight), "the one in flight is not sent again");
        assertTrue(status.contains("In doubt") && status.contains("(1)"), status);
        Map<String, String> states = deliveryStates();
        assertEquals(60, states.size());
        assertEquals("IN_DOUBT", states.get(inFlight));
        assertEquals(59, states.values().stream().filter("SENT"::equals).count(), states.toString());
    }

    @Test
    void killedAtAnArbitraryMomentNothingIsReceivedTwiceAndNothingIsLost() throws Exception {
        seed();
        Process second = start(DUE);
        AtomicInteger sends = new AtomicInteger();
        connector.script(request -> {
            sends.incrementAndGet();
            return null;
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sends.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        long seed = killSeed();
        String run = " (the kill's moment from seed " + seed + ": -Dboardclerk.crash.seed=" + seed + " repeats it)";
        Thread.sleep(new Random(seed).nextInt(800));
        second.destroyForcibly();
        assertTrue(second.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        connector.script(request -> null);

        start(AFTER_THE_LEASE);
        Map<String, String> states = awaitSettled();
        String status = say("reminders status");
        stop();
        Map<String, Integer> received = received();

        assertTrue(received.values().stream().allMatch(n -> n == 1), "nothing received twice: " + received + run);
        assertEquals(60, states.size(), states + run);
        long inDoubt = states.values().stream().filter("IN_DOUBT"::equals).count();
        assertTrue(inDoubt <= 1, "at most the one in hand: " + states + run);
        for (Map.Entry<String, String> delivery : states.entrySet()) {
            assertTrue(delivery.getValue().equals("SENT") && received.containsKey(delivery.getKey())
                    || delivery.getValue().equals("IN_DOUBT"), delivery + run);
        }
        if (inDoubt > 0) {
            assertTrue(status.contains("In doubt") && status.contains("(" + inDoubt + ")"), status + run);
        }
    }

    /**
     * The seed of the kill's random moment, new for each run unless {@code -Dboardclerk.crash.seed=N} gives it;
     * printed, and named in every failure, so that a failing run can be repeated.
     */
    private static long killSeed() {
        String given = System.getProperty("boardclerk.crash.seed", "");
        long seed = given.isBlank() ? new Random().nextLong() : Long.parseLong(given.strip());
        System.out.println("ReminderCrashTest: the kill's moment comes from seed " + seed
                + " (repeat it with -Dboardclerk.crash.seed=" + seed + ")");
        return seed;
    }

    /**
     * The first run: 60 actions, two per owner, recorded over HTTP long before they fall due. Nothing is killed in
     * it, so it runs in this JVM (the real server, on the same file and connector, its clock at {@link #SEEDING}),
     * which starts and answers much sooner than a new one.
     */
    private void seed() throws Exception {
        try (RunningBot first = RunningBot.start(dir, Map.of("BOARDCLERK_ADMINS", SECRETARY.aadObjectId()),
                connector)) {
            assertEquals(Instant.parse(SEEDING), first.clock.instant());
            client = first.client;
            assertTrue(say("secretary @Claire Dunmore", SECRETARY).contains("is now the secretary"));
            assertTrue(say("chair @Helen Marsh", CHAIR).contains("is now the chair"));
            for (int round = 0; round < 2; round++) {
                for (Member owner : owners) {
                    String said = say("action Prepare the " + (round == 0 ? "first" : "second") + " paper owner: "
                            + owner.name() + " due: 10/12/2026");
                    assertTrue(said.contains("recorded"), said);
                }
            }
        }
        assertEquals(0, connector.proactive().size(), "nothing due yet");
    }

    private Process start(String clockStart) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The client compiler alone and the serial collector: a server that lives for seconds starts in half the time.
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "io.boardclerk.bot.Main");
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("BOARDCLERK_") || name.startsWith("Microsoft"));
        env.put("PORT", String.valueOf(port));
        env.put("BOARDCLERK_DB", dir.resolve("boardclerk.db").toString());
        env.put("BOARDCLERK_CLOCK_START", clockStart);
        env.put("BOARDCLERK_REMINDER_SWEEP_SECONDS", "1");
        env.put("BOARDCLERK_LOGIN_AUTHORITY", connector.authority());
        env.put("BOARDCLERK_GRAPH", "off");
        env.put("BOARDCLERK_GRAPH_BASE_URL", "http://127.0.0.1:9/v1.0");
        env.put("BOARDCLERK_SERVICE_URL_HOSTS", connector.hostEntry());
        env.put("BOARDCLERK_ADMINS", "aad-claire");
        Path log = dir.resolve("server-" + clockStart.replace(':', '-') + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        process = builder.start();
        client = new BotClient(port);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The server stopped: " + Files.readString(log));
            }
            try {
                if (client.get("/healthz").statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("The server did not start: " + Files.readString(log));
    }

    private void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private String say(String text, Member... mentioned) throws Exception {
        int before = connector.sentTo(chat.conversationId()).size();
        HttpResponse<String> response = client.post(chat.message(SECRETARY, text, mentioned));
        assertEquals(202, response.statusCode(), response.body());
        List<FakeConnector.Sent> sent = connector.awaitSent(chat.conversationId(), before + 1, Duration.ofSeconds(10));
        assertTrue(sent.size() > before, "BoardClerk answered \"" + text + "\"");
        return sent.get(before).text();
    }

    /** Each reminder card the connector took, counted per (personal conversation, action number). */
    private Map<String, Integer> received() {
        Map<String, Integer> counts = new HashMap<>();
        for (FakeConnector.Sent sent : connector.sent()) {
            if (sent.conversationId().startsWith("a:")) {
                counts.merge(key(sent.conversationId(), number(sent.activity())), 1, Integer::sum);
            }
        }
        return counts;
    }

    private Map<String, Integer> awaitReceived(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (received().values().stream().mapToInt(Integer::intValue).sum() < count
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        // Not a condition to wait on but the time a sweep (one a second) takes to come round: one that sent anything
        // again would be seen.
        Thread.sleep(1_500);
        return received();
    }

    /** Waits until no delivery is left pending or sending, then gives each one's state. */
    private Map<String, String> awaitSettled() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, String> states = deliveryStates();
        while ((states.size() < 60 || states.values().stream().anyMatch(s -> !s.equals("SENT")
                && !s.equals("IN_DOUBT"))) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            states = deliveryStates();
        }
        return states;
    }

    /** Each delivery's state from the SQLite file, keyed as {@link #received} keys what the connector took. */
    private Map<String, String> deliveryStates() throws Exception {
        Map<String, String> states = new HashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("boardclerk.db"));
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT p.teams_id, a.number, d.state FROM reminder_deliveries d"
                     + " JOIN reminders r ON r.id = d.reminder_id JOIN actions a ON a.id = r.action_id"
                     + " JOIN people p ON p.id = d.person_id")) {
            while (rs.next()) {
                states.put(key(FakeConnector.personalConversationId(rs.getString(1)), rs.getInt(2)),
                        rs.getString(3));
            }
        }
        return states;
    }

    private static final Pattern NUMBER = Pattern.compile("\"number\":(\\d+)");

    /** The action a reminder card is about, from its buttons' data. */
    private static int number(JsonNode activity) {
        Matcher m = NUMBER.matcher(activity.toString());
        assertTrue(m.find(), activity.toString());
        return Integer.parseInt(m.group(1));
    }

    private static String key(String conversationId, int number) {
        return conversationId + "#" + number;
    }
}
