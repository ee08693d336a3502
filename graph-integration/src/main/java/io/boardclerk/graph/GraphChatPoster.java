package io.boardclerk.graph;

import com.azure.core.exception.ClientAuthenticationException;
import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.ChatMessage;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/**
 * Posts HTML messages into a board's Teams channel or chat through Microsoft Graph, as BoardClerk's app.
 *
 * <p>Graph lets an app post into channels and chats with tenant-wide application permissions only to migrate
 * messages. BoardClerk instead holds <em>resource-specific consent</em>: its Teams app package declares the
 * application permissions {@value #CHANNEL_PERMISSION} and {@value #CHAT_PERMISSION}, which a team owner or chat
 * member grants for that one team or chat by installing the app there. The call is made with the app's own
 * (client-credentials) token; Graph checks the grant on the team or chat.
 *
 * <p>Throttling (429, honouring {@code Retry-After}) and 503/504 are retried by the SDK's retry handler with back-off;
 * messages to one conversation are spaced at Teams' rate of about four a second. Nothing here throws: every failure
 * is an {@link Outcome} that says how many messages were posted before it and what would put it right.
 */
public final class GraphChatPoster {

    /** The RSC application permission for posting in a team's channels. */
    public static final String CHANNEL_PERMISSION = "ChannelMessage.Send.Group";
    /** The RSC application permission for posting in a chat (group or meeting chat). */
    public static final String CHAT_PERMISSION = "ChatMessage.Send.Chat";

    private static final Logger LOG = LoggerFactory.getLogger(GraphChatPoster.class);

    /** What posting came to. */
    public sealed interface Outcome {
        /** How many messages were posted before it ended. */
        int posted();
    }

    /** Every message was posted. */
    public record Posted(int posted) implements Outcome {
    }

    /**
     * Graph refused (401 or 403): the app lacks the consent for this team or chat, or could not sign in.
     *
     * @param problem in words for the chair, naming the missing permission or consent; never a secret
     */
    public record Refused(int posted, int status, String permission, String problem) implements Outcome {
    }

    /** Graph was busy after retries, failed, did not answer in time, or answered with something unreadable. */
    public record Failed(int posted, String problem) implements Outcome {
    }

    private final GraphClients clients;
    private final Pacer pacer;

    public GraphChatPoster(GraphSettings settings) {
        this(new GraphClients(settings), Pacer.real());
    }

    GraphChatPoster(GraphClients clients, Pacer pacer) {
        this.clients = clients;
        this.pacer = pacer;
    }

    /**
     * Posts each of {@code htmlMessages}, in order, into {@code target}; stops at the first that fails.
     *
     * @param tenantId the board's organisation (used when BoardClerk is multi-tenant)
     */
    public Outcome post(String tenantId, ChatTarget target, List<String> htmlMessages) {
        String tenant = clients.tenant(tenantId);
        if (tenant.isEmpty()) {
            return new Failed(0, "the board's organisation (tenant) is not known, and MicrosoftAppTenantId is not set.");
        }
        int posted = 0;
        for (String html : htmlMessages) {
            try {
                pacer.await(key(target));
                send(clients.client(tenant), target, html);
                posted++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Failed(posted, "posting was interrupted.");
            } catch (RuntimeException e) {
                return failure(e, target, posted);
            }
        }
        return new Posted(posted);
    }

    private static String key(ChatTarget target) {
        return target instanceof ChatTarget.Channel c ? c.teamId() + "/" + c.channelId()
                : ((ChatTarget.Chat) target).chatId();
    }

    private static void send(GraphServiceClient client, ChatTarget target, String html) {
        ItemBody body = new ItemBody();
        body.setContentType(BodyType.Html);
        body.setContent(html);
        ChatMessage message = new ChatMessage();
        message.setBody(body);
        if (target instanceof ChatTarget.Channel channel) {
            client.teams().byTeamId(channel.teamId()).channels().byChannelId(channel.channelId()).messages()
                    .post(message);
        } else {
            client.chats().byChatId(((ChatTarget.Chat) target).chatId()).messages().post(message);
        }
    }

    private Outcome failure(RuntimeException e, ChatTarget target, int posted) {
        ApiException api = GraphClients.cause(e, ApiException.class);
        if (api != null) {
            int status = api.getResponseStatusCode();
            String code = api instanceof ODataError error && error.getError() != null ? error.getError().getCode()
                    : null;
            LOG.warn("Microsoft Graph refused to post a message: HTTP {}{}", status,
                    code == null ? "" : " (" + code + ")");
            if (status == 401 || status == 403) {
                return new Refused(posted, status, target.permission(), "Microsoft Graph refused BoardClerk (HTTP "
                        + status + "): posting in " + target.where() + " needs the resource-specific consent "
                        + target.permission() + ", which " + (target instanceof ChatTarget.Channel
                        ? "a team owner grants by installing the BoardClerk app (the current package) in the team"
                        : "a member grants by adding the BoardClerk app (the current package) to the chat or meeting")
                        + ".");
            }
            if (status == 429 || status == 503 || status == 504) {
                return new Failed(posted, "Microsoft Graph was busy (HTTP " + status + ") and still was after "
                        + "retrying.");
            }
            return new Failed(posted, "Microsoft Graph answered with an error (HTTP " + status + ").");
        }
        if (GraphClients.cause(e, ClientAuthenticationException.class) != null) {
            LOG.warn("BoardClerk could not sign in to Microsoft Graph to post: {}", e.getClass().getSimpleName());
            return new Refused(posted, 401, target.permission(), "BoardClerk could not sign in to Microsoft Graph: "
                    + "check MicrosoftAppId, MicrosoftAppPassword or BOARDCLERK_GRAPH_CERTIFICATE, "
                    + "MicrosoftAppTenantId and BOARDCLERK_LOGIN_AUTHORITY.");
        }
        if (GraphClients.unreadable(e)) {
            LOG.warn("Microsoft Graph's answer to a posted message could not be read: {}", e.getClass().getSimpleName());
            return new Failed(posted, "Microsoft Graph's answer could not be read (the message may or may not have "
                    + "been posted).");
        }
        if (GraphClients.cause(e, IOException.class) != null) {
            LOG.warn("Microsoft Graph could not be reached to post: {}", e.getClass().getSimpleName());
            return new Failed(posted, "Microsoft Graph did not answer in time.");
        }
        LOG.warn("Posting through Microsoft Graph failed: {}", e.toString());
        return new Failed(posted, "Microsoft Graph's answer could not be read (the message may or may not have "
                + "been posted).");
    }
}
