package io.boardclerk.core.clerk;

import io.boardclerk.core.view.ActionLogView;
import io.boardclerk.core.view.ActionRow;
import io.boardclerk.core.view.MinutesDraft;

import java.util.List;

/**
 * Something the clerk wants shown as a card rather than as text. The core says what; the bot decides how (Adaptive
 * Cards), escaping every user string for the card's own markdown. What is to be done after the turn rather than
 * shown is an {@link Effect}.
 */
public sealed interface Card {

    /** The verbs a card's {@code Action.Execute} buttons carry, and the data fields they send with them. */
    final class Verbs {
        /** Post an update: data {@code number}, {@code version}, input {@code text}. */
        public static final String UPDATE = "action.update";
        /** Report done: data {@code number}, {@code version}. */
        public static final String DONE = "action.done";
        /** The board keeps the action open: data {@code number}, {@code version}. */
        public static final String KEEP_OPEN = "action.keepOpen";
        /** New target: data {@code number}, {@code version}, input {@code target}. */
        public static final String NEW_TARGET = "action.newTarget";
        /** Refresh an action's review card: data {@code number}. */
        public static final String REFRESH = "action.refresh";
        /**
         * On a personal reminder: ask the chair for more time. Data {@code board}, {@code number}, {@code version},
         * input {@code target} (the proposed new target). Records a proposal for the chair to accept; the target
         * itself does not change.
         */
        public static final String MORE_TIME = "action.moreTime";
        /**
         * On a personal reminder: remind me again later. Data {@code board}, {@code number}, input {@code days}
         * (working days from now: 1, 2 or 5).
         */
        public static final String SNOOZE = "reminder.snooze";
        /**
         * On a question card: say this. Data {@code say}, the typed command the choice stands for; it is run
         * exactly as if the presser had typed it (same grammar, roles and record).
         */
        public static final String SAY = "ask.say";
        /** The next page of the action log: data {@code query}, {@code page}. */
        public static final String MORE = "log.more";

        /** The board the card was drawn for: a card forwarded into another board's conversation acts on nothing. */
        public static final String BOARD = "board";
        public static final String NUMBER = "number";
        public static final String VERSION = "version";
        public static final String TEXT = "text";
        public static final String TARGET = "target";
        public static final String QUERY = "query";
        public static final String PAGE = "page";
        public static final String DAYS = "days";
        /** On a question card: the typed command a choice stands for. */
        public static final String SAY_TEXT = "say";
        /**
         * Optional on a reminder card: the numbers of every action it shows, comma-separated ("12,14"), so a press
         * redraws them all; without it the card is redrawn with the pressed action alone.
         */
        public static final String ACTIONS = "actions";

        private Verbs() {
        }
    }

    /**
     * A question BoardClerk asks instead of guessing: what it read, and the readings a person can choose with one
     * press. Each choice stands for a command the person could have typed ({@link Choice#say}); a choice whose
     * {@code say} is empty drops the message. Plain text: the bot escapes it for the card.
     *
     * @param boardId the board asked about; a press acts only there (or in the asker's personal chat)
     */
    record Question(long boardId, String question, List<Choice> choices) implements Card {
        /** Teams shows at most this many buttons in a row; BoardClerk never offers more readings than this. */
        public static final int MOST_CHOICES = 5;

        public Question {
            choices = List.copyOf(choices);
            if (choices.isEmpty() || choices.size() > MOST_CHOICES) {
                throw new IllegalArgumentException("a question offers 1 to " + MOST_CHOICES + " choices");
            }
        }

        /** One button: its label, and the typed command it stands for. */
        public record Choice(String label, String say) {
        }
    }

    /** A question once answered: what came of it, in place of its buttons, so nobody answers it twice. */
    record Settled(String outcome) implements Card {
    }

    /** The action log summary; {@code page} counts from 0 and the bot pages it to fit Teams' message size. */
    record ActionLog(ActionLogView view, int page) implements Card {
    }

    /**
     * One action under review in the meeting ("matters arising"), with Post update, Done, Keep open and New target.
     *
     * @param outcome what was last done from the card, in words ("Kept open by Jon Leigh"), null for none
     * @param live    false once the action is closed: the card then shows its final state without buttons
     */
    record ActionReview(long boardId, String boardName, ActionRow action, String outcome, boolean live)
            implements Card {
    }

    /**
     * A reminder sent to one owner in their personal chat with the bot: the actions with Post update, Done, Need more
     * time and Snooze each (Update and Done carry {@link Verbs#BOARD}, since a personal chat belongs to no board).
     *
     * @param outcome what was last done from the card, in words, null for none
     * @param live    false once none of its actions is open: the card then shows them without buttons
     */
    record Reminder(io.boardclerk.core.reminder.ReminderMessage message, String outcome, boolean live)
            implements Card {
    }

    /** A summary of the minutes draft, with its Word download. */
    record Minutes(MinutesDraft draft, Download download) implements Card {
    }

    /** A download link for the board's data; the bot signs it, scoped to the board, expiring. */
    record Download(long boardId, Long meetingId, Document document, String title) implements Card {
    }

    enum Document {
        ACTION_LOG_CSV("csv", "text/csv"),
        ACTION_LOG_DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        MINUTES_DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        EXPORT_JSON("json", "application/json");

        private final String extension;
        private final String mediaType;

        Document(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        public String extension() {
            return extension;
        }

        public String mediaType() {
            return mediaType;
        }
    }
}
