package io.boardclerk.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.cards.ReminderCard;
import io.boardclerk.bot.reminders.RateLimiter;
import io.boardclerk.bot.reminders.ReminderSender;
import io.boardclerk.bot.reminders.SendResult;
import io.boardclerk.core.clerk.Card;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.reminder.Outgoing;
import io.boardclerk.core.reminder.PersonalConversation;
import io.boardclerk.core.reminder.Recipient;
import io.boardclerk.core.reminder.ReminderOutbox;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends a reminder card to its owner's personal chat with the bot. The chat is the one kept in the database for
 * them (seen when they wrote to the bot, or created for an earlier reminder); failing that, it is created from their
 * Teams identity ({@code POST /v3/conversations}, which also works for someone who has never spoken to the bot, as
 * long as the app is installed for them) and kept in the database before the card is sent, so it is created once.
 * Every request waits its turn at the {@link RateLimiter}.
 */
final class PersonalMessenger implements ReminderSender {

    private final ReminderOutbox outbox;
    private final Connector connector;
    private final RateLimiter limiter;
    private final Clock clock;
    private final String botId;
    private final Duration timeout;

    PersonalMessenger(ReminderOutbox outbox, Connector connector, RateLimiter limiter, Clock clock, String botId,
                      Duration timeout) {
        this.outbox = outbox;
        this.connector = connector;
        this.limiter = limiter;
        this.clock = clock;
        this.botId = botId;
        this.timeout = timeout;
    }

    @Override
    public SendResult send(Outgoing outgoing) throws InterruptedException {
        Recipient recipient = outgoing.recipient();
        if (recipient.userKey() == null) {
            return new SendResult.Unreachable(recipient.name() + " has no Teams identity BoardClerk knows of.");
        }
        try {
            Optional<PersonalConversation> known = known(outgoing.tenantId(), recipient);
            if (known.isPresent()) {
                Connector.Answer posted = post(outgoing, known.get());
                if (posted.ok()) {
                    return new SendResult.Sent(known.get().conversationId(), posted.id());
                }
                if (posted.status() != 403 && posted.status() != 404) {
                    return failure(posted, recipient, "deliver a message to");
                }
                // The chat kept from before is gone (the app was removed and added again, say): nothing was
                // delivered, so a new chat is opened and the reminder posted there, once.
            }
            limiter.acquire(outgoing.tenantId(), null);
            Connector.Answer created = connector.createPersonalConversation(outgoing.serviceUrl(), botId,
                    outgoing.tenantId(), recipient.userKey(), timeout);
            if (!created.ok() || created.id() == null) {
                return failure(created, recipient, "open a personal chat with");
            }
            PersonalConversation conversation = new PersonalConversation(outgoing.tenantId(), recipient.userKey(),
                    created.id(), outgoing.serviceUrl(), clock.instant());
            outbox.savePersonalConversation(conversation);
            Connector.Answer posted = post(outgoing, conversation);
            if (!posted.ok()) {
                return failure(posted, recipient, "deliver a message to");
            }
            return new SendResult.Sent(conversation.conversationId(), posted.id());
        } catch (HttpTimeoutException e) {
            return new SendResult.Failed("the Bot Connector did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new SendResult.Failed("could not reach the Bot Connector (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Connector.Answer post(Outgoing outgoing, PersonalConversation conversation) throws IOException,
            InterruptedException {
        limiter.acquire(outgoing.tenantId(), conversation.conversationId());
        return connector.postCard(conversation.serviceUrl(), conversation.conversationId(), card(outgoing), timeout);
    }

    /** The chat kept for this person, under their Teams id or, failing that, their Entra object id. */
    private Optional<PersonalConversation> known(String tenantId, Recipient recipient) {
        Optional<PersonalConversation> known = outbox.personalConversation(tenantId, recipient.userKey());
        if (known.isEmpty() && recipient.aadObjectId() != null && !recipient.aadObjectId().equals(recipient.userKey())) {
            known = outbox.personalConversation(tenantId, recipient.aadObjectId());
        }
        return known;
    }

    private static SendResult failure(Connector.Answer answer, Recipient recipient, String what) {
        int status = answer.status();
        if (status == 429) {
            return new SendResult.Throttled(answer.retryAfter());
        }
        if (status == 403 || status == 404) {
            return new SendResult.Unreachable("Teams would not let BoardClerk " + what + " " + recipient.name()
                    + " (HTTP " + status + "): BoardClerk may not be installed for them, they may have blocked it, "
                    + "or Teams does not know them in this organisation.");
        }
        if (answer.ok()) {
            return new SendResult.Failed("the Bot Connector returned no conversation id");
        }
        return new SendResult.Failed("the Bot Connector answered HTTP " + status);
    }

    static ObjectNode card(Outgoing outgoing) {
        boolean live = outgoing.message().actions().stream().anyMatch(row -> row.status() == null
                || row.status() == ActionStatus.OPEN || row.status() == ActionStatus.ONGOING);
        return ReminderCard.render(new Card.Reminder(outgoing.message(), null, live));
    }
}
