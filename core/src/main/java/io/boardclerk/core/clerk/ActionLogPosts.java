package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.MeetingStatus;
import io.boardclerk.core.parse.BritishDates;
import io.boardclerk.core.port.Ledger;
import io.boardclerk.core.posting.PostingSchedule;
import io.boardclerk.core.view.ActionLogView;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

/**
 * {@code post action log} and its weekly schedule. The clerk decides who may and what is posted (the whole log's
 * summary, as {@code action log} shows it); the posting itself (Microsoft Graph, or the bot as a fallback) happens
 * after the turn's transaction, so no call to Graph ever holds the database.
 */
final class ActionLogPosts {

    private ActionLogPosts() {
    }

    static String handle(Desk desk, Command.PostActionLog command) {
        return switch (command.mode()) {
            case NOW -> now(desk);
            case WEEKLY -> weekly(desk, command);
            case WEEKLY_OFF -> off(desk);
            case SHOW_SCHEDULE -> show(desk);
        };
    }

    private static String now(Desk desk) {
        desk.requireOfficer("post the action log summary");
        desk.after(post(desk.ledger(), desk.board(), desk.today(), desk.currentOrNextMeeting()));
        return "";
    }

    private static String weekly(Desk desk, Command.PostActionLog command) {
        desk.requireOfficer("set when the action log summary is posted");
        desk.ledger().setPostingSchedule(desk.board().id(), command.day(), desk.zone(), desk.sender().name(),
                desk.now());
        PostingSchedule schedule = desk.ledger().postingSchedule(desk.board().id()).orElseThrow();
        desk.after(new Effect.SayPostingMethod(desk.board().id()));
        return "Every " + schedule.dayName() + " at 09:00 (" + schedule.zone().getId() + ") I will post the action "
                + "log summary of " + Md.esc(desk.board().name()) + " here. " + Md.code("post action log weekly off")
                + " stops it; " + Md.code("post action log") + " posts it now.";
    }

    private static String off(Desk desk) {
        desk.requireOfficer("set when the action log summary is posted");
        boolean had = desk.ledger().clearPostingSchedule(desk.board().id());
        return had ? "I will no longer post the action log summary of " + Md.esc(desk.board().name()) + " every week."
                : "The action log summary of " + Md.esc(desk.board().name()) + " was not posted on a schedule; "
                + "nothing changed.";
    }

    private static String show(Desk desk) {
        Optional<PostingSchedule> schedule = desk.ledger().postingSchedule(desk.board().id());
        if (schedule.isEmpty()) {
            return "The action log summary of " + Md.esc(desk.board().name()) + " is not posted on a schedule. The "
                    + "chair or secretary can say " + Md.code("post action log weekly monday") + ".";
        }
        PostingSchedule s = schedule.get();
        desk.after(new Effect.SayPostingMethod(desk.board().id()));
        return "The action log summary of " + Md.esc(desk.board().name()) + " is posted every " + s.dayName()
                + " at 09:00 (" + s.zone().getId() + ")" + (s.setBy() == null ? "" : ", as " + Md.esc(s.setBy())
                + " set on " + BritishDates.format(s.setAt().atZone(s.zone()).toLocalDate())) + ".";
    }

    /** The whole log's summary as {@code action log} shows it, with the Word export for when it is too long. */
    static Effect.PostActionLog post(Ledger ledger, Board board, LocalDate today, Optional<Meeting> meeting) {
        ActionLogView view = ActionLogs.view(ledger, board, today, meeting, a -> true, false, null, "");
        Card.Download full = new Card.Download(board.id(), null, Card.Document.ACTION_LOG_DOCX,
                "Action log – " + board.name() + " – " + BritishDates.format(today) + " (DOCX)");
        return new Effect.PostActionLog(view, full);
    }

    /** The open meeting, else the next scheduled one: what "due at this meeting" means outside a turn. */
    static Optional<Meeting> currentOrNextMeeting(Ledger ledger, long boardId, LocalDate today) {
        Optional<Meeting> open = ledger.openMeeting(boardId);
        if (open.isPresent()) {
            return open;
        }
        return ledger.meetings(boardId).stream()
                .filter(m -> m.status() == MeetingStatus.SCHEDULED && !m.date().isBefore(today))
                .min(Comparator.comparing(Meeting::date));
    }
}
