package io.boardclerk.bot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import io.boardclerk.bot.BoardClerkServer;
import io.boardclerk.bot.BotConfig;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.TeamsChat;
import io.javalin.Javalin;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator: many concurrent meeting chats posting minute lines to BoardClerk's /api/messages, and, in the
 * same run and against the same fake connector, a bare Javalin endpoint that parses the same activity JSON and posts
 * one reply. Prints throughput, p50 and p99 for both, and their ratio. Not a unit test: run it with the command in
 * docs/benchmarks.md. Arguments (all optional): seconds per phase, concurrent clients, meeting chats, open-loop rate.
 */
public final class LoadGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Member SECRETARY = new Member("29:secretary", "Claire Dunmore", "aad-secretary");
    static final Member[] MEMBERS = {
            SECRETARY, new Member("29:jon", "Jon Leigh", "aad-jon"), new Member("29:jane", "Jane Gifford", "aad-jane"),
            new Member("29:vic", "Vic Evers", "aad-vic"), new Member("29:nina", "Nina Hart", "aad-nina")};
    private static final String[] LINES = {
            "Apologies were received from Vic Evers, Assistant Chief Constable; Nina Hart, Head of Estates; and "
                    + "Colin Lusk, Director of Estates, Fenshire Constabulary",
            "5.7 The Assistant Chief Constable advised that the Constabulary has a Neighbourhood Prevention Group.",
            "Action: Constabulary to bring a report on Safer Streets Project to the next Board in May.",
            "Jon Leigh declared a pecuniary interest in item 8 as a shareholder of Fenland Fleet Ltd",
            "action Review the estates strategy owner: OPCC due: 30/06/2027 item: 6",
            "apologies",
            "action log",
            "declarations"};

    /** One measured stretch: its latencies in nanoseconds, how long it took and how many requests failed. */
    record Slice(String name, List<Long> nanos, double seconds, int errors, long cpuNanos) {
    }

    /**
     * The CPU time this process has used, in nanoseconds: per message, it moves far less with the machine's other
     * load than throughput does (both endpoints' figures include the load generator's own clients and connector).
     */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    @FunctionalInterface
    interface Phase {
        Slice run(int seconds) throws Exception;
    }

    /** Slices of this many seconds, alternated between the two endpoints. */
    private static final int SLICE_SECONDS = 2;

    /**
     * Runs {@code seconds} of each phase in slices of {@link #SLICE_SECONDS}, in the order A B B A A B B A ..., so
     * both meet the same mix of whatever else the machine is doing; each result pools its slices.
     */
    static Result[] alternating(int seconds, Phase a, Phase b) throws Exception {
        List<Slice> as = new ArrayList<>();
        List<Slice> bs = new ArrayList<>();
        int slices = Math.max(1, seconds / SLICE_SECONDS);
        for (int i = 0; i < slices; i++) {
            int length = i == slices - 1 ? seconds - SLICE_SECONDS * (slices - 1) : SLICE_SECONDS;
            if (i % 2 == 0) {
                as.add(a.run(length));
                bs.add(b.run(length));
            } else {
                bs.add(b.run(length));
                as.add(a.run(length));
            }
        }
        return new Result[]{pooled(as), pooled(bs)};
    }

    private static Result pooled(List<Slice> slices) {
        List<Long> nanos = new ArrayList<>();
        double seconds = 0;
        int errors = 0;
        long cpu = 0;
        for (Slice slice : slices) {
            nanos.addAll(slice.nanos());
            seconds += slice.seconds();
            errors += slice.errors();
            cpu += slice.cpuNanos();
        }
        Result pooled = result(slices.get(0).name(), nanos, seconds, errors);
        return new Result(pooled.name(), pooled.messages(), pooled.seconds(), pooled.throughput(), pooled.p50(),
                pooled.p99(), pooled.errors(), nanos.isEmpty() ? 0 : cpu / 1e6 / nanos.size());
    }

    record Result(String name, int messages, double seconds, double throughput, double p50, double p99, int errors,
                  double cpuMillisPerMessage) {
        String line() {
            return String.format(Locale.ROOT, "%-26s %8d msgs %7.1f s %9.1f msg/s   p50 %7.2f ms   p99 %7.2f ms"
                    + "   errors %d   cpu %.2f ms/msg", name, messages, seconds, throughput, p50, p99, errors,
                    cpuMillisPerMessage);
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int chats = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        Path dir = Files.createTempDirectory("boardclerk-bench");
        try (FakeConnector connector = new FakeConnector()) {
            BoardClerkServer bot = new BoardClerkServer(BotConfig.from(Map.of("PORT", "0",
                    "BOARDCLERK_DB", dir.resolve("bench.db").toString())), Clock.systemUTC()).start();
            Javalin bare = bareEndpoint();
            try {
                List<TeamsChat> meetingChats = new ArrayList<>();
                for (int i = 0; i < chats; i++) {
                    TeamsChat chat = TeamsChat.meeting(connector.serviceUrl(), "19:meeting_bench" + i + "@thread.v2",
                            "tenant-bench", "MCM-bench-" + i);
                    connector.roster(chat.conversationId(), MEMBERS);
                    meetingChats.add(chat);
                }
                connector.rosterPageSize(50);
                HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(clients)).build();
                setUp(http, bot.port(), meetingChats);
                long appointed = connector.sent().stream()
                        .filter(sent -> sent.activity().path("text").asText().contains("is now the secretary")).count();
                if (appointed != chats) {
                    // Every minute line would be refused, and the run would measure refusals.
                    throw new IllegalStateException("The secretary was appointed in " + appointed + " of " + chats
                            + " chats");
                }
                System.out.printf(Locale.ROOT, "BoardClerk load: %d meeting chats, %d concurrent clients, %d s per "
                        + "phase, open loop at %d msg/s, %d cores%n", chats, clients, seconds, rate,
                        Runtime.getRuntime().availableProcessors());

                closedLoop(http, bare.port(), meetingChats, clients, 3, "warm-up bare", new AtomicInteger());
                closedLoop(http, bot.port(), meetingChats, clients, 3, "warm-up BoardClerk", new AtomicInteger());
                // The two are measured in alternating slices (bare, BoardClerk, BoardClerk, bare, ...), not one after
                // the other: on a shared machine the other load changes from one twenty seconds to the next, and a
                // ratio of two phases measured apart moved by more than the change being measured.
                // Each endpoint's phase goes on through the mix of lines from slice to slice, as one long phase did.
                AtomicInteger bareLines = new AtomicInteger();
                AtomicInteger botLines = new AtomicInteger();
                Result[] max = alternating(seconds, slice -> closedLoop(http, bare.port(), meetingChats, clients,
                        slice, "bare endpoint, max", bareLines), slice -> closedLoop(http, bot.port(), meetingChats,
                        clients, slice, "BoardClerk, max", botLines));
                AtomicInteger bareRateLines = new AtomicInteger();
                AtomicInteger botRateLines = new AtomicInteger();
                Result[] atRate = alternating(seconds, slice -> openLoop(http, bare.port(), meetingChats, rate, slice,
                        "bare endpoint, " + rate + "/s", bareRateLines), slice -> openLoop(http, bot.port(),
                        meetingChats, rate, slice, "BoardClerk, " + rate + "/s", botRateLines));
                Result bareMax = max[0];
                Result botMax = max[1];
                Result bareRate = atRate[0];
                Result botRate = atRate[1];
                System.out.println();
                for (Result r : List.of(bareMax, botMax, bareRate, botRate)) {
                    System.out.println(r.line());
                }
                System.out.printf(Locale.ROOT, "%nthroughput ratio BoardClerk / bare = %.2f (goal >= 0.50)%n",
                        botMax.throughput() / bareMax.throughput());
                System.out.printf(Locale.ROOT, "p99 at %d msg/s: BoardClerk %.2f ms, bare %.2f ms (goal < 50 ms)%n",
                        rate, botRate.p99(), bareRate.p99());
                System.out.printf(Locale.ROOT, "CPU per message at max: bare / BoardClerk = %.2f (the ratio a machine"
                        + " with no other load would approach, if CPU bound)%n",
                        bareMax.cpuMillisPerMessage() / botMax.cpuMillisPerMessage());
                System.out.printf(Locale.ROOT, "replies captured by the fake connector: %d%n", connector.sent().size());
            } finally {
                bot.close();
                bare.stop();
            }
        }
        System.exit(0);
    }

    /** Parses the same activity JSON with the same SDK types and posts one reply to the connector. */
    private static Javalin bareEndpoint() {
        HttpClient replies = HttpClient.newHttpClient();
        return Javalin.create(config -> {
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.startup.showJavalinBanner = false;
            config.routes.post("/api/messages", ctx -> {
                Activity activity = Serialization.treeToValue(JSON.readTree(ctx.bodyAsBytes()), Activity.class);
                Activity reply = activity.createReply("Received: " + activity.getText());
                String url = activity.getServiceUrl() + "v3/conversations/"
                        + URLEncoder.encode(activity.getConversation().getId(), StandardCharsets.UTF_8)
                        + "/activities/" + URLEncoder.encode(activity.getId(), StandardCharsets.UTF_8);
                replies.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Serialization.toString(reply))).build(),
                        HttpResponse.BodyHandlers.discarding());
                ctx.status(202);
            });
        }).start();
    }

    static void setUp(HttpClient http, int port, List<TeamsChat> chats) throws Exception {
        for (TeamsChat chat : chats) {
            // The secretary adds BoardClerk to the chat, so may appoint the board's first officer (herself): without
            // an installer the appointment is refused, and so would be every minute line after it.
            post(http, port, chat.membersAdded(SECRETARY, TeamsChat.BOT_ID));
            post(http, port, chat.message(SECRETARY, "secretary @Claire Dunmore", SECRETARY));
            post(http, port, chat.meetingStart("Business Coordination Board", "2026-11-23T10:00:00Z"));
            post(http, port, chat.message(SECRETARY, "next meeting 26/05/2027 10:00"));
        }
    }

    private static long post(HttpClient http, int port, JsonNode activity) throws Exception {
        long start = System.nanoTime();
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(activity.toString())).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        return System.nanoTime() - start;
    }

    private static ObjectNode message(List<TeamsChat> chats, int n) {
        TeamsChat chat = chats.get(n % chats.size());
        return chat.message(SECRETARY, LINES[(n / chats.size()) % LINES.length]);
    }

    /** The port of the instance message {@code n} goes to: the load is split evenly between them. */
    private static int port(int[] ports, int n) {
        return ports[Math.floorMod(n, ports.length)];
    }

    private static Slice closedLoop(HttpClient http, int port, List<TeamsChat> chats, int clients, int seconds,
                                    String name, AtomicInteger counter) throws Exception {
        return closedLoop(http, new int[]{port}, chats, clients, seconds, name, counter);
    }

    /** As many messages as {@code clients} concurrent senders get answered, spread over the instances on ports. */
    static Slice closedLoop(HttpClient http, int[] ports, List<TeamsChat> chats, int clients, int seconds,
                            String name, AtomicInteger counter) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long cpu = processCpu();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        int n = counter.getAndIncrement();
                        latencies.add(post(http, port(ports, n), message(chats, n)));
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        return new Slice(name, new ArrayList<>(latencies), (System.nanoTime() - start) / 1e9, errors.get(),
                processCpu() - cpu);
    }

    private static Slice openLoop(HttpClient http, int port, List<TeamsChat> chats, int rate, int seconds,
                                  String name, AtomicInteger counter) throws Exception {
        return openLoop(http, new int[]{port}, chats, rate, seconds, name, counter);
    }

    /** Messages sent at {@code rate} a second whatever the answers, spread over the instances on ports. */
    static Slice openLoop(HttpClient http, int[] ports, List<TeamsChat> chats, int rate, int seconds,
                          String name, AtomicInteger counter) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicLong lastDone = new AtomicLong();
        long intervalNanos = 1_000_000_000L / rate;
        long cpu = processCpu();
        long start = System.nanoTime();
        int total = rate * seconds;
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int n = counter.getAndIncrement();
            ObjectNode message = message(chats, n);
            int port = port(ports, n);
            pool.submit(() -> {
                try {
                    latencies.add(post(http, port, message));
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
                lastDone.set(System.nanoTime());
            });
        }
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        return new Slice(name, new ArrayList<>(latencies), (Math.max(lastDone.get(), System.nanoTime()) - start) / 1e9,
                errors.get(), processCpu() - cpu);
    }

    private static Result result(String name, List<Long> nanos, double seconds, int errors) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        double p50 = sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * 0.50)) / 1e6;
        double p99 = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6;
        return new Result(name, sorted.size(), seconds, sorted.size() / seconds, p50, p99, errors, 0);
    }
}
