package io.boardclerk.core.view;

import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.ActionUpdate;

import java.time.LocalDate;
import java.util.List;

/**
 * One action as every rendering shows it (chat, card, CSV, Word). All strings are raw user text: each renderer
 * escapes them for its own medium.
 *
 * @param owners     the owners as the log writes them: "Constabulary; Jo Grant"
 * @param target     the target in words, with its date where known: "the May Board (26/05/2026)", "on-going"
 * @param targetDate the date the target resolves to, null while unknown or for "on-going"
 * @param updates    every update, oldest first; the last is the one everyone sees
 * @param version    changes whenever the action changes: a card carrying an older version is stale
 */
public record ActionRow(long actionId, int number, LocalDate raisedOn, String agendaItem, String text,
                        String owners, String target, LocalDate targetDate, List<ActionUpdate> updates,
                        ActionStatus status, int version) {

    public ActionRow {
        updates = List.copyOf(updates);
    }

    /** "12.0", as the board's own log numbers actions. */
    public String displayNumber() {
        return number + ".0";
    }

    public ActionUpdate latestUpdate() {
        return updates.isEmpty() ? null : updates.get(updates.size() - 1);
    }
}
