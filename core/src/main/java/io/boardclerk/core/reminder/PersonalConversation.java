package io.boardclerk.core.reminder;

import java.time.Instant;

/** The bot's one-to-one conversation with a person: the reference proactive messages need. */
public record PersonalConversation(String tenantId, String userKey, String conversationId, String serviceUrl,
                                   Instant createdAt) {
}
