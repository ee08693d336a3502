package io.boardclerk.bot;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.storage.SqliteLedgerStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connector client is the last gate: whatever service URL reaches it (a stored one, one a bug let through), a
 * host off BOARDCLERK_SERVICE_URL_HOSTS gets no request and the bot's token is not even fetched. Real HTTP to two
 * fake connectors on loopback, only one of them on the list.
 */
class ConnectorHostsTest {

    @TempDir
    Path dir;
    FakeConnector listed;
    FakeConnector elsewhere;
    Connector connector;

    @BeforeEach
    void start() throws Exception {
        listed = new FakeConnector();
        elsewhere = new FakeConnector();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        connector = new Connector(Optional.of(new ClientCredentialsAppCredentials("app-id", "app-secret", "",
                listed.authority(), "https://api.botframework.com/.default", http, Clock.systemUTC())), http,
                ServiceUrlHosts.parse(listed.hostEntry()));
    }

    @AfterEach
    void stop() {
        listed.close();
        elsewhere.close();
    }

    private static Activity incoming(String serviceUrl) {
        Activity activity = new Activity("message");
        activity.setId("m-1");
        activity.setServiceUrl(serviceUrl);
        activity.setChannelId("msteams");
        activity.setConversation(new ConversationAccount("19:c@thread.v2"));
        activity.setFrom(new ChannelAccount("29:x", "X"));
        activity.setRecipient(new ChannelAccount("28:bot", "BoardClerk"));
        return activity;
    }

    @Test
    void everyKindOfCallToAHostOffTheListIsRefusedBeforeAnyRequest() {
        String url = elsewhere.serviceUrl();
        assertThrows(Connector.HostNotAllowed.class, () -> connector.reply(incoming(url), "hello"));
        assertThrows(Connector.HostNotAllowed.class, () -> connector.announce(incoming(url), "hello"));
        assertThrows(Connector.HostNotAllowed.class, () -> connector.get(url, "v3/conversations/c/pagedmembers"));
        assertThrows(Connector.HostNotAllowed.class, () -> connector.createPersonalConversation(url, "28:bot", "t",
                "29:x", Duration.ofSeconds(5)));
        assertThrows(Connector.HostNotAllowed.class, () -> connector.postCard(url, "a:1",
                JsonNodeFactory.instance.objectNode(), Duration.ofSeconds(5)));
        assertThrows(Connector.HostNotAllowed.class, () -> connector.reply(incoming("https://user:pw@"
                + listed.hostEntry() + "/"), "hello"));
        assertEquals(0, elsewhere.requests(), "no request reached the other host");
        assertEquals(0, listed.tokenRequests(), "the token was not even fetched");
    }

    @Test
    void theListedHostGetsTheSignedReply() throws Exception {
        connector.reply(incoming(listed.serviceUrl()), "hello");
        assertEquals("Bearer " + FakeConnector.BOT_TOKEN, listed.sent().get(0).authorization());
    }

    @Test
    void aStoredServiceUrlOffTheListIsNeverHandedOut() throws IOException {
        try (SqliteLedgerStore store = SqliteLedgerStore.open(dir.resolve("b.db"))) {
            long board = store.inTransaction(ledger -> {
                long id = ledger.createBoard("t", "19:c@thread.v2", "B").id();
                ledger.setServiceUrl(id, elsewhere.serviceUrl());
                return id;
            });
            ServiceUrls urls = new ServiceUrls(store, new io.boardclerk.core.clerk.Bookkeeping(store),
                    ServiceUrlHosts.parse(listed.hostEntry()));
            assertTrue(urls.of(board).isEmpty());
            store.inTransaction(ledger -> {
                ledger.setServiceUrl(board, listed.serviceUrl());
                return null;
            });
            assertEquals(Optional.of(listed.serviceUrl()), urls.of(board));
        }
    }
}
