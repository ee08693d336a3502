package io.boardclerk.graph;

/**
 * Where a board's messages go through Graph: a channel of a team, or a group or meeting chat.
 */
public sealed interface ChatTarget {

    /** The resource-specific consent permission Graph needs to let the app post here. */
    String permission();

    /** The delegated permission a signed-in person's token needs for BoardClerk to post here as them. */
    String delegatedPermission();

    /** Where, in words, for messages to the chair. */
    String where();

    /**
     * A team's channel: {@code POST /teams/{teamId}/channels/{channelId}/messages}.
     *
     * @param teamId    the team's Microsoft 365 group id (Teams sends it as {@code channelData.team.aadGroupId})
     * @param channelId the channel's thread id ({@code 19:...@thread.tacv2})
     */
    record Channel(String teamId, String channelId) implements ChatTarget {
        @Override
        public String permission() {
            return GraphChatPoster.CHANNEL_PERMISSION;
        }

        @Override
        public String delegatedPermission() {
            return GraphChatPoster.DELEGATED_CHANNEL_PERMISSION;
        }

        @Override
        public String where() {
            return "the channel";
        }
    }

    /** A group or meeting chat: {@code POST /chats/{chatId}/messages}. */
    record Chat(String chatId) implements ChatTarget {
        @Override
        public String permission() {
            return GraphChatPoster.CHAT_PERMISSION;
        }

        @Override
        public String delegatedPermission() {
            return GraphChatPoster.DELEGATED_CHAT_PERMISSION;
        }

        @Override
        public String where() {
            return "the chat";
        }
    }
}
