package io.boardclerk.bot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import io.boardclerk.core.clerk.BoardNaming;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.port.LedgerStore;
import io.boardclerk.graph.GraphConversationNames;

import java.time.Duration;
import java.util.Optional;

/**
 * The name Teams gives a conversation when its messages do not carry one (a group chat's topic, a meeting chat's
 * title, a channel's team and name), read through Microsoft Graph where Graph is on. Asked only for a board that has
 * no name yet, outside any transaction, and at most once an hour per conversation (an answer of "none" included), so
 * a turn costs no Graph call once the board is named.
 */
final class BoardNames {

    private final LedgerStore store;
    private final GraphConversationNames graph;
    private final Cache<String, Optional<String>> asked = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1)).maximumSize(10_000).build();
    /** Conversations whose boards have a name: a board never loses its name, so they are not read again. */
    private final Cache<String, Boolean> named = Caffeine.newBuilder().maximumSize(10_000).build();

    /** {@code graph} null: Graph is off, and only what Teams sends with a message names a board. */
    BoardNames(LedgerStore store, GraphConversationNames graph) {
        this.store = store;
        this.graph = graph;
    }

    /** {@code conversation} with the name Graph knows for it, when Teams sent none and its board has none. */
    Conversation named(Activity activity, Conversation conversation) {
        if (graph == null || conversation.personal() || conversation.suggestedName() != null) {
            return conversation;
        }
        String key = conversation.tenantId() + "\n" + conversation.conversationId(); // tenants kept apart
        if (named.getIfPresent(key) != null) {
            return conversation;
        }
        boolean hasName = store.read(ledger -> ledger.findBoard(conversation.tenantId(),
                conversation.conversationId())).filter(board -> !BoardNaming.unnamed(board)).isPresent();
        if (hasName) {
            named.put(key, Boolean.TRUE);
            return conversation;
        }
        Optional<String> name = asked.get(key, k -> lookUp(activity, conversation));
        return name.map(n -> new Conversation(conversation.tenantId(), conversation.conversationId(),
                conversation.kind(), n)).orElse(conversation);
    }

    private Optional<String> lookUp(Activity activity, Conversation conversation) {
        if (conversation.kind() == Conversation.Kind.CHANNEL) {
            TeamsChannelData data = ActivityTranslator.channelData(activity);
            if (data == null || data.getTeam() == null || data.getChannel() == null) {
                return Optional.empty();
            }
            return graph.channelName(conversation.tenantId(), data.getTeam().getAadGroupId(),
                    data.getChannel().getId());
        }
        return graph.chatTopic(conversation.tenantId(), conversation.conversationId());
    }
}
