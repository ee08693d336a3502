package io.boardclerk.bot.support;

import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.reminder.Outgoing;
import io.boardclerk.core.reminder.PersonalConversation;
import io.boardclerk.core.reminder.Recipient;
import io.boardclerk.core.reminder.ReminderKind;
import io.boardclerk.core.reminder.ReminderMessage;
import io.boardclerk.core.reminder.ReminderOutbox;
import io.boardclerk.core.view.ActionRow;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test double of the outbox for the dispatcher's narrow tests: deliveries in memory, with the states and the
 * claiming rules the interface describes. The end-to-end tests use the real SQLite outbox instead.
 */
public class MemoryOutbox implements ReminderOutbox {

    /** One delivery as the double keeps it. */
    public static final class Delivery {
        public final long id;
        public final String tenantId;
        public final String serviceUrl;
        public final Recipient recipient;
        public final ReminderMessage message;
        public volatile String state = "PENDING";
        public volatile int attempts;
        public volatile Instant nextAt;
        public volatile Instant leaseUntil;
        public volatile String error;
        public volatile String conversationId;
        public volatile String messageId;

        Delivery(long id, String tenantId, String serviceUrl, Recipient recipient, ReminderMessage message,
                 Instant dueAt) {
            this.id = id;
            this.tenantId = tenantId;
            this.serviceUrl = serviceUrl;
            this.recipient = recipient;
            this.message = message;
            this.nextAt = dueAt;
        }
    }

    private final Map<Long, Delivery> deliveries = new LinkedHashMap<>();
    private final Map<String, PersonalConversation> conversations = new ConcurrentHashMap<>();
    private long ids;

    /** A pending delivery of a per-action reminder about action {@code number}, due at {@code dueAt}. */
    public synchronized Delivery add(String tenantId, String serviceUrl, Recipient recipient, int number,
                                     Instant dueAt) {
        long id = ++ids;
        ActionRow row = new ActionRow(number, number, LocalDate.of(2026, 11, 2), "7", "Bring the estates report",
                recipient.name(), "26/01/2027", LocalDate.of(2027, 1, 26), List.of(), ActionStatus.OPEN, 1);
        ReminderMessage message = new ReminderMessage(ReminderKind.BEFORE, 1, "Business Coordination Board",
                "Action " + number + ".0 is due in 7 days.", List.of(row), null);
        Delivery delivery = new Delivery(id, tenantId, serviceUrl, recipient, message, dueAt);
        deliveries.put(id, delivery);
        return delivery;
    }

    /** A pending delivery of {@code message} (a digest, an escalation ...), due at {@code dueAt}. */
    public synchronized Delivery add(String tenantId, String serviceUrl, Recipient recipient, ReminderMessage message,
                                     Instant dueAt) {
        Delivery delivery = new Delivery(++ids, tenantId, serviceUrl, recipient, message, dueAt);
        deliveries.put(delivery.id, delivery);
        return delivery;
    }

    public synchronized Delivery get(long id) {
        return deliveries.get(id);
    }

    public synchronized List<Delivery> all() {
        return new ArrayList<>(deliveries.values());
    }

    @Override
    public synchronized List<Outgoing> claimDue(Instant now, int limit, Instant leaseUntil) {
        List<Outgoing> claimed = new ArrayList<>();
        for (Delivery d : deliveries.values()) {
            if (claimed.size() >= limit) {
                break;
            }
            if ((d.state.equals("PENDING") || d.state.equals("RETRY")) && !d.nextAt.isAfter(now)) {
                d.state = "CLAIMED";
                d.leaseUntil = leaseUntil;
                claimed.add(new Outgoing(d.id, d.attempts, d.tenantId, d.serviceUrl, d.recipient, d.message,
                        leaseUntil));
            }
        }
        return claimed;
    }

    @Override
    public synchronized void sent(long deliveryId, Instant at, String conversationId, String messageId) {
        Delivery d = sending(deliveryId);
        d.state = "SENT";
        d.conversationId = conversationId;
        d.messageId = messageId;
    }

    @Override
    public synchronized void retry(long deliveryId, Instant nextAt, String error) {
        Delivery d = sending(deliveryId);
        d.state = "RETRY";
        d.attempts++;
        d.nextAt = nextAt;
        d.error = error;
    }

    @Override
    public synchronized void waitUntil(long deliveryId, Instant nextAt, String why) {
        Delivery d = sending(deliveryId);
        d.state = "RETRY";
        d.nextAt = nextAt;
        d.error = why;
    }

    @Override
    public synchronized void dead(long deliveryId, Instant at, String error) {
        Delivery d = sending(deliveryId);
        d.state = "DEAD";
        d.attempts++;
        d.error = error;
    }

    @Override
    public synchronized void mailed(long deliveryId, Instant at, String why) {
        Delivery d = sending(deliveryId);
        d.state = "MAILED";
        d.error = why;
    }

    @Override
    public synchronized void undeliverable(long deliveryId, Instant at, String reason) {
        Delivery d = sending(deliveryId);
        d.state = "UNDELIVERABLE";
        d.error = reason;
    }

    @Override
    public synchronized int markInDoubt(Instant now) {
        int marked = 0;
        for (Delivery d : deliveries.values()) {
            if (d.state.equals("CLAIMED") && d.leaseUntil.isBefore(now)) {
                d.state = "PENDING";
            } else if (d.state.equals("SENDING") && d.leaseUntil.isBefore(now)) {
                d.state = "IN_DOUBT";
                marked++;
            }
        }
        return marked;
    }

    @Override
    public synchronized boolean sending(Outgoing claimed, Instant at) {
        Delivery d = deliveries.get(claimed.deliveryId());
        if (!d.state.equals("CLAIMED") || !claimed.leaseUntil().equals(d.leaseUntil) || !at.isBefore(d.leaseUntil)) {
            return false;
        }
        d.state = "SENDING";
        return true;
    }

    /** An outcome recorded for a delivery that was not being sent is a bug in the dispatcher. */
    private Delivery sending(long id) {
        Delivery d = deliveries.get(id);
        if (!d.state.equals("SENDING")) {
            throw new IllegalStateException("Delivery " + id + " is " + d.state + ", not SENDING");
        }
        return d;
    }

    @Override
    public Optional<PersonalConversation> personalConversation(String tenantId, String userKey) {
        return Optional.ofNullable(conversations.get(tenantId + "\n" + userKey));
    }

    @Override
    public void savePersonalConversation(PersonalConversation conversation) {
        conversations.put(conversation.tenantId() + "\n" + conversation.userKey(), conversation);
    }
}
