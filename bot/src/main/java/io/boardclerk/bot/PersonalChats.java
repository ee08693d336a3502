package io.boardclerk.bot;

import com.microsoft.bot.schema.Activity;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.reminder.PersonalConversation;
import io.boardclerk.core.reminder.ReminderOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Keeps the personal chat of everyone who writes to the bot (or installs it) one to one, under their Teams id and
 * their Entra object id, so that reminders reach them without creating a conversation. The database holds it;
 * {@link RecentWrites} only spares a write when nothing has changed.
 */
final class PersonalChats {

    private static final Logger LOG = LoggerFactory.getLogger(PersonalChats.class);

    private final ReminderOutbox outbox;
    private final Clock clock;
    private final RecentWrites<String> stored = new RecentWrites<>();

    private final ServiceUrlHosts hosts;

    /** @param hosts only a personal chat whose service URL is on this list is kept */
    PersonalChats(ReminderOutbox outbox, Clock clock, ServiceUrlHosts hosts) {
        this.outbox = outbox;
        this.clock = clock;
        this.hosts = hosts;
    }

    /** Notes the personal chat {@code activity} came from; does nothing for any other conversation. */
    void remember(Activity activity, Conversation conversation) {
        if (!conversation.personal() || activity.getFrom() == null || activity.getServiceUrl() == null
                || conversation.tenantId() == null || conversation.tenantId().isBlank()) {
            return;
        }
        if (!hosts.allows(activity.getServiceUrl())) {
            return;
        }
        String reference = conversation.conversationId() + "\n" + activity.getServiceUrl();
        for (String key : new String[]{activity.getFrom().getId(), activity.getFrom().getAadObjectId()}) {
            if (key == null || key.isBlank() || key.equals(activity.getRecipient() == null ? null
                    : activity.getRecipient().getId())) {
                continue;
            }
            String cacheKey = conversation.tenantId() + "\n" + key;
            if (stored.wrote(cacheKey, reference)) {
                continue;
            }
            try {
                outbox.savePersonalConversation(new PersonalConversation(conversation.tenantId(), key,
                        conversation.conversationId(), activity.getServiceUrl(), clock.instant()));
                stored.note(cacheKey, reference);
            } catch (RuntimeException e) {
                // The turn is answered all the same; the chat will be created when a reminder needs it.
                LOG.warn("Could not keep the personal chat {}: {}", conversation.conversationId(), e.getMessage());
            }
        }
    }
}
