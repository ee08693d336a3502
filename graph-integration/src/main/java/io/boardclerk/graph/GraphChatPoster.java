package io.boardclerk.graph;

import com.azure.core.exception.ClientAuthenticationException;
import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.ChatMessage;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.kiota.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts HTML messages into a board's Teams channel or chat through Microsoft Graph: as BoardClerk's app
 * ({@link #post}), or as a signed-in person ({@link #postAs}).
 *
 * <p>Graph lets an app post into channels and chats with tenant-wide application permissions only to migrate
 * messages. BoardClerk instead holds <em>resource-specific consent</em>: its Teams app package declares the
 * application permissions {@value #CHANNEL_PERMISSION} and {@value #CHAT_PERMISSION}, which a team owner or chat
 * member grants for that one team or chat by installing the app there. The call is made with the app's own
 * (client-credentials) token; Graph checks the grant on the team or chat.
 *
 * <p>The other way is the person's own: with the delegated permissions {@value #DELEGATED_CHAT_PERMISSION} and
 * {@value #DELEGATED_CHANNEL_PERMISSION} (granted to BoardClerk by an administrator), the person's Teams sign-in token
 * is exchanged for a Graph token by the on-behalf-of flow, and the message is posted as them.
 *
 * <p>Either way the messages, the pacing and the fault handling are the same. Throttling (429, honouring
 * {@code Retry-After}) and 503/504 are retried by the SDK's retry handler with back-off; messages to one conversation
 * are spaced at Teams' rate of about four a second. Nothing here throws: every failure is an {@link Outcome} that
 * says how many messages were posted before it and what would put it right.
 */
public final class GraphChatPoster {

    /** The RSC application permission for posting in a team's channels. */
    public static final String CHANNEL_PERMISSION = "ChannelMessage.Send.Group";
    /** The RSC application permission for posting in a chat (group or meeting chat). */
    public static final String CHAT_PERMISSION = "ChatMessage.Send.Chat";
    /** The delegated permission for posting in a channel as the signed-in person. */
    public static final String DELEGATED_CHANNEL_PERMISSION = "ChannelMessage.Send";
    /** The delegated permission for posting in a chat as the signed-in person. */
    public static final String DELEGATED_CHAT_PERMISSION = "ChatMessage.Send";

    private static final Logger LOG = LoggerFactory.getLogger(GraphChatPoster.class);
    private static final Pattern AADSTS = Pattern.compile("AADSTS\\d+");

    /** What posting came to. */
    public sealed interface Outcome {
        /** How many messages were posted before it ended. */
        int posted();
    }

    /** Every message was posted. */
    public record Posted(int posted) implements Outcome {
    }

    /**
     * Graph refused (401 or 403), or the identity authority would not issue the token for lack of consent: the
     * permission or consent named is missing.
     *
     * @param permission the missing permission: the RSC one for the app, the delegated one for a person
     * @param problem    in words for the chair, naming the missing permission or consent; never a secret
     */
    public record Refused(int posted, int status, String permission, String problem) implements Outcome {
    }

    /**
     * No Graph token could be had: BoardClerk's own credentials were refused, or (posting as a person) their sign-in
     * token has expired or was not accepted.
     *
     * @param problem in words, saying what to check or to sign in again; never a secret or token
     */
    public record NotSignedIn(int posted, String problem) implements Outcome {
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
     * Posts each of {@code htmlMessages}, in order, into {@code target} as BoardClerk's app; stops at the first that
     * fails.
     *
     * @param tenantId the board's organisation (used when BoardClerk is multi-tenant)
     */
    public Outcome post(String tenantId, ChatTarget target, List<String> htmlMessages) {
        String tenant = clients.tenant(tenantId);
        if (tenant.isEmpty()) {
            return new Failed(0, "the board's organisation (tenant) is not known, and MicrosoftAppTenantId is not set.");
        }
        return send(clients.client(tenant), target, htmlMessages, false);
    }

    /**
     * Posts each of {@code htmlMessages}, in order, into {@code target} as {@code user}, with the delegated
     * permission for the target got by the on-behalf-of flow from the user's token; stops at the first that fails.
     * The credential and client are built for this call alone and dropped after it.
     */
    public Outcome postAs(OnBehalfOf user, ChatTarget target, List<String> htmlMessages) {
        if (user.tenantId().isEmpty() || user.userToken().isEmpty()) {
            return new NotSignedIn(0, "your sign-in did not come with the request: sign in again (reopen the side "
                    + "panel) and try again.");
        }
        return send(clients.delegated(user, target.delegatedPermission()), target, htmlMessages, true);
    }

    private Outcome send(GraphServiceClient client, ChatTarget target, List<String> htmlMessages, boolean asUser) {
        int posted = 0;
        for (String html : htmlMessages) {
            try {
                pacer.await(key(target));
                send(client, target, html);
                posted++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Failed(posted, "posting was interrupted.");
            } catch (RuntimeException e) {
                return asUser ? delegatedFailure(e, target, posted) : failure(e, target, posted);
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
            return busyOrError(status, posted);
        }
        if (GraphClients.cause(e, ClientAuthenticationException.class) != null) {
            LOG.warn("BoardClerk could not sign in to Microsoft Graph to post: {}", e.getClass().getSimpleName());
            return new NotSignedIn(posted, "BoardClerk could not sign in to Microsoft Graph: "
                    + "check MicrosoftAppId, MicrosoftAppPassword or BOARDCLERK_GRAPH_CERTIFICATE, "
                    + "MicrosoftAppTenantId and BOARDCLERK_LOGIN_AUTHORITY.");
        }
        return otherFailure(e, posted);
    }

    /** The faults of posting as a person: the token exchange's refusals, then Graph's in the delegated words. */
    private Outcome delegatedFailure(RuntimeException e, ChatTarget target, int posted) {
        String permission = target.delegatedPermission();
        ApiException api = GraphClients.cause(e, ApiException.class);
        if (api != null) {
            int status = api.getResponseStatusCode();
            String code = api instanceof ODataError error && error.getError() != null ? error.getError().getCode()
                    : null;
            LOG.warn("Microsoft Graph refused to post a message as a signed-in person: HTTP {}{}", status,
                    code == null ? "" : " (" + code + ")");
            if (status == 401 || status == 403) {
                return new Refused(posted, status, permission, "Microsoft Graph refused to post as you (HTTP "
                        + status + "): posting in " + target.where() + " as you needs the delegated permission "
                        + permission + ", which an administrator grants to BoardClerk in Entra ID (API permissions "
                        + "→ Grant admin consent), and you must be a member of " + target.where() + ".");
            }
            return busyOrError(status, posted);
        }
        if (GraphClients.cause(e, ClientAuthenticationException.class) != null) {
            String said = authorityWords(e);
            String lower = said.toLowerCase(Locale.ROOT);
            Matcher code = AADSTS.matcher(said);
            LOG.warn("The on-behalf-of exchange for a signed-in person's Graph token was refused{}",
                    code.find() ? ": " + code.group() : "");
            if (said.contains("AADSTS65001") || lower.contains("consent_required")
                    || lower.contains("interaction_required")) {
                return new Refused(posted, 403, permission, "the delegated permission " + permission + " has not "
                        + "been consented for BoardClerk: an administrator grants it in Entra ID (API permissions → "
                        + "Grant admin consent).");
            }
            if (lower.contains("invalid_grant") || said.contains("AADSTS500133") || said.contains("AADSTS50013")) {
                return new NotSignedIn(posted, "your Teams sign-in has expired or was not accepted for Microsoft "
                        + "Graph: sign in again (reopen the side panel) and try again.");
            }
            return new NotSignedIn(posted, "BoardClerk could not get a Microsoft Graph token for you: check "
                    + "MicrosoftAppId, MicrosoftAppPassword or BOARDCLERK_GRAPH_CERTIFICATE and "
                    + "BOARDCLERK_LOGIN_AUTHORITY.");
        }
        return otherFailure(e, posted);
    }

    /**
     * What the identity authority said, from the exception chain: MSAL's error code ({@code invalid_grant}) and its
     * description ({@code AADSTS65001: ...}). Held only to classify the refusal: never logged whole.
     */
    private static String authorityWords(Throwable e) {
        StringBuilder words = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MsalException msal && msal.errorCode() != null) {
                words.append(msal.errorCode()).append(' ');
            }
            if (t.getMessage() != null) {
                words.append(t.getMessage()).append(' ');
            }
        }
        return words.toString();
    }

    private static Outcome busyOrError(int status, int posted) {
        if (status == 429 || status == 503 || status == 504) {
            return new Failed(posted, "Microsoft Graph was busy (HTTP " + status + ") and still was after "
                    + "retrying.");
        }
        return new Failed(posted, "Microsoft Graph answered with an error (HTTP " + status + ").");
    }

    private static Outcome otherFailure(RuntimeException e, int posted) {
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
