package io.boardclerk.bot.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.support.FakeConnector.Member;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A flow test's set-up as a JUnit extension: before each test the real server ({@link RunningBot}: local mode, a new
 * temp SQLite file, its fake connector) and one board's chat whose roster the connector serves; after it, both
 * stopped and the files gone. A test class holds it as
 * {@code @RegisterExtension final BotInChat board = BotInChat.groupChat("19:bcb@thread.v2", "tenant", "Board", ...)}.
 */
public final class BotInChat implements BeforeEachCallback, AfterEachCallback {

    private final Function<String, TeamsChat> chatAt;
    private final Member[] roster;
    private Path dir;
    private RunningBot bot;
    private TeamsChat chat;

    private BotInChat(Function<String, TeamsChat> chatAt, Member[] roster) {
        this.chatAt = chatAt;
        this.roster = roster;
    }

    /** A group chat named {@code name}. */
    public static BotInChat groupChat(String conversationId, String tenantId, String name, Member... roster) {
        return new BotInChat(serviceUrl -> TeamsChat.groupChat(serviceUrl, conversationId, tenantId, name), roster);
    }

    /** A meeting's chat. */
    public static BotInChat meeting(String conversationId, String tenantId, String meetingId, Member... roster) {
        return new BotInChat(serviceUrl -> TeamsChat.meeting(serviceUrl, conversationId, tenantId, meetingId), roster);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("boardclerk-flow-");
        bot = RunningBot.start(dir, Map.of());
        chat = chatAt.apply(bot.connector.serviceUrl());
        bot.connector.roster(chat.conversationId(), roster);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            bot.close();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(BotInChat::delete);
            }
        }
    }

    public RunningBot bot() {
        return bot;
    }

    public TeamsChat chat() {
        return chat;
    }

    public FakeConnector connector() {
        return bot.connector;
    }

    /**
     * Posts {@code activity} (answered 202), waits up to five seconds for BoardClerk's first message back into the
     * chat, and gives every message it has sent there since the post.
     */
    public List<FakeConnector.Sent> send(ObjectNode activity) throws Exception {
        int before = bot.connector.sentTo(chat.conversationId()).size();
        HttpResponse<String> response = bot.client.post(activity);
        assertEquals(202, response.statusCode(), response.body());
        List<FakeConnector.Sent> sent = bot.connector.awaitSent(chat.conversationId(), before + 1,
                Duration.ofSeconds(5));
        return List.copyOf(sent.subList(Math.min(before, sent.size()), sent.size()));
    }

    /** The first message BoardClerk sends back to {@code text} (cards, if any, follow it). */
    public String say(Member from, String text, Member... mentioned) throws Exception {
        List<FakeConnector.Sent> replies = send(chat.message(from, text, mentioned));
        assertTrue(!replies.isEmpty(), "BoardClerk answered \"" + text + "\"");
        return replies.get(0).text();
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
