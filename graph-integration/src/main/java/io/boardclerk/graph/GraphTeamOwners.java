package io.boardclerk.graph;

import com.azure.core.exception.ClientAuthenticationException;
import com.microsoft.graph.models.AadUserConversationMember;
import com.microsoft.graph.models.ConversationMember;
import com.microsoft.graph.models.ConversationMemberCollectionResponse;
import com.microsoft.kiota.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Locale;

/**
 * Whether a person owns a team, as Microsoft Graph lists the team's members:
 * {@code GET /teams/{group}/members?$filter=(microsoft.graph.aadUserConversationMember/userId eq '{object id}')},
 * owner when the membership's roles include {@code owner}. Needs the resource-specific consent
 * {@value #PERMISSION} (granted by the team's owner when BoardClerk is installed in the team), or the application
 * permission {@code TeamMember.Read.All}. Any failure is an answer of its own, never "owner".
 */
public final class GraphTeamOwners {

    /** The narrowest permission the lookup needs: resource-specific consent, granted team by team. */
    public static final String PERMISSION = "TeamMember.Read.Group";

    private static final Logger LOG = LoggerFactory.getLogger(GraphTeamOwners.class);

    /** What Graph said. */
    public sealed interface Answer {
    }

    /** Graph lists the person as an owner of the team. */
    public record Owner() implements Answer {
    }

    /** Graph lists the person as a member or guest of the team, or not at all. */
    public record NotOwner() implements Answer {
    }

    /** Graph could not say: {@code reason} is a sentence for the chat. */
    public record Failed(String reason) implements Answer {
    }

    private final GraphClients clients;

    public GraphTeamOwners(GraphSettings settings) {
        this(new GraphClients(settings));
    }

    GraphTeamOwners(GraphClients clients) {
        this.clients = clients;
    }

    /** Whether {@code objectId} owns the team whose Microsoft 365 group is {@code groupId}, in {@code tenantId}. */
    public Answer owns(String tenantId, String groupId, String objectId) {
        String tenant = clients.tenant(tenantId);
        if (tenant.isEmpty()) {
            return new Failed("the conversation's organisation (tenant) is not known, and MicrosoftAppTenantId is "
                    + "not set.");
        }
        if (groupId == null || groupId.isBlank() || objectId == null || objectId.isBlank()) {
            return new Failed("Teams did not name the team's Microsoft 365 group or your Entra object id.");
        }
        String wanted = objectId.strip();
        try {
            ConversationMemberCollectionResponse response = clients.client(tenant).teams().byTeamId(groupId.strip())
                    .members().get(request -> request.queryParameters.filter =
                            "(microsoft.graph.aadUserConversationMember/userId eq "
                                    + GraphDirectory.odataString(wanted) + ")");
            if (response == null || response.getValue() == null) {
                return failed("an answer without members", null);
            }
            for (ConversationMember member : response.getValue()) {
                // The filter is Graph's; the membership is checked to be the person's all the same.
                if (member instanceof AadUserConversationMember user && user.getUserId() != null
                        && user.getUserId().equalsIgnoreCase(wanted) && user.getRoles() != null
                        && user.getRoles().stream().anyMatch(role -> role != null
                        && role.strip().toLowerCase(Locale.ROOT).equals("owner"))) {
                    return new Owner();
                }
            }
            return new NotOwner();
        } catch (RuntimeException e) {
            return failure(e);
        }
    }

    private static Answer failure(RuntimeException e) {
        ApiException api = GraphClients.cause(e, ApiException.class);
        if (api != null) {
            int status = api.getResponseStatusCode();
            LOG.warn("Microsoft Graph did not list a team's owners: HTTP {}", status);
            if (status == 401 || status == 403) {
                return new Failed("Microsoft Graph refused BoardClerk (HTTP " + status + "): to read a team's owners "
                        + "the app needs the resource-specific consent " + PERMISSION + " (in BoardClerk's app "
                        + "package: the team's owner grants it by updating or reinstalling BoardClerk in the team) or "
                        + "the application permission TeamMember.Read.All.");
            }
            if (status == 404) {
                return new Failed("Microsoft Graph does not know this team (HTTP 404).");
            }
            if (status == 429 || status == 503 || status == 504) {
                return new Failed("Microsoft Graph is busy (HTTP " + status + "); try again in a few minutes.");
            }
            return new Failed("Microsoft Graph answered with an error (HTTP " + status + ").");
        }
        if (GraphClients.cause(e, ClientAuthenticationException.class) != null) {
            LOG.warn("BoardClerk could not sign in to Microsoft Graph: {}", e.getClass().getSimpleName());
            return new Failed("BoardClerk could not sign in to Microsoft Graph.");
        }
        if (GraphClients.unreadable(e)) {
            return failed("an unreadable answer", e);
        }
        if (GraphClients.cause(e, IOException.class) != null) {
            LOG.warn("Microsoft Graph could not be reached for a team's owners: {}", e.getClass().getSimpleName());
            return new Failed("Microsoft Graph did not answer in time; try again in a few minutes.");
        }
        return failed("an unreadable answer", e);
    }

    private static Answer failed(String what, RuntimeException e) {
        LOG.warn("Microsoft Graph gave {} to a team's owners{}", what, e == null ? "" : ": "
                + e.getClass().getSimpleName());
        return new Failed("Microsoft Graph's answer could not be read.");
    }
}
