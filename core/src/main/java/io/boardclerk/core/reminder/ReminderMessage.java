package io.boardclerk.core.reminder;

import io.boardclerk.core.view.ActionRow;

import java.time.LocalDate;
import java.util.List;

/**
 * What one reminder says, worked out when it is sent (so it shows the actions as they stand then). All strings are
 * raw user text: the renderer escapes them.
 *
 * @param headline    one sentence in words: "Action 12.0 is due in 7 days, on Monday 30/11/2026."
 * @param actions     the actions it is about: one for per-action kinds, several for digests
 * @param meetingDate the meeting a digest is for, null otherwise
 */
public record ReminderMessage(ReminderKind kind, long boardId, String boardName, String headline,
                              List<ActionRow> actions, LocalDate meetingDate) {

    public ReminderMessage {
        actions = List.copyOf(actions);
    }
}
