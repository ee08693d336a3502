package io.boardclerk.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.support.BotProcess;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.TeamsChat;
import io.boardclerk.storage.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three BoardClerk instances, each a separate JVM ({@code io.boardclerk.bot.Main}, local mode), on one PostgreSQL
 * database and one fake Bot Connector, with twelve boards' chats spread over them (each activity POSTed to an
 * instance picked by a seeded random, printed), while one instance is killed and another frozen.
 *
 * <p><b>Recording, with a kill mid-turn.</b> All three run with their clocks at {@link #SEEDING}, before any
 * reminder falls due. 72 actions (two for each of three owners on each of twelve boards) are posted six at a time;
 * once a third are acknowledged, instance A is killed ({@code kill -9}) while at least one turn posted to it is
 * unanswered. Whatever was not
 * answered 202 is delivered again to a live instance, as Teams would. Then B and C stop.
 *
 * <p><b>Reminders, with a freeze past the lease and a kill mid-sweep.</b> The 72 first reminders fall due at
 * {@link #DUE}. The lease a sweep puts on what it claims is five minutes of the claiming instance's clock, and each
 * instance's clock is BOARDCLERK_CLOCK_START plus the real time since it started. The real run lasts well under five
 * minutes, so the clocks are chosen to put each later instance past the leases of the earlier ones:
 * <ul>
 *     <li>B starts alone at {@code DUE}: it claims a batch (leases until about DUE + 5 min by its clock), and on its
 *     k-th send the connector freezes it ({@code SIGSTOP}) with that send let through: B is stopped mid-send, holding
 *     a delivery SENDING and the rest of its batch CLAIMED.</li>
 *     <li>A starts at {@code DUE + 10 min}, past every lease B can have taken (B's clock cannot have run five
 *     minutes). A's first sweep marks B's SENDING delivery in doubt, takes B's claimed ones back and sends. Phase-two
 *     actions are posted to A meanwhile; on A's j-th send the connector kills A ({@code kill -9}): mid-sweep and, very
 *     likely, mid-turn.</li>
 *     <li>C starts at {@code DUE + 20 min}, past A's leases (A's clock was near DUE + 10 min), marks A's in-flight
 *     delivery in doubt and sends the rest; the actions A left unanswered are delivered to C.</li>
 *     <li>Then B is thawed ({@code SIGCONT}), once it has been frozen longer than a send's time-out (15 s), as an
 *     instance frozen past a five-minute lease always would be. Its clock has run on in real time only, so it reads
 *     about DUE plus a minute: by its own clock its leases are still good. It is the case the lease guard exists
 *     for: B must not send anything of its old batch, all of which A or C have since claimed (and mostly sent).
 *     The send it was frozen in reached Teams (the connector took it), but B, thawed, finds it timed out: it must
 *     not put back in the queue the delivery A has meanwhile marked in doubt (before the fix in
 *     {@code SqliteReminders.deliveryRetry} it did, and C sent that reminder a second time).</li>
 * </ul>
 *
 * <p><b>Pass.</b> With every process stopped, the database and the connector are compared: every action posted is
 * recorded exactly once; each board's action numbers run 1..n without gaps or repeats; each of the 72 reminders has
 * one delivery, SENT and received by the connector exactly once, or IN_DOUBT and received at most once.
 *
 * <p>Not covered here: the weekly post. Its scheduler looks once a minute of real time (its first look a minute after
 * start), which no instance in a test of under a minute lives to see; its claim (a unique key per board and date) is
 * covered by the storage suite on PostgreSQL.
 */
class MultiInstanceFaultTest {

    static final String TENANT = "tenant-fenshire";
    static final String[] FIRST = {"Alys", "Bryn", "Cerys", "Dafydd", "Eira", "Gethin"};
    static final String[] LAST = {"Ashby", "Bramley", "Colton", "Denholm", "Elford", "Fenwick"};
    static final int BOARDS = 12;
    static final int OWNERS_PER_BOARD = 3;
    static final int ACTIONS_PER_OWNER = 2;
    static final int REMINDERS = BOARDS * OWNERS_PER_BOARD * ACTIONS_PER_OWNER;
    /** Before any reminder (target Thursday 10/12/2026: the first reminder is on 03/12 at 08:00 UTC). */
    static final String SEEDING = "2026-11-23T10:00:00Z";
    static final String DUE = "2026-12-03T08:00:00Z";
    /** Past any lease B can take: B's clock starts at DUE and the whole test runs for far less than 5 minutes. */
    static final String PAST_B = "2026-12-03T08:10:00Z";
    /** Past any lease A can take: A's clock starts at PAST_B. */
    static final String PAST_A = "2026-12-03T08:20:00Z";
    static final Duration START = Duration.ofSeconds(90);
    static final Duration WAIT = Duration.ofSeconds(90);
    /** The time-out of a send to the Bot Connector (Connector.TIMEOUT), and a second more. */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(16);

    @TempDir
    Path dir;
    FakeConnector connector;
    String database;
    long seed;
    Random random;
    final List<TeamsChat> chats = new ArrayList<>();
    final Map<String, List<Member>> owners = new HashMap<>();
    final List<BotProcess> processes = new CopyOnWriteArrayList<>();
    /** Every action text posted (and in the end acknowledged), each exactly once. */
    final Set<String> posted = Collections.synchronizedSet(new HashSet<>());
    /** Holds the connector's answer to the send B was frozen in, until B has given it up. */
    final CountDownLatch answerTheFrozenSend = new CountDownLatch(1);

    @BeforeEach
    void setUp() throws Exception {
        seed = Long.getLong("fault.seed", System.nanoTime());
        random = new Random(seed);
        System.out.println("MultiInstanceFaultTest seed " + seed + " (-Dfault.seed=" + seed + " repeats it)");
        connector = new FakeConnector();
        database = TestDatabase.emptyPostgres();
        int person = 0;
        for (int b = 0; b < BOARDS; b++) {
            TeamsChat chat = TeamsChat.groupChat(connector.serviceUrl(), "19:board-" + b + "@thread.v2", TENANT,
                    "Board " + (b + 1));
            chats.add(chat);
            List<Member> boardOwners = new ArrayList<>();
            for (int o = 0; o < OWNERS_PER_BOARD; o++, person++) {
                String first = FIRST[person / LAST.length];
                String last = LAST[person % LAST.length];
                String id = (first + "-" + last).toLowerCase();
                boardOwners.add(new Member("29:" + id, first + " " + last, "aad-" + id));
            }
            owners.put(chat.conversationId(), boardOwners);
            List<Member> roster = new ArrayList<>(List.of(SECRETARY));
            roster.addAll(boardOwners);
            connector.roster(chat.conversationId(), roster.toArray(Member[]::new));
        }
    }

    @AfterEach
    void tearDown() {
        answerTheFrozenSend.countDown();
        for (BotProcess process : processes) {
            process.close();
        }
        connector.close();
    }

    @Test
    void killedAndFrozenInstancesLoseNothingAndDoNothingTwice() throws Exception {
        recordWithAKillMidTurn();
        remindWithAFreezeAndAKillMidSweep();

        Map<String, Integer> received = received();
        List<String[]> deliveries = deliveries();
        System.out.println("MultiInstanceFaultTest: " + received.values().stream().mapToInt(Integer::intValue).sum()
                + " reminders received, deliveries " + countStates(deliveries));

        assertEquals(posted, new HashSet<>(strings("SELECT text FROM actions")), "every action posted is recorded");
        assertEquals(posted.size(), strings("SELECT text FROM actions").size(), "and none twice");
        for (Map.Entry<Long, List<Integer>> board : numbersPerBoard().entrySet()) {
            List<Integer> expected = new ArrayList<>();
            for (int n = 1; n <= board.getValue().size(); n++) {
                expected.add(n);
            }
            assertEquals(expected, board.getValue(), "board " + board.getKey() + ": distinct, gap-free numbers");
        }
        assertEquals(BOARDS, numbersPerBoard().size());

        Set<String> expected = new HashSet<>(strings("SELECT p.teams_id || '#' || a.number FROM actions a"
                + " JOIN people p ON p.id = a.owner_person_id WHERE a.target_date = DATE '2026-12-10'")).stream()
                .map(MultiInstanceFaultTest::personal).collect(java.util.stream.Collectors.toSet());
        assertEquals(REMINDERS, expected.size(), "the seeded actions' first reminders");
        Map<String, String> states = new HashMap<>();
        for (String[] delivery : deliveries) {
            assertEquals(null, states.put(delivery[0], delivery[1]), "one delivery per reminder: " + delivery[0]);
        }
        assertEquals(expected, states.keySet(), "a delivery for each reminder and no other");
        Map<String, Integer> twice = new TreeMap<>(received);
        twice.values().removeIf(n -> n == 1);
        assertEquals(Map.of(), twice, "nothing received twice");
        for (Map.Entry<String, String> delivery : states.entrySet()) {
            String key = delivery.getKey();
            assertTrue(delivery.getValue().equals("SENT") && received.containsKey(key)
                    || delivery.getValue().equals("IN_DOUBT"), "delivered once or in doubt: " + delivery);
        }
        assertTrue(expected.containsAll(received.keySet()), "nothing received that was not due: " + received);
    }

    /** Seeding: secretaries first, then the actions six at a time across three instances, A killed mid-way. */
    private void recordWithAKillMidTurn() throws Exception {
        BotProcess a = start("a-seeding", SEEDING);
        BotProcess b = start("b-seeding", SEEDING);
        BotProcess c = start("c-seeding", SEEDING);
        List<BotProcess> all = List.of(a, b, c);
        for (BotProcess p : all) {
            p.awaitHealthy(START);
        }
        for (TeamsChat chat : chats) {
            deliver(all, chat.message(SECRETARY, "secretary @Claire Dunmore", SECRETARY));
        }
        List<ObjectNode> actions = new ArrayList<>();
        for (int round = 0; round < ACTIONS_PER_OWNER; round++) {
            for (TeamsChat chat : chats) {
                for (Member owner : owners.get(chat.conversationId())) {
                    actions.add(action(chat, "Prepare paper " + round + " of " + owner.name(), owner,
                            "10/12/2026"));
                }
            }
        }
        AtomicInteger acknowledged = new AtomicInteger();
        int killAt = actions.size() / 3;
        AtomicReference<Integer> inFlightAtKill = new AtomicReference<>();
        Map<BotProcess, AtomicInteger> inFlight = Map.of(a, new AtomicInteger(), b, new AtomicInteger(), c,
                new AtomicInteger());
        List<ObjectNode> again = postConcurrently(actions, all, 6, () -> {
            if (acknowledged.incrementAndGet() == killAt) {
                // Mid-turn: A is killed while at least one activity posted to it is unanswered.
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (inFlight.get(a).get() == 0 && System.nanoTime() < deadline) {
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                }
                inFlightAtKill.set(inFlight.get(a).get());
                a.kill();
            }
        }, inFlight);
        assertTrue(a.awaitExit(WAIT), "A was killed");
        System.out.println("MultiInstanceFaultTest: A killed with " + inFlightAtKill.get() + " turns in flight to it; "
                + again.size() + " activities unanswered, delivered again");
        for (ObjectNode activity : again) {
            deliver(List.of(b, c), activity);
        }
        b.stop();
        c.stop();
        assertEquals(0, received().size(), "nothing was due while seeding");
    }

    private void remindWithAFreezeAndAKillMidSweep() throws Exception {
        int bFreezesOn = 3 + random.nextInt(8);
        int aDiesOn = 3 + random.nextInt(8);
        AtomicInteger sends = new AtomicInteger();
        AtomicReference<String> stage = new AtomicReference<>("b");
        AtomicReference<BotProcess> sender = new AtomicReference<>();
        AtomicReference<FakeConnector.Proactive> frozenOn = new AtomicReference<>();
        AtomicReference<FakeConnector.Proactive> killedOn = new AtomicReference<>();
        AtomicLong frozenAt = new AtomicLong();
        AtomicInteger interimAnswered = new AtomicInteger();
        connector.script(request -> {
            if (request.conversationId() == null) {
                return null;
            }
            int n = sends.incrementAndGet();
            try {
                if (stage.get().equals("b") && n == bFreezesOn) {
                    // Frozen mid-send; Teams takes the message, but its answer reaches B only after B, thawed, has
                    // given up waiting for it (its send timed out while it was frozen).
                    sender.get().freeze();
                    frozenAt.set(System.nanoTime());
                    frozenOn.set(request);
                    answerTheFrozenSend.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                } else if (stage.get().equals("a") && n == aDiesOn) {
                    // Mid-sweep, and mid-turn: A is killed once it has answered some turns and others are in flight.
                    // It waits here for at most 10 s, well within its send's time-out (15 s): A must not give this
                    // send up and try it again, which would be the at-least-once of a time-out, not of the kill.
                    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    while (interimAnswered.get() < 6 && System.nanoTime() < deadline) {
                        Thread.sleep(10);
                    }
                    sender.get().kill();
                    killedOn.set(request);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });

        BotProcess b = start("b-due", DUE);
        sender.set(b);
        b.awaitHealthy(START);
        await("B frozen mid-send", () -> frozenOn.get() != null);

        // A, past B's leases: takes over B's batch, and is killed on its aDiesOn-th send with turns in flight.
        sends.set(0);
        BotProcess a = start("a-past-b", PAST_B);
        sender.set(a);
        stage.set("a");
        a.awaitHealthy(START);
        List<ObjectNode> interim = new ArrayList<>();
        for (TeamsChat chat : chats) {
            for (int i = 0; i < 2; i++) {
                Member owner = owners.get(chat.conversationId()).get(i);
                interim.add(action(chat, "Interim report " + i + " by " + owner.name(), owner, "30/06/2027"));
            }
        }
        ExecutorService background = Executors.newSingleThreadExecutor();
        Future<List<ObjectNode>> toA = background.submit(() -> postConcurrently(interim, List.of(a), 3,
                interimAnswered::incrementAndGet, Map.of(a, new AtomicInteger())));
        assertTrue(a.awaitExit(WAIT), "A was killed by the connector on send " + aDiesOn + " after it started");
        assertTrue(killedOn.get() != null, "A was killed mid-sweep");
        List<ObjectNode> unanswered = toA.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        background.shutdown();
        stage.set("c");

        // C, past A's leases: marks A's in-flight delivery in doubt, sends the rest, takes A's unanswered turns.
        BotProcess c = start("c-past-a", PAST_A);
        c.awaitHealthy(START);
        System.out.println("MultiInstanceFaultTest: B frozen on send " + bFreezesOn + ", A killed on its send "
                + aDiesOn + " with " + unanswered.size() + " of " + interim.size() + " turns unanswered");
        for (ObjectNode activity : unanswered) {
            deliver(List.of(c), activity);
        }
        int bSentBefore = b.logLines("Reminder delivery ").size();
        await("C sends", () -> sends.get() > aDiesOn);

        // B thaws: by its clock its leases hold; by the database's rows, others have claimed its batch since. It
        // stays frozen longer than its send's time-out (15 s), as any instance frozen past a five-minute lease would.
        await("B frozen longer than its send's time-out",
                () -> System.nanoTime() - frozenAt.get() > SEND_TIMEOUT.toNanos());
        b.thaw();
        await("B gives up the send it was frozen in",
                () -> b.logLines("Reminder delivery ").size() > bSentBefore);
        answerTheFrozenSend.countDown();
        await("every reminder handled", () -> settled(deliveriesQuietly()));
        // B answers a turn, so it runs; then all stop (B and C gracefully), and only then is anything counted.
        deliver(List.of(b), chats.get(0).message(SECRETARY, "reminders status"));
        b.stop();
        c.stop();
    }

    private static boolean settled(List<String[]> deliveries) {
        return deliveries.size() >= REMINDERS && deliveries.stream()
                .allMatch(d -> d[1].equals("SENT") || d[1].equals("IN_DOUBT"));
    }

    /**
     * Posts each activity to an instance picked at random among the live ones, {@code threads} at a time. Those not
     * answered 202 (the instance died under them) are returned, to be delivered again.
     */
    private List<ObjectNode> postConcurrently(List<ObjectNode> activities, List<BotProcess> to, int threads,
                                              Runnable onAcknowledged, Map<BotProcess, AtomicInteger> inFlight)
            throws Exception {
        ConcurrentLinkedQueue<ObjectNode> queue = new ConcurrentLinkedQueue<>(activities);
        List<ObjectNode> unanswered = new CopyOnWriteArrayList<>();
        List<Integer> picks = new ArrayList<>();
        for (int i = 0; i < activities.size(); i++) {
            picks.add(random.nextInt(to.size()));
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (ObjectNode activity = queue.poll(); activity != null; activity = queue.poll()) {
                        int pick = picks.get(next.getAndIncrement());
                        BotProcess target = to.get(pick);
                        for (int i = 0; !target.alive() && i < to.size(); i++) {
                            target = to.get((pick + i) % to.size());
                        }
                        if (!target.alive()) {
                            unanswered.add(activity);
                            continue;
                        }
                        AtomicInteger posting = inFlight.get(target);
                        posting.incrementAndGet();
                        boolean acknowledged;
                        try {
                            acknowledged = target.client.post(activity).statusCode() == 202;
                        } catch (IOException died) {
                            acknowledged = false;
                        } finally {
                            posting.decrementAndGet();
                        }
                        if (acknowledged) {
                            onAcknowledged.run();
                        } else {
                            unanswered.add(activity);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return unanswered;
    }

    /** Delivers an activity to one of {@code to} (picked at random) until one answers 202. */
    private void deliver(List<BotProcess> to, ObjectNode activity) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            BotProcess target = to.get(random.nextInt(to.size()));
            try {
                HttpResponse<String> response = target.client.post(activity);
                if (response.statusCode() == 202) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No instance acknowledged " + activity.get("text") + ": " + last);
    }

    private ObjectNode action(TeamsChat chat, String text, Member owner, String due) {
        posted.add(text);
        return chat.message(SECRETARY, "action " + text + " owner: " + owner.name() + " due: " + due);
    }

    private BotProcess start(String name, String clock) throws IOException {
        BotProcess process = BotProcess.start(name, dir, connector, clock, Map.of("BOARDCLERK_DATABASE_URL",
                database, "BOARDCLERK_ADMINS", "aad-claire", "BOARDCLERK_DATABASE_POOL_SIZE", "4"));
        processes.add(process);
        return process;
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                StringBuilder logs = new StringBuilder();
                for (BotProcess p : processes) {
                    logs.append("\n--- ").append(p.name()).append(" ---\n").append(tail(p.log()));
                }
                throw new AssertionError("Timed out waiting for: " + what + logs);
            }
            Thread.sleep(50);
        }
    }

    private static String tail(String log) {
        return log.length() > 4_000 ? log.substring(log.length() - 4_000) : log;
    }

    /** Each reminder card the connector took, counted per (personal conversation, action number). */
    private Map<String, Integer> received() {
        Map<String, Integer> counts = new HashMap<>();
        for (FakeConnector.Sent sent : connector.sent()) {
            if (sent.conversationId().startsWith("a:")) {
                counts.merge(sent.conversationId() + "#" + number(sent.activity().toString()), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static final Pattern NUMBER = Pattern.compile("\"number\":(\\d+)");

    private static int number(String activity) {
        Matcher m = NUMBER.matcher(activity);
        assertTrue(m.find(), activity);
        return Integer.parseInt(m.group(1));
    }

    /** "29:x#n" as the connector keys it: the owner's personal conversation and the action number. */
    private static String personal(String teamsIdAndNumber) {
        int hash = teamsIdAndNumber.lastIndexOf('#');
        return FakeConnector.personalConversationId(teamsIdAndNumber.substring(0, hash))
                + teamsIdAndNumber.substring(hash);
    }

    /** Each delivery as {key, state}, keyed as {@link #received} keys what the connector took. */
    private List<String[]> deliveries() throws SQLException {
        List<String[]> rows = new ArrayList<>();
        for (String row : strings("SELECT p.teams_id || '#' || a.number || '|' || d.state FROM reminder_deliveries d"
                + " JOIN reminders r ON r.id = d.reminder_id JOIN actions a ON a.id = r.action_id"
                + " JOIN people p ON p.id = d.person_id")) {
            int bar = row.lastIndexOf('|');
            rows.add(new String[]{personal(row.substring(0, bar)), row.substring(bar + 1)});
        }
        return rows;
    }

    private List<String[]> deliveriesQuietly() {
        try {
            return deliveries();
        } catch (SQLException e) {
            return List.of();
        }
    }

    private static Map<String, Long> countStates(List<String[]> deliveries) {
        Map<String, Long> counts = new TreeMap<>();
        for (String[] d : deliveries) {
            counts.merge(d[1], 1L, Long::sum);
        }
        return counts;
    }

    private Map<Long, List<Integer>> numbersPerBoard() throws SQLException {
        Map<Long, List<Integer>> numbers = new TreeMap<>();
        try (Connection db = DriverManager.getConnection(database); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT board_id, number FROM actions ORDER BY board_id, number")) {
            while (rs.next()) {
                numbers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getInt(2));
            }
        }
        return numbers;
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(database); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
