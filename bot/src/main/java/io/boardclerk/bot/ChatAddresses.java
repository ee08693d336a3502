package io.boardclerk.bot;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import io.boardclerk.core.clerk.Bookkeeping;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.port.LedgerStore;
import io.boardclerk.core.posting.ChatAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;

/**
 * Keeps, for each board, how Microsoft Graph addresses its conversation: a channel by its team's Microsoft 365 group
 * id (Teams sends it as {@code channelData.team.aadGroupId}) and the channel's id; a group or meeting chat by the
 * chat's id. Kept in the database, since a weekly post has no activity to read them from; RecentWrites spares a write
 * when nothing changed.
 */
final class ChatAddresses {

    private static final Logger LOG = LoggerFactory.getLogger(ChatAddresses.class);

    private final LedgerStore store;
    private final Bookkeeping book;
    private final Clock clock;
    private final RecentWrites<ChatAddress> stored = new RecentWrites<>();

    ChatAddresses(LedgerStore store, Bookkeeping book, Clock clock) {
        this.store = store;
        this.book = book;
        this.clock = clock;
    }

    /** The address an activity shows for its conversation; empty for a personal chat or a channel without its team. */
    static Optional<ChatAddress> of(Activity activity, Conversation conversation) {
        if (conversation.personal()) {
            return Optional.empty();
        }
        String thread = thread(conversation.conversationId());
        if (conversation.kind() != Conversation.Kind.CHANNEL) {
            return Optional.of(new ChatAddress(null, thread));
        }
        TeamsChannelData data = ActivityTranslator.channelData(activity);
        String team = data == null || data.getTeam() == null ? null : data.getTeam().getAadGroupId();
        if (team == null || team.isBlank()) {
            return Optional.empty();
        }
        String channel = data.getChannel() != null && data.getChannel().getId() != null
                && !data.getChannel().getId().isBlank() ? data.getChannel().getId() : thread;
        return Optional.of(new ChatAddress(team.strip(), thread(channel)));
    }

    /** A channel's reply thread is "19:...@thread.tacv2;messageid=..."; Graph wants the channel or chat itself. */
    private static String thread(String conversationId) {
        int cut = conversationId.indexOf(';');
        return cut < 0 ? conversationId : conversationId.substring(0, cut);
    }

    void remember(Activity activity, Conversation conversation) {
        Optional<ChatAddress> address = of(activity, conversation);
        if (address.isEmpty()) {
            return;
        }
        String key = conversation.tenantId() + "\n" + conversation.conversationId();
        if (stored.wrote(key, address.get())) {
            return;
        }
        try {
            boolean known = book.keepChatAddress(conversation.tenantId(), conversation.conversationId(),
                    address.get(), clock.instant());
            if (known) {
                stored.note(key, address.get());
            }
        } catch (RuntimeException e) {
            // The turn itself is recorded; only posting through Graph depends on this.
            LOG.warn("Could not keep the Graph address of conversation {}: {}", conversation.conversationId(),
                    e.getMessage());
        }
    }

    Optional<ChatAddress> of(long boardId) {
        return store.read(ledger -> ledger.chatAddress(boardId));
    }
}
