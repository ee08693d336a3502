package io.boardclerk.core.clerk;

/**
 * The Teams conversation a message came from.
 *
 * @param suggestedName the team and channel, group chat or meeting title Teams gave, may be null
 */
public record Conversation(String tenantId, String conversationId, Kind kind, String suggestedName) {

    public enum Kind {
        PERSONAL, GROUP_CHAT, CHANNEL, MEETING
    }

    public boolean personal() {
        return kind == Kind.PERSONAL;
    }
}
