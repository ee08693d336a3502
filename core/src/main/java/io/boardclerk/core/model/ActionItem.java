package io.boardclerk.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One numbered entry in a board's action log.
 *
 * @param number         the log number, never reused; shown as "12.0"
 * @param meetingId      the meeting that raised it, null when raised between meetings
 * @param owners         one or more owners, people or bodies, in the order given
 * @param targetHistory  every target the action has had, the original first and the current last
 * @param version        counts the changes to the action; a card showing an older version is stale
 */
public record ActionItem(long id, long boardId, int number, Long meetingId, LocalDate raisedOn, String agendaItem,
                         String text, List<Owner> owners, Target target, List<Target> targetHistory,
                         ActionStatus status, List<ActionUpdate> updates, long recordingId, int version) {

    public ActionItem {
        owners = List.copyOf(owners);
        targetHistory = List.copyOf(targetHistory);
        updates = List.copyOf(updates);
    }

    /** The first owner named; null only for an action stored without one. */
    public Owner owner() {
        return owners.isEmpty() ? null : owners.get(0);
    }

    /** The target the action was raised with. */
    public Target originalTarget() {
        return targetHistory.isEmpty() ? target : targetHistory.get(0);
    }

    /** The number as the board's own log shows it: "12.0". */
    public String displayNumber() {
        return displayNumber(number);
    }

    public static String displayNumber(int number) {
        return number + ".0";
    }

    public boolean isOwnedBy(long personId) {
        return owners.stream().anyMatch(o -> o.personId() != null && o.personId() == personId);
    }
}
