package io.boardclerk.core.reminder;

import io.boardclerk.core.model.Person;

/**
 * Who BoardClerk may send a reminder to (and so, when Teams cannot take it, e-mail): someone on the board's roster,
 * that is in the board's chat now, or someone an officer named as an owner and the organisation's directory matched
 * exactly (kept with their Entra object id). Nobody else: not a name from the minutes, and not someone who has left
 * the chat. So a reminder, or an e-mail, can only reach people the board itself holds.
 */
final class Reachable {

    static final String MINUTES_ONLY = "known only from the minutes: no Teams identity";
    static final String LEFT_THE_CHAT = "not in the board's chat any more: reminders go only to the board's roster."
            + " Give the action to someone in the chat (`action <number> owner @name`), or add them back";

    private Reachable() {
    }

    /** Why the person may not be sent a reminder, or null when they may. */
    static String whyNot(Person person) {
        if (person.teamsId() == null && person.aadObjectId() == null) {
            return MINUTES_ONLY;
        }
        if (person.teamsId() != null && !person.onRoster()) {
            return LEFT_THE_CHAT;
        }
        return null;
    }
}
