package io.boardclerk.bot;

import com.microsoft.bot.schema.Activity;
import io.boardclerk.core.clerk.Bookkeeping;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.port.LedgerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Keeps, for each board, the Bot Connector address its conversation's activities last came from, so that the bot can
 * post into that conversation unprompted (what is done in the side panel is confirmed in chat). The database holds
 * it; {@link RecentWrites} only spares a write when the address has not changed.
 */
final class ServiceUrls {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceUrls.class);

    private final LedgerStore store;
    private final Bookkeeping book;
    private final ServiceUrlHosts hosts;
    private final RecentWrites<String> stored = new RecentWrites<>();

    /** @param hosts only a service URL on this list is kept, and only one on it is handed out */
    ServiceUrls(LedgerStore store, Bookkeeping book, ServiceUrlHosts hosts) {
        this.store = store;
        this.book = book;
        this.hosts = hosts;
    }

    /** Notes where {@code activity} came from, for the board of its conversation (if it has one). */
    void remember(Activity activity, Conversation conversation) {
        String url = activity.getServiceUrl();
        if (conversation.personal() || url == null || url.isBlank()) {
            return;
        }
        if (!hosts.allows(url)) {
            LOG.warn("Did not keep the service URL of conversation {}: its host is not on BOARDCLERK_SERVICE_URL_HOSTS",
                    LogText.of(conversation.conversationId()));
            return;
        }
        String key = conversation.tenantId() + "\n" + conversation.conversationId();
        if (stored.wrote(key, url)) {
            return;
        }
        try {
            boolean known = book.keepServiceUrl(conversation.tenantId(), conversation.conversationId(), url);
            if (known) {
                stored.note(key, url);
            }
        } catch (RuntimeException e) {
            // The turn itself is recorded; only the side panel's confirmations depend on this.
            LOG.warn("Could not keep the service URL of conversation {}: {}", conversation.conversationId(),
                    e.getMessage());
        }
    }

    /** The board with this id, if it exists. */
    Optional<io.boardclerk.core.model.Board> board(long boardId) {
        return store.read(ledger -> ledger.board(boardId));
    }

    /** The board's service URL, when one is kept and its host is still on BOARDCLERK_SERVICE_URL_HOSTS. */
    Optional<String> of(long boardId) {
        return store.read(ledger -> ledger.serviceUrl(boardId)).filter(hosts::allows);
    }
}
