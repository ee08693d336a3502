package io.boardclerk.core.reminder;

import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.port.Ledger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one sweep reads, read once: a sweep of 100 reminders to the same board would otherwise read the board, its
 * policy and its address 200 times, and an action once to expand its reminder and again to write it. A sweep changes
 * reminders and deliveries only, never what is cached here, so the cache stays true for the sweep's transaction.
 */
final class SweepReads {

    final Ledger ledger;
    private final Map<Long, Board> boards = new HashMap<>();
    private final Map<Long, ReminderPolicy> policies = new HashMap<>();
    private final Map<Long, Optional<String>> serviceUrls = new HashMap<>();
    private final Map<Long, Optional<ActionItem>> actions = new HashMap<>();
    private final Map<Long, Optional<Person>> people = new HashMap<>();
    private final Map<Long, Optional<StoredReminder>> reminders = new HashMap<>();
    private final Map<Long, List<ActionItem>> openActions = new HashMap<>();
    private final Map<Long, List<Meeting>> meetings = new HashMap<>();
    private final Map<String, List<Long>> bodyMembers = new HashMap<>();

    SweepReads(Ledger ledger) {
        this.ledger = ledger;
    }

    Board board(long boardId) {
        return boards.computeIfAbsent(boardId, id -> ledger.board(id).orElseThrow());
    }

    ReminderPolicy policy(long boardId) {
        return policies.computeIfAbsent(boardId, ledger::reminderPolicy);
    }

    Optional<String> serviceUrl(long boardId) {
        return serviceUrls.computeIfAbsent(boardId, ledger::serviceUrl);
    }

    Optional<ActionItem> action(long actionId) {
        return actions.computeIfAbsent(actionId, ledger::actionById);
    }

    /** Reads the actions of many reminders at once, before they are expanded one by one. */
    void prefetchActions(java.util.Collection<Long> actionIds) {
        List<Long> missing = actionIds.stream().filter(id -> !actions.containsKey(id)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        for (ActionItem action : ledger.actionsByIds(missing)) {
            actions.put(action.id(), Optional.of(action));
        }
        for (long id : missing) {
            actions.putIfAbsent(id, Optional.empty());
        }
    }

    Optional<Person> person(long personId) {
        return people.computeIfAbsent(personId, ledger::person);
    }

    Optional<StoredReminder> reminder(long reminderId) {
        return reminders.computeIfAbsent(reminderId, ledger::reminder);
    }

    void knowReminder(StoredReminder reminder) {
        reminders.put(reminder.id(), Optional.of(reminder));
    }

    /** The board's open actions: digests and escalations read them all, so their cost follows the open actions. */
    List<ActionItem> openActions(long boardId) {
        return openActions.computeIfAbsent(boardId, id -> ledger.actions(id, List.of(ActionStatus.OPEN)));
    }

    List<Meeting> meetings(long boardId) {
        return meetings.computeIfAbsent(boardId, ledger::meetings);
    }

    List<Long> bodyMembers(long boardId, String body) {
        return bodyMembers.computeIfAbsent(boardId + "\u0000" + body, k -> ledger.bodyMembers(boardId, body));
    }
}
