package io.boardclerk.core.posting;

/**
 * A board's conversation as Microsoft Graph addresses it.
 *
 * @param teamId   for a channel, the team's Microsoft 365 group id (Teams' {@code channelData.team.aadGroupId});
 *                 null for a chat
 * @param threadId the channel's id, or the chat's id (both {@code 19:...@thread...})
 */
public record ChatAddress(String teamId, String threadId) {

    public boolean channel() {
        return teamId != null;
    }
}
