package io.boardclerk.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.documents.DownloadLinks;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import io.boardclerk.core.clerk.Card;
import io.boardclerk.storage.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two BoardClerk servers on one PostgreSQL database, as behind a load balancer: Teams may deliver any activity to
 * either, and redeliver one to both at once. Nothing may be recorded twice, and action numbers stay distinct and
 * gap-free however the writes interleave.
 */
class TwoInstancesOnPostgresTest {

    private static final String TEAM = "19:team-general@thread.tacv2";

    @TempDir
    Path dir;
    RunningBot first;
    RunningBot second;
    TeamsChat chat;
    String database;

    @BeforeEach
    void start() throws Exception {
        database = TestDatabase.emptyPostgres();
        first = RunningBot.start(dir.resolve("first"), Map.of("BOARDCLERK_DATABASE_URL", database));
        // Both are reached through the first's fake connector: one Teams, two instances.
        second = RunningBot.start(dir.resolve("second"), Map.of("BOARDCLERK_DATABASE_URL", database,
                "BOARDCLERK_SERVICE_URL_HOSTS", first.connector.hostEntry()));
        chat = TeamsChat.channel(first.connector.serviceUrl(), "19:bcb-channel@thread.tacv2", "tenant-cambs", TEAM);
        first.connector.roster(TEAM, SECRETARY, JON);
        say(first, chat.message(SECRETARY, "secretary @Claire Dunmore", SECRETARY));
    }

    @AfterEach
    void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private int replies() {
        return first.connector.sentTo(chat.conversationId()).size();
    }

    private String say(RunningBot to, ObjectNode activity) throws Exception {
        int before = replies();
        assertEquals(202, to.client.post(activity).statusCode());
        var sent = first.connector.awaitSent(chat.conversationId(), before + 1, Duration.ofSeconds(10));
        return sent.size() > before ? sent.get(sent.size() - 1).text() : null;
    }

    /** Posts each activity to its instance, all at the same moment; every answer must be 202. */
    private void allAtOnce(List<RunningBot> to, List<ObjectNode> activities) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(activities.size());
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < activities.size(); i++) {
                RunningBot bot = to.get(i);
                ObjectNode activity = activities.get(i);
                statuses.add(pool.submit(() -> {
                    go.await();
                    return bot.client.post(activity).statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> status : statuses) {
                assertEquals(202, status.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Integer> numbers(String sql) throws Exception {
        List<Integer> numbers = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database);
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                numbers.add(rows.getInt(1));
            }
        }
        return numbers;
    }

    @Test
    void anActivityDeliveredToBothInstancesAtOnceIsRecordedAndAnsweredOnce() throws Exception {
        say(second, chat.message(SECRETARY, "start meeting"));
        for (int round = 0; round < 3; round++) {
            ObjectNode apology = chat.message(SECRETARY, "apologies Jon Leigh");
            int before = replies();
            allAtOnce(List.of(first, second), List.of(apology, apology));
            first.connector.awaitSent(chat.conversationId(), before + 2, Duration.ofSeconds(1));
            assertEquals(before + 1, replies(), "one reply to the one activity, whichever instance took it");
        }
        assertEquals(List.of(3), numbers("SELECT COUNT(*) FROM recordings WHERE kind = 'APOLOGIES'"));
        String list = say(first, chat.message(SECRETARY, "apologies"));
        assertEquals(1, list.split("Jon Leigh", -1).length - 1, list);
    }

    @Test
    void actionsRaisedThroughBothInstancesAtOnceGetDistinctGapFreeNumbers() throws Exception {
        int count = 16;
        List<ObjectNode> actions = IntStream.rangeClosed(1, count).mapToObj(i -> chat.message(SECRETARY,
                "action Report " + i + " owner: Jon Leigh due: 10/12/2026")).toList();
        List<RunningBot> to = IntStream.range(0, count).mapToObj(i -> i % 2 == 0 ? first : second).toList();
        int before = replies();

        allAtOnce(to, actions);

        first.connector.awaitSent(chat.conversationId(), before + count, Duration.ofSeconds(30));
        assertEquals(IntStream.rangeClosed(1, count).boxed().toList(),
                numbers("SELECT number FROM actions ORDER BY number"));
        assertEquals(List.of(count), numbers("SELECT COUNT(DISTINCT text) FROM actions"), "each action once");
        assertEquals(List.of(count + 1), numbers("SELECT next_action_number FROM boards"));
    }

    @Test
    void aDownloadLinkMadeByOneInstanceOpensOnTheOther() throws Exception {
        say(first, chat.message(SECRETARY, "action Bring the estates report owner: Jon Leigh due: 26/05/2027"));
        long board = numbers("SELECT id FROM boards").get(0);
        DownloadLinks.Link link = (DownloadLinks.Link) first.server().downloadLinks().mint(new Card.Download(board,
                null, Card.Document.ACTION_LOG_CSV, "test"));
        String path = link.uri().getPath();
        URI onSecond = URI.create("http://127.0.0.1:" + second.port() + path);

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(onSecond)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), "the key that signs links is the database's, shared by both");
        assertTrue(response.body().contains("Bring the estates report"), response.body());
    }
}
