package io.boardclerk.core.port;

import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.Owner;
import io.boardclerk.core.model.Target;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

public interface ActionRepository {

    /** Takes the board's next action number; numbers are never handed out twice, even after an undo. */
    int takeActionNumber(long boardId);

    ActionItem addAction(long boardId, int number, Long meetingId, LocalDate raisedOn, String agendaItem, String text,
                         Owner owner, Target target, long recordingId);

    Optional<ActionItem> action(long boardId, int number);

    /** Every action of the board by number, with its updates. */
    List<ActionItem> actions(long boardId);

    /** The names the board's log has used for owners that are bodies ("Constabulary", "OPCC"). */
    List<String> bodyOwnerNames(long boardId);

    void setOwner(long actionId, Owner owner);

    void setTarget(long actionId, Target target);

    void deleteAction(long actionId);
}
