package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import io.boardclerk.core.clerk.Clerk;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.clerk.RosterEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps each board's roster in step with Teams: the connector's paged members call, cached per conversation and
 * refreshed when members change. A roster that cannot be read is tried again a minute later, never on every message.
 */
final class RosterService {

    private static final Logger LOG = LoggerFactory.getLogger(RosterService.class);
    private static final int PAGE_SIZE = 500;
    private static final int MAX_PAGES = 40;

    private final Clerk clerk;
    private final Connector connector;
    private final Cache<String, Boolean> fresh = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(15))
            .maximumSize(50_000).build();
    private final Cache<String, Boolean> failing = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(50_000).build();

    private final SenderStanding standing;

    RosterService(Clerk clerk, Connector connector, SenderStanding standing) {
        this.clerk = clerk;
        this.connector = connector;
        this.standing = standing;
    }

    /** Reads the roster if it is not known to be fresh. */
    void ensureFresh(Activity activity, Conversation conversation) {
        if (conversation.personal() || fresh.getIfPresent(conversation.conversationId()) != null
                || failing.getIfPresent(conversation.conversationId()) != null) {
            return;
        }
        refresh(activity, conversation);
    }

    /** Members changed: read the roster again now. */
    void membersChanged(Activity activity, Conversation conversation) {
        fresh.invalidate(conversation.conversationId());
        failing.invalidate(conversation.conversationId());
        ensureFresh(activity, conversation);
    }

    private void refresh(Activity activity, Conversation conversation) {
        String id = conversation.conversationId();
        try {
            List<RosterEntry> members = fetch(activity);
            clerk.syncRoster(conversation, members, true);
            fresh.put(id, Boolean.TRUE);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read the roster of conversation {} from {}: {}", id, activity.getServiceUrl(),
                    e.getMessage());
            failing.put(id, Boolean.TRUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<RosterEntry> fetch(Activity activity) throws IOException, InterruptedException {
        TeamsChannelData data = ActivityTranslator.channelData(activity);
        String listed = data != null && data.getTeam() != null && data.getTeam().getId() != null
                && "channel".equals(activity.getConversation().getConversationType())
                ? data.getTeam().getId() : activity.getConversation().getId();
        String base = "v3/conversations/" + Connector.encode(listed) + "/pagedmembers?pageSize=" + PAGE_SIZE;
        List<RosterEntry> members = new ArrayList<>();
        String continuation = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String path = continuation == null ? base : base + "&continuationToken=" + Connector.encode(continuation);
            JsonNode body = connector.get(activity.getServiceUrl(), path);
            for (JsonNode member : body.path("members")) {
                String memberId = member.path("id").asText("");
                if (!memberId.isEmpty()) {
                    String address = emptyToNull(member.path("email").asText(null));
                    String aad = emptyToNull(member.path("aadObjectId").asText(null));
                    String principal = emptyToNull(member.path("userPrincipalName").asText(null));
                    standing.principalName(aad, principal);
                    members.add(new RosterEntry(memberId, aad, member.path("name").asText(memberId),
                            address != null ? address : principal, outsider(member, conversationTenant(activity))));
                }
            }
            continuation = emptyToNull(body.path("continuationToken").asText(null));
            if (continuation == null) {
                return members;
            }
        }
        throw new IOException("roster has more than " + MAX_PAGES + " pages");
    }

    /**
     * A guest ({@code userRole} guest), an anonymous participant (no object id) or someone of another organisation
     * (a roster {@code tenantId} other than the conversation's): never an officer.
     */
    static boolean outsider(JsonNode member, String tenant) {
        String role = member.path("userRole").asText("");
        String memberTenant = member.path("tenantId").asText("");
        return role.equalsIgnoreCase("guest") || role.equalsIgnoreCase("anonymous")
                || member.path("aadObjectId").asText("").isBlank()
                || !memberTenant.isBlank() && tenant != null && !memberTenant.equalsIgnoreCase(tenant);
    }

    private static String conversationTenant(Activity activity) {
        return ActivityTranslator.conversation(activity).tenantId();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
