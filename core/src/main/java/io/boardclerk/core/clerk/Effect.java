package io.boardclerk.core.clerk;

import io.boardclerk.core.view.ActionLogView;

/**
 * Something the clerk wants done once the turn is committed, outside its transaction: a call to Microsoft Graph or to
 * the Bot Connector that must never hold the database. A {@link Card} is something a person sees; an effect is
 * something to do. The core says what; the bot does it and says in one line what came of it.
 *
 * <p>Every kind is handled through {@link #handle}: Java 17 has no {@code switch} over a sealed type's records (that
 * is Java 21), so {@link Handler} is that switch, one method a case, and the compiler refuses a handler that forgets
 * one. A new kind is a record here, a method in {@link Handler}, and its case in the bot's runner.
 */
public sealed interface Effect {

    /** Does this effect with {@code handler}'s case for its kind. */
    <R> R handle(Handler<R> handler);

    /** One case for each kind of effect. */
    interface Handler<R> {
        R postActionLog(PostActionLog effect);

        R syncCalendar(SyncCalendar effect);

        R findCalendarSeries(FindCalendarSeries effect);

        R sayPostingMethod(SayPostingMethod effect);

        R findFolder(FindFolder effect);

        R upload(Upload effect);
    }

    /**
     * Post the action-log summary into the board's channel or chat (through Microsoft Graph where it can, as the bot
     * otherwise), with the Word export to link when the summary is too long for Teams messages.
     */
    record PostActionLog(ActionLogView view, Card.Download fullLog) implements Effect {
        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.postActionLog(this);
        }
    }

    /** Read the board's Outlook calendar now and say what it changed. */
    record SyncCalendar(long boardId) implements Effect {
        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.syncCalendar(this);
        }
    }

    /**
     * Find the meeting series in {@code organiser}'s Outlook calendar (exactly {@code series}, or the board's name
     * when null) and show it with a card an officer presses to follow it; nothing is followed until then.
     */
    record FindCalendarSeries(long boardId, String organiser, String series) implements Effect {
        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.findCalendarSeries(this);
        }
    }

    /** Say how this board's summaries are posted (through Graph, or by the bot and why). */
    record SayPostingMethod(long boardId) implements Effect {
        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.sayPostingMethod(this);
        }
    }

    /** Find the SharePoint folder at {@code url} through Microsoft Graph and, if it is one, keep it as the board's. */
    record FindFolder(long boardId, String url, String setBy) implements Effect {
        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.findFolder(this);
        }
    }

    /**
     * Upload {@code document} (for minutes, of {@code meetingId}) to the board's SharePoint folder as
     * {@code fileName}, and say where it went or why not.
     */
    record Upload(long boardId, Long meetingId, Card.Document document, String fileName) implements Effect {
        @Override
        public <R> R handle(Handler<R> handler) {
            return handler.upload(this);
        }
    }
}
