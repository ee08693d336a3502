package io.boardclerk.core.reminder;

import java.time.Instant;

/**
 * One reminder the planner wants: its identity is (subject, kind, due instant), so planning the same one twice keeps
 * one row, and one already sent is never planned again.
 *
 * @param subject   "action:12", "action:12:person:3" (a snooze), "meeting:4" or "board:1"
 * @param actionId  the action it is about, null for digests and escalations
 * @param meetingId the meeting a digest is for, null otherwise
 * @param personId  who asked for a snooze, null otherwise
 * @param dueAt     inside the board's delivery window, to the second
 */
public record PlannedReminder(long boardId, ReminderKind kind, String subject, Long actionId, Long meetingId,
                              Long personId, Instant dueAt) {

    public static String actionSubject(long actionId) {
        return "action:" + actionId;
    }

    public static String snoozeSubject(long actionId, long personId) {
        return "action:" + actionId + ":person:" + personId;
    }

    public static String meetingSubject(long meetingId) {
        return "meeting:" + meetingId;
    }

    public static String boardSubject(long boardId) {
        return "board:" + boardId;
    }
}
