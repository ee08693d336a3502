package io.boardclerk.core.port;

import io.boardclerk.core.model.ActionEvent;
import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.ActionReview;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.Owner;
import io.boardclerk.core.model.Target;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface ActionRepository {

    /** Takes the board's next action number; numbers are never handed out twice, even after an undo. */
    int takeActionNumber(long boardId);

    /** Adds an action with its owners (at least one) and its original target, set at {@code at} by {@code by}. */
    ActionItem addAction(long boardId, int number, Long meetingId, LocalDate raisedOn, String agendaItem, String text,
                         List<Owner> owners, Target target, long recordingId, Instant at, String by);

    Optional<ActionItem> action(long boardId, int number);

    /** Every action of the board by number, with its owners, target history and updates. */
    List<ActionItem> actions(long boardId);

    /** The board's actions with the given statuses, by number. */
    List<ActionItem> actions(long boardId, List<ActionStatus> statuses);

    /** The names the board's log has used for owners that are bodies ("Constabulary", "OPCC"). */
    List<String> bodyOwnerNames(long boardId);

    /** Replaces the owners; each change bumps the action's version. */
    void setOwners(long actionId, List<Owner> owners);

    /** Sets the current target and appends it to the target history. */
    void setTarget(long actionId, Target target, Instant at, String by);

    /** Moves a meeting target to the date its meeting now has, without a new history entry (the words stay). */
    void followTarget(long actionId, Target target);

    /** Sets the status; {@code closedOn} is the day it closed, null unless closing. */
    void setStatus(long actionId, ActionStatus status, LocalDate closedOn);

    /** The day each closed action of the board closed. */
    Map<Long, LocalDate> closedOn(long boardId);

    void addUpdate(long actionId, LocalDate date, String text, String by, String byTeamsId, Instant at);

    void addEvent(ActionEvent event);

    /** An action's history, oldest first. */
    List<ActionEvent> history(long actionId);

    void deleteAction(long actionId);

    // ---- bodies answer through people

    /** Maps a body to the people who answer for it, replacing any earlier mapping. */
    void mapBody(long boardId, String bodyName, List<Long> personIds);

    /** The people mapped to a body, matched without regard to case or spacing. */
    List<Long> bodyMembers(long boardId, String bodyName);

    /** Every body of the board with its people, by the body's name as last written. */
    Map<String, List<Long>> bodies(long boardId);

    // ---- the review of actions at a meeting

    /** Notes that a meeting reviewed an action (once; later calls keep the first position). */
    void addReview(long meetingId, long actionId, Instant at);

    void setReviewDecision(long meetingId, long actionId, String decision, Instant at);

    /** Notes the update the meeting heard on an action it reviewed (the latest replaces an earlier one). */
    void setReviewUpdate(long meetingId, long actionId, String update, Instant at);

    List<ActionReview> reviews(long meetingId);

    /** The action the meeting is reviewing now, for "Update: ..." lines; empty when none. */
    Optional<Long> actionUnderReview(long meetingId);

    void setActionUnderReview(long meetingId, Long actionId);
}
