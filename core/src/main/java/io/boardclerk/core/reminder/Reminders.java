package io.boardclerk.core.reminder;

import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Owner;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.port.Ledger;
import io.boardclerk.core.port.LedgerStore;
import io.boardclerk.core.port.ReminderRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox the dispatcher sends from, over the ledger. Each call is one transaction, so a claim and the reads it
 * rests on commit together: two sweeps, in two threads or two processes on the same file, never claim one delivery.
 *
 * <p>Who receives a reminder is decided when it falls due (so reassigning an action moves its reminders to the new
 * owner), and what it says when it is claimed (so it shows the actions as they stand then; one whose action has closed,
 * or whose recipient no longer owns it, is cancelled rather than sent).
 */
public final class Reminders implements ReminderOutbox {

    /** How many due reminders one pass expands, however few deliveries the caller claims at a time. */
    static final int EXPANSION_BATCH = 200;
    /** Bounds one claim's work when many due reminders come to nothing to send; the next claim goes on. */
    private static final int MAX_PASSES = 50;

    private final LedgerStore store;
    private final int dailyCap;
    private volatile boolean boardsPlanned;

    /** An outbox whose boards may each send {@link DailyCap#DEFAULT} reminders a day. */
    public Reminders(LedgerStore store) {
        this(store, DailyCap.DEFAULT);
    }

    /** @param dailyCap the most reminders (in Teams or by e-mail) one board sends in a day; more wait for the next */
    public Reminders(LedgerStore store, int dailyCap) {
        if (dailyCap < 1) {
            throw new IllegalArgumentException("a board's daily cap must be at least 1, not " + dailyCap);
        }
        this.store = store;
        this.dailyCap = dailyCap;
    }

    /**
     * Plans the reminders of every board never planned (its actions were recorded before reminders existed); the
     * first sweep does this by itself. Returns how many boards were planned.
     */
    public int planBoardsNeverPlanned(Instant now) {
        int planned = store.inTransaction(ledger -> {
            List<Long> boards = ledger.boardsNeverPlanned();
            for (long boardId : boards) {
                ReminderPlanning.replanBoard(ledger, boardId, now);
            }
            return boards.size();
        });
        boardsPlanned = true;
        return planned;
    }

    @Override
    public List<Outgoing> claimDue(Instant now, int limit, Instant leaseUntil) {
        if (!boardsPlanned) {
            planBoardsNeverPlanned(now);
        }
        return store.inTransaction(ledger -> {
            SweepReads reads = new SweepReads(ledger);
            DailyCap cap = new DailyCap(ledger, dailyCap);
            List<Outgoing> claimed = new ArrayList<>();
            // Due reminders can come to no delivery (skipped, undeliverable, waiting for the window): keep expanding
            // until something is claimed or nothing is due, so that an empty answer means there is nothing to send.
            boolean expanded = true;
            for (int pass = 0; claimed.isEmpty() && expanded && pass < MAX_PASSES; pass++) {
                expanded = expand(reads, ledger.dueReminders(now, Math.max(limit, EXPANSION_BATCH)), now);
                claimDeliveries(reads, cap, now, limit, leaseUntil, claimed);
            }
            return claimed;
        });
    }

    /** Expands due reminders into deliveries; false when there were none. */
    private boolean expand(SweepReads reads, List<StoredReminder> dueReminders, Instant now) {
        if (dueReminders.isEmpty()) {
            return false;
        }
        Expansion expansion = new Expansion(reads, now);
        reads.prefetchActions(dueReminders.stream().map(StoredReminder::actionId).filter(id -> id != null).toList());
        for (StoredReminder reminder : dueReminders) {
            reads.knowReminder(reminder);
            expansion.expand(reminder);
        }
        expansion.finish();
        return true;
    }

    private void claimDeliveries(SweepReads reads, DailyCap cap, Instant now, int limit, Instant leaseUntil,
                                 List<Outgoing> claimed) {
        Ledger ledger = reads.ledger;
        for (List<StoredDelivery> due = ledger.dueDeliveries(now, limit); !due.isEmpty() && claimed.size() < limit;
             due = ledger.dueDeliveries(now, limit - claimed.size())) {
            List<Outgoing> batch = new ArrayList<>();
            for (StoredDelivery delivery : due) {
                claim(reads, cap, delivery, now, leaseUntil).ifPresent(batch::add);
            }
            // One write claims the batch. Nobody else can have claimed any of it: the due rows were read locked for
            // this transaction (SQLite has one writer; on PostgreSQL another instance's sweep skips them).
            int marked = ledger.claimDeliveries(batch.stream().map(Outgoing::deliveryId).toList(), leaseUntil, now);
            if (marked != batch.size()) {
                throw new IllegalStateException("Claimed " + marked + " of " + batch.size() + " deliveries");
            }
            claimed.addAll(batch);
        }
    }

    @Override
    public boolean sending(Outgoing claimed, Instant at) {
        return store.inTransaction(ledger -> ledger.markSending(claimed.deliveryId(), claimed.leaseUntil(), at));
    }

    /**
     * Checks a due delivery and writes what it will say; empty when it was postponed, cancelled or undeliverable, or
     * waits for tomorrow because the board has sent its day's cap.
     */
    private Optional<Outgoing> claim(SweepReads reads, DailyCap cap, StoredDelivery delivery, Instant now,
                                     Instant leaseUntil) {
        Ledger ledger = reads.ledger;
        Board board = reads.board(delivery.boardId());
        ReminderPolicy policy = reads.policy(board.id());
        if (!WorkingCalendar.isOpen(now, policy.zone())) {
            ledger.postponeDelivery(delivery.id(), WorkingCalendar.windowFrom(now, policy.zone()), now);
            return Optional.empty();
        }
        StoredReminder reminder = reads.reminder(delivery.reminderId()).orElseThrow();
        Composed composed = new Composer(reads, board, policy, now).compose(reminder, delivery.personId());
        if (composed.whyNot() != null) {
            ledger.endDelivery(delivery.id(), StoredDelivery.CANCELLED, composed.whyNot(), now);
            return Optional.empty();
        }
        Person person = delivery.personId() == null ? null : reads.person(delivery.personId()).orElse(null);
        String unreachable = person == null ? Reachable.MINUTES_ONLY : Reachable.whyNot(person);
        if (unreachable != null) {
            ledger.endDelivery(delivery.id(), StoredDelivery.UNDELIVERABLE, unreachable, now);
            return Optional.empty();
        }
        Optional<String> serviceUrl = reads.serviceUrl(board.id());
        if (serviceUrl.isEmpty()) {
            ledger.endDelivery(delivery.id(), StoredDelivery.UNDELIVERABLE, "BoardClerk has not yet heard from the"
                    + " board's conversation, so it has no Teams address to send from", now);
            return Optional.empty();
        }
        if (!cap.take(board.id(), policy.zone(), now)) {
            Instant tomorrow = DailyCap.nextDay(now, policy.zone());
            ledger.deliveryWaits(delivery.id(), tomorrow, cap.why(tomorrow, policy.zone()), now);
            return Optional.empty();
        }
        return Optional.of(new Outgoing(delivery.id(), delivery.attempts(), board.tenantId(), serviceUrl.get(),
                new Recipient(person.id(), person.name(), person.teamsId(), person.aadObjectId()),
                composed.message(), leaseUntil));
    }

    @Override
    public void sent(long deliveryId, Instant at, String conversationId, String messageId) {
        store.inTransaction(ledger -> {
            ledger.deliverySent(deliveryId, at, conversationId, messageId);
            return null;
        });
    }

    @Override
    public void mailed(long deliveryId, Instant at, String why) {
        store.inTransaction(ledger -> {
            ledger.deliveryMailed(deliveryId, at, why);
            return null;
        });
    }

    @Override
    public void retry(long deliveryId, Instant nextAt, String error) {
        store.inTransaction(ledger -> {
            ledger.deliveryRetry(deliveryId, nextAt, error, nextAt);
            return null;
        });
    }

    @Override
    public void waitUntil(long deliveryId, Instant nextAt, String why) {
        store.inTransaction(ledger -> {
            ledger.deliveryWaits(deliveryId, nextAt, why, nextAt);
            return null;
        });
    }

    @Override
    public void dead(long deliveryId, Instant at, String error) {
        store.inTransaction(ledger -> {
            ledger.endDelivery(deliveryId, StoredDelivery.DEAD, error, at);
            return null;
        });
    }

    @Override
    public void undeliverable(long deliveryId, Instant at, String reason) {
        store.inTransaction(ledger -> {
            ledger.endDelivery(deliveryId, StoredDelivery.UNDELIVERABLE, reason, at);
            return null;
        });
    }

    @Override
    public int markInDoubt(Instant now) {
        return store.inTransaction(ledger -> ledger.deliveriesInDoubt(now));
    }

    @Override
    public Optional<PersonalConversation> personalConversation(String tenantId, String userKey) {
        return store.read(ledger -> ledger.personalConversation(tenantId, userKey));
    }

    @Override
    public void savePersonalConversation(PersonalConversation conversation) {
        store.inTransaction(ledger -> {
            ledger.savePersonalConversation(conversation);
            return null;
        });
    }

    /** A message ready to send, or why the delivery is no longer wanted. */
    record Composed(ReminderMessage message, String whyNot) {
        static Composed not(String why) {
            return new Composed(null, why);
        }
    }

    /** Who a reminder goes to: a person, or a body or name nobody can be reached through (with why). */
    record Addressee(Long personId, String name, String undeliverable) {
    }

    /** Turns a due reminder into deliveries, and plans the next weekly one. */
    static final class Expansion {

        private final SweepReads reads;
        private final Ledger ledger;
        private final Instant now;
        private final List<Long> expanded = new ArrayList<>();
        private final List<ReminderRepository.NewDelivery> deliveries = new ArrayList<>();

        Expansion(SweepReads reads, Instant now) {
            this.reads = reads;
            this.ledger = reads.ledger;
            this.now = now;
        }

        void expand(StoredReminder reminder) {
            Board board = reads.board(reminder.boardId());
            ReminderPolicy policy = reads.policy(board.id());
            LocalDate today = now.atZone(policy.zone()).toLocalDate();
            Instant after = (reminder.dueAt().isAfter(now) ? reminder.dueAt() : now).plusSeconds(1);
            switch (reminder.kind()) {
                case BEFORE, DUE, OVERDUE, SNOOZE -> {
                    Optional<ActionItem> found = reads.action(reminder.actionId());
                    String why = found.isEmpty() ? "the action was deleted" : ReminderPlanning.whyNot(found.get());
                    if (why != null) {
                        ledger.endReminder(reminder.id(), StoredReminder.CANCELLED, now, why);
                        return;
                    }
                    ActionItem action = found.get();
                    List<Addressee> to = reminder.kind() == ReminderKind.SNOOZE
                            ? reads.person(reminder.personId()).map(p -> List.of(person(p))).orElse(List.of())
                            : addressees(board.id(), action);
                    deliver(reminder, to);
                    if (reminder.kind() == ReminderKind.OVERDUE) {
                        ReminderPlanner.nextOverdue(action.target().date(), policy, after).ifPresent(at ->
                                ledger.planReminder(new PlannedReminder(board.id(), ReminderKind.OVERDUE,
                                        reminder.subject(), action.id(), null, null, at), now));
                    }
                }
                case DIGEST -> {
                    Optional<LocalDate> date = ledger.meeting(reminder.meetingId()).map(m -> m.date());
                    List<ActionItem> due = date.map(d -> reads.openActions(board.id()).stream().filter(a -> d.equals(a.target().date())).toList()).orElse(List.of());
                    if (due.isEmpty()) {
                        ledger.endReminder(reminder.id(), StoredReminder.SKIPPED, now,
                                "no open actions are due at that meeting");
                        return;
                    }
                    Map<String, Addressee> to = new LinkedHashMap<>();
                    for (ActionItem action : due) {
                        for (Addressee addressee : addressees(board.id(), action)) {
                            to.putIfAbsent(addressee.personId() != null ? "p" + addressee.personId()
                                    : "n" + addressee.name(), addressee);
                        }
                    }
                    deliver(reminder, List.copyOf(to.values()));
                }
                case ESCALATION -> {
                    List<ActionItem> late = reads.openActions(board.id()).stream()
                            .filter(a -> ReminderPlanner.escalates(a, policy, today)).toList();
                    if (late.isEmpty()) {
                        ledger.endReminder(reminder.id(), StoredReminder.SKIPPED, now, "nothing to escalate");
                    } else {
                        Long officer = board.chairId() != null ? board.chairId() : board.secretaryId();
                        deliver(reminder, officer == null
                                ? List.of(new Addressee(null, "the chair", "the board has no chair or secretary: say"
                                + " `chair @name`"))
                                : reads.person(officer).map(p -> List.of(person(p))).orElse(List.of()));
                    }
                    ReminderPlanner.escalation(board.id(), policy, after)
                            .ifPresent(next -> ledger.planReminder(next, now));
                }
            }
        }

        private void deliver(StoredReminder reminder, List<Addressee> to) {
            for (Addressee addressee : to) {
                boolean reachable = addressee.undeliverable() == null;
                deliveries.add(new ReminderRepository.NewDelivery(reminder.id(), reminder.boardId(),
                        addressee.personId(), addressee.name(),
                        reachable ? StoredDelivery.PENDING : StoredDelivery.UNDELIVERABLE, reminder.dueAt(),
                        addressee.undeliverable()));
            }
            if (to.isEmpty()) {
                ledger.endReminder(reminder.id(), StoredReminder.EXPANDED, now, "nobody to send it to");
            } else {
                expanded.add(reminder.id());
            }
        }

        /** Writes the deliveries and marks the reminders expanded: one write each, whatever the number due. */
        void finish() {
            ledger.addDeliveries(deliveries, now);
            ledger.markExpanded(expanded, now);
            deliveries.clear();
            expanded.clear();
        }

        /** The owners as people: a person as is, a body through the people mapped to it. */
        List<Addressee> addressees(long boardId, ActionItem action) {
            Map<String, Addressee> to = new LinkedHashMap<>();
            for (Owner owner : action.owners()) {
                if (owner.personId() != null) {
                    reads.person(owner.personId()).ifPresent(p -> to.putIfAbsent("p" + p.id(), person(p)));
                } else if (owner.body()) {
                    List<Long> members = reads.bodyMembers(boardId, owner.name());
                    if (members.isEmpty()) {
                        to.putIfAbsent("n" + owner.name(), new Addressee(null, owner.name(), "nobody is mapped to "
                                + owner.name() + ": `owner " + owner.name() + " = @name`"));
                    }
                    for (long member : members) {
                        reads.person(member).ifPresent(p -> to.putIfAbsent("p" + p.id(), person(p)));
                    }
                } else {
                    to.putIfAbsent("n" + owner.name(), new Addressee(null, owner.name(), owner.name()
                            + " is nobody BoardClerk knows on this board: `action " + action.number()
                            + " owner @name`"));
                }
            }
            return List.copyOf(to.values());
        }

        static Addressee person(Person person) {
            return new Addressee(person.id(), person.name(), Reachable.whyNot(person));
        }
    }
}
