package io.boardclerk.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One numbered entry in a board's action log.
 *
 * @param number    the log number, never reused; shown as "12.0"
 * @param meetingId the meeting that raised it, null when raised between meetings
 */
public record ActionItem(long id, long boardId, int number, Long meetingId, LocalDate raisedOn, String agendaItem,
                         String text, Owner owner, Target target, ActionStatus status, List<ActionUpdate> updates,
                         long recordingId) {

    public ActionItem {
        updates = List.copyOf(updates);
    }

    /** The number as the board's own log shows it: "12.0". */
    public String displayNumber() {
        return displayNumber(number);
    }

    public static String displayNumber(int number) {
        return number + ".0";
    }

    public ActionItem withOwner(Owner newOwner) {
        return new ActionItem(id, boardId, number, meetingId, raisedOn, agendaItem, text, newOwner, target, status,
                updates, recordingId);
    }

    public ActionItem withTarget(Target newTarget) {
        return new ActionItem(id, boardId, number, meetingId, raisedOn, agendaItem, text, owner, newTarget, status,
                updates, recordingId);
    }
}
