package io.boardclerk.bot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.boardclerk.core.clerk.Md;
import io.boardclerk.graph.GraphTeamOwners;

import java.time.Duration;
import java.util.Locale;

/**
 * Whether someone owns a channel's team, as Microsoft Graph lists the team's members. A definite answer is remembered
 * for a few minutes per team and person; a failure is not remembered, and never makes anyone an owner. With Graph off
 * nobody is recognised as an owner, and the answer says why.
 */
final class TeamOwnership {

    /** How long Graph's answer is trusted: long enough for a few appointments, short enough to follow a change. */
    static final Duration REMEMBERED = Duration.ofMinutes(5);

    /**
     * @param owner whether Graph lists the person as an owner
     * @param unknownBecause why ownership could not be established (Markdown for the chat, escaped), or null
     */
    record Verdict(boolean owner, String unknownBecause) {
    }

    private final GraphTeamOwners graph;
    private final String graphOff;
    private final Cache<String, Boolean> answers = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(REMEMBERED).build();

    /**
     * @param graph Graph's list of a team's members; null when Graph is off
     * @param graphOff why Graph is off and what turning it on takes, for the chat
     */
    TeamOwnership(GraphTeamOwners graph, String graphOff) {
        this.graph = graph;
        this.graphOff = graphOff;
    }

    /** Whether {@code objectId} owns the team whose Microsoft 365 group is {@code groupId}. */
    Verdict of(String tenantId, String groupId, String objectId) {
        if (graph == null) {
            return new Verdict(false, "BoardClerk cannot recognise the team's owner while Microsoft Graph is off ("
                    + Md.esc(graphOff) + ").");
        }
        String key = (tenantId + "|" + groupId + "|" + objectId).toLowerCase(Locale.ROOT);
        Boolean known = answers.getIfPresent(key);
        if (known != null) {
            return new Verdict(known, null);
        }
        GraphTeamOwners.Answer answer = graph.owns(tenantId, groupId, objectId);
        if (answer instanceof GraphTeamOwners.Failed failed) {
            return new Verdict(false, "BoardClerk could not ask Microsoft Graph whether you own this team: "
                    + Md.esc(failed.reason()));
        }
        boolean owner = answer instanceof GraphTeamOwners.Owner;
        answers.put(key, owner);
        return new Verdict(owner, null);
    }
}
