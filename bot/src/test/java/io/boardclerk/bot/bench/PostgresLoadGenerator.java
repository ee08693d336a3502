package io.boardclerk.bot.bench;

import io.boardclerk.bot.BoardClerkServer;
import io.boardclerk.bot.BotConfig;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.TeamsChat;
import io.boardclerk.storage.TestDatabase;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The message benchmark on PostgreSQL: the load of {@link LoadGenerator} (meeting chats posting minute lines, closed
 * loop at full speed, then open loop at a fixed rate) sent to one BoardClerk instance, and to two instances on the
 * same database with every other message going to the second (as a load balancer would spread them: one board's
 * messages reach both). Both instances run in this JVM throughout; the two set-ups are measured in alternating
 * slices, so that both meet the same mix of the machine's other load. Prints throughput, p50, p99 and CPU per
 * message for each and the ratios two / one. The database is a fresh one on the server of
 * {@code BOARDCLERK_TEST_POSTGRES_URL}, or on a throwaway cluster started for the run (see TestDatabase).
 *
 * <p>CPU per message is this JVM's (both instances, the load's clients and the fake connector), not the PostgreSQL
 * server's. Arguments (all optional): seconds per phase, concurrent clients, meeting chats, open-loop rate.
 */
public final class PostgresLoadGenerator {

    private PostgresLoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int chats = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        Path dir = Files.createTempDirectory("boardclerk-bench-pg");
        String database = TestDatabase.freshPostgres("boardclerk_bench");
        try (FakeConnector connector = new FakeConnector()) {
            BoardClerkServer first = instance(dir.resolve("first"), database);
            BoardClerkServer second = instance(dir.resolve("second"), database);
            try {
                List<TeamsChat> meetingChats = new ArrayList<>();
                for (int i = 0; i < chats; i++) {
                    TeamsChat chat = TeamsChat.meeting(connector.serviceUrl(), "19:meeting_bench" + i + "@thread.v2",
                            "tenant-bench", "MCM-bench-" + i);
                    connector.roster(chat.conversationId(), LoadGenerator.MEMBERS);
                    meetingChats.add(chat);
                }
                connector.rosterPageSize(50);
                HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(clients)).build();
                LoadGenerator.setUp(http, first.port(), meetingChats);
                int[] one = {first.port()};
                int[] two = {first.port(), second.port()};
                System.out.printf(Locale.ROOT, "BoardClerk on PostgreSQL, one instance and two: %d meeting chats, %d"
                        + " concurrent clients, %d s per phase, open loop at %d msg/s, %d cores%n", chats, clients,
                        seconds, rate, Runtime.getRuntime().availableProcessors());

                LoadGenerator.closedLoop(http, one, meetingChats, clients, 3, "warm-up one", new AtomicInteger());
                LoadGenerator.closedLoop(http, two, meetingChats, clients, 3, "warm-up two", new AtomicInteger());
                AtomicInteger oneLines = new AtomicInteger();
                AtomicInteger twoLines = new AtomicInteger();
                LoadGenerator.Result[] max = LoadGenerator.alternating(seconds,
                        slice -> LoadGenerator.closedLoop(http, one, meetingChats, clients, slice,
                                "1 instance, max", oneLines),
                        slice -> LoadGenerator.closedLoop(http, two, meetingChats, clients, slice,
                                "2 instances, max", twoLines));
                AtomicInteger oneRateLines = new AtomicInteger();
                AtomicInteger twoRateLines = new AtomicInteger();
                LoadGenerator.Result[] atRate = LoadGenerator.alternating(seconds,
                        slice -> LoadGenerator.openLoop(http, one, meetingChats, rate, slice,
                                "1 instance, " + rate + "/s", oneRateLines),
                        slice -> LoadGenerator.openLoop(http, two, meetingChats, rate, slice,
                                "2 instances, " + rate + "/s", twoRateLines));
                System.out.println();
                for (LoadGenerator.Result r : List.of(max[0], max[1], atRate[0], atRate[1])) {
                    System.out.println(r.line());
                }
                System.out.printf(Locale.ROOT, "%nthroughput ratio two / one instance = %.2f%n",
                        max[1].throughput() / max[0].throughput());
                System.out.printf(Locale.ROOT, "p99 at %d msg/s: two %.2f ms, one %.2f ms, ratio two / one = %.2f%n",
                        rate, atRate[1].p99(), atRate[0].p99(), atRate[1].p99() / atRate[0].p99());
                System.out.printf(Locale.ROOT, "CPU per message at max: two %.2f ms, one %.2f ms, ratio two / one ="
                        + " %.2f%n", max[1].cpuMillisPerMessage(), max[0].cpuMillisPerMessage(),
                        max[1].cpuMillisPerMessage() / max[0].cpuMillisPerMessage());
                System.out.printf(Locale.ROOT, "replies captured by the fake connector: %d%n", connector.sent().size());
            } finally {
                second.close();
                first.close();
            }
        }
        System.exit(0);
    }

    private static BoardClerkServer instance(Path dir, String database) throws Exception {
        Files.createDirectories(dir);
        return new BoardClerkServer(BotConfig.from(Map.of("PORT", "0", "BOARDCLERK_DB",
                dir.resolve("unused.db").toString(), "BOARDCLERK_DATABASE_URL", database)), Clock.systemUTC()).start();
    }
}
