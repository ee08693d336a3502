package io.boardclerk.graph;

import com.microsoft.graph.models.Channel;
import com.microsoft.graph.models.Chat;
import com.microsoft.graph.models.Team;
import com.microsoft.kiota.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * What Teams calls a conversation, read through Microsoft Graph when a message does not say: a chat's topic (a
 * meeting chat's topic is the meeting's title), and a channel's team and name. Needs the application permissions
 * {@value #PERMISSIONS}, or their resource-specific consent. A refusal or failure is logged and answered as no name:
 * the board then keeps its own name (and its officers are asked for one).
 */
public final class GraphConversationNames {

    public static final String PERMISSIONS = "Chat.ReadBasic.All, Team.ReadBasic.All and Channel.ReadBasic.All";

    private static final Logger LOG = LoggerFactory.getLogger(GraphConversationNames.class);

    private final GraphClients clients;

    public GraphConversationNames(GraphSettings settings) {
        this.clients = new GraphClients(settings);
    }

    /** The chat's topic ({@code GET /chats/{id}?$select=topic}); empty when it has none or Graph did not answer. */
    public Optional<String> chatTopic(String tenantId, String chatId) {
        String tenant = clients.tenant(tenantId);
        if (tenant.isEmpty() || chatId == null || chatId.isBlank()) {
            return Optional.empty();
        }
        try {
            Chat chat = clients.client(tenant).chats().byChatId(chatId)
                    .get(request -> request.queryParameters.select = new String[] {"topic"});
            return chat == null ? Optional.empty() : present(chat.getTopic());
        } catch (RuntimeException e) {
            return failed("a chat's topic", e);
        }
    }

    /**
     * "Team / Channel" ({@code GET /teams/{group}} and {@code GET /teams/{group}/channels/{id}}, their display
     * names); the team's name alone for its General channel. Empty when Graph did not answer.
     */
    public Optional<String> channelName(String tenantId, String teamGroupId, String channelId) {
        String tenant = clients.tenant(tenantId);
        if (tenant.isEmpty() || teamGroupId == null || teamGroupId.isBlank() || channelId == null
                || channelId.isBlank()) {
            return Optional.empty();
        }
        try {
            var team = clients.client(tenant).teams().byTeamId(teamGroupId);
            Team found = team.get(request -> request.queryParameters.select = new String[] {"displayName"});
            Optional<String> teamName = found == null ? Optional.empty() : present(found.getDisplayName());
            if (teamName.isEmpty()) {
                return Optional.empty();
            }
            Channel channel = team.channels().byChannelId(channelId)
                    .get(request -> request.queryParameters.select = new String[] {"displayName"});
            Optional<String> channelName = channel == null ? Optional.empty() : present(channel.getDisplayName());
            return channelName.filter(name -> !name.equalsIgnoreCase("General")).map(name -> teamName.get() + " / "
                    + name).or(() -> teamName);
        } catch (RuntimeException e) {
            return failed("a channel's name", e);
        }
    }

    private static Optional<String> present(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    private static Optional<String> failed(String what, RuntimeException e) {
        ApiException api = GraphClients.cause(e, ApiException.class);
        if (api != null) {
            LOG.warn("Microsoft Graph did not give {}: HTTP {} (needs {})", what, api.getResponseStatusCode(),
                    PERMISSIONS);
        } else {
            LOG.warn("Microsoft Graph did not give {}: {}", what, e.getClass().getSimpleName());
        }
        return Optional.empty();
    }
}
