package io.boardclerk.core.command;

import io.boardclerk.core.model.BoardRole;
import io.boardclerk.core.model.InterestKind;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * One thing a message asks BoardClerk to do, parsed once from the text. Handlers are keyed by the record's class.
 */
public sealed interface Command {

    /** A person as the minutes name them: "Vic Evers" with the role "Assistant Chief Constable". */
    record NamedPerson(String name, String role, String alias) {
    }

    record Help() implements Command {
    }

    /** Text that is not a command; {@code reason} says what was wrong when the text looked like one. */
    record Unknown(String text, String reason) implements Command {
    }

    /** A statement that could not be accepted as written (impossible date, text too long ...). */
    /** A reading a person can choose with one press: its label, and the command it stands for ("" drops it). */
    record Suggestion(String label, String say) {
    }

    /**
     * A message with two plausible readings, or something needed missing (which item, until when): asked about,
     * never guessed. The choices are shown as buttons; the person may also type the answer as {@code howToSayIt}.
     */
    record Unclear(String question, List<Suggestion> choices, String howToSayIt) implements Command {
        public Unclear {
            choices = List.copyOf(choices);
        }
    }

    /** Chat that is not for the record: answered only when BoardClerk is addressed. */
    record Chatter(Kind kind) implements Command {
        public enum Kind { THANKS, SOCIAL, REMARK }
    }

    /** "Nothing to declare from me": records nothing. */
    record NothingToDeclare() implements Command {
    }

    /**
     * The sender's declarations at the meeting named (held), or at the last meeting held and the one under way.
     */
    record MyDeclarations(String meeting) implements Command {
        public MyDeclarations() {
            this(null);
        }
    }

    /** Sets the kind of the sender's declaration on an item at the meeting under way, once they say it. */
    record SetInterestKind(String agendaItem, InterestKind kind) implements Command {
    }

    /** The owner reports an action done, with what they said kept as its update. */
    record DoneWithUpdate(int number, String text) implements Command {
    }

    /**
     * An owner on one of their actions named by what it is, not its number ("I've finished the reserves forecast"):
     * the clerk finds which of the sender's open actions it is, or asks.
     *
     * @param about  the words that name the action
     * @param detail the target proposed ({@link What#MORE_TIME}) or the update's text ({@link What#UPDATE})
     */
    record AboutMyAction(What what, String about, String detail) implements Command {
        public enum What { DONE, MORE_TIME, UPDATE }
    }

    /** When the board meets next, or when the meeting named ("the May Board") is. */
    record WhenNextMeeting(String meeting) implements Command {
        public WhenNextMeeting() {
            this(null);
        }
    }

    /**
     * An owner asks for more time on an action: a proposal for the chair, who accepts it with {@code action N due
     * ...}. The target itself does not move.
     */
    record MoreTime(int number, String target) implements Command {
    }

    record Invalid(String problem, String howToSayIt) implements Command {
    }

    /**
     * Apologies for the people named.
     *
     * @param minutes true for the minutes' own sentence ("Apologies were received from ..."), which is about the
     *                meeting being minuted; false for the command ({@code apologies Jon Leigh}), which is about the
     *                meeting under way or the next (asked, while another is still being minuted)
     * @param meeting the date of the meeting they are for ({@code apologies for 15/04/2027: ...}), null when unsaid
     */
    record RecordApologies(List<NamedPerson> people, boolean minutes, LocalDate meeting) implements Command {
        public RecordApologies {
            people = List.copyOf(people);
        }

        public RecordApologies(List<NamedPerson> people, boolean minutes) {
            this(people, minutes, null);
        }

        public RecordApologies(List<NamedPerson> people) {
            this(people, false, null);
        }
    }

    /**
     * The sender's own apologies.
     *
     * @param meeting the meeting as they named it ("the July Board", "15/04/2027", "today"), null when they named
     *                none; in a personal chat it may name the board instead, or answer "which board?" by number
     * @param note    their reason in their own words ("I'm on leave"), null for none; never a name
     */
    record OwnApologies(String meeting, String note) implements Command {
        public OwnApologies(String meeting) {
            this(meeting, null);
        }
    }

    /**
     * "Helen Marsh sends apologies for the 15th April": the sender's own when the name is theirs, else someone
     * else's, which the secretary records.
     */
    record ApologiesSentBy(String name, String meeting, String note) implements Command {
    }

    /** @param meeting the meeting asked about as named ("on the 11th"), null for the one most likely meant */
    record ListApologies(String meeting) implements Command {
        public ListApologies() {
            this(null);
        }
    }

    record RemoveApology(String name) implements Command {
    }

    record NoDeclarations() implements Command {
    }

    /** A declaration; {@code member} is null when the sender declares their own interest. */
    /**
     * A declaration of interest.
     *
     * @param member  who declared, null for the sender
     * @param meeting the meeting as named ("at Thursday's meeting"), null for the one under way, being minuted, or
     *                next
     */
    record Declare(String member, String agendaItem, InterestKind kind, String interest, String meeting)
            implements Command {
        public Declare(String member, String agendaItem, InterestKind kind, String interest) {
            this(member, agendaItem, kind, interest, null);
        }
    }

    record ListDeclarations() implements Command {
    }

    /**
     * A new action.
     *
     * @param owner         the owner as written, null when the text names none
     * @param target        the target as written, null when none was given
     * @param agendaItem    the item given with the action, null to use the meeting's current item
     * @param explicitOwner true when the owner came from the short form's {@code owner:}
     */
    record RecordAction(String text, String owner, String target, String agendaItem, boolean explicitOwner)
            implements Command {
    }

    /** The answer to "who owns this action?": completes the sender's pending action. */
    record AnswerOwner(String owner) implements Command {
    }

    record SetActionOwner(int number, String owner) implements Command {
    }

    record SetActionTarget(int number, String target) implements Command {
    }

    /**
     * The chair's summary of the log.
     *
     * @param overdueOnly "action log overdue"
     * @param owner       "action log owner Constabulary": only that owner's actions; null for everyone's
     */
    record ActionLog(boolean overdueOnly, String owner) implements Command {
        public ActionLog() {
            this(false, null);
        }
    }

    /**
     * Posting the action-log summary into the board's channel or chat: now ({@code post action log}), weekly on a
     * day ({@code post action log weekly monday}), no longer weekly ({@code ... weekly off}), or the schedule as it
     * stands ({@code post action log weekly}).
     *
     * @param day the weekday for {@link Mode#WEEKLY}, otherwise null
     */
    record PostActionLog(Mode mode, java.time.DayOfWeek day) implements Command {
        public enum Mode { NOW, WEEKLY, WEEKLY_OFF, SHOW_SCHEDULE }
    }

    /**
     * The board's SharePoint folder: set from an address copied from the browser ({@code sharepoint folder <url>}),
     * shown ({@code sharepoint folder}) or forgotten ({@code sharepoint folder off}).
     *
     * @param url the address for {@link Mode#SET}, as typed; otherwise null
     */
    record SharePointFolder(Mode mode, String url) implements Command {
        public enum Mode { SHOW, SET, OFF }
    }

    /** Upload a Word document to the board's SharePoint folder now: {@code upload minutes}, {@code upload action log}. */
    record Upload(What what) implements Command {
        public enum What { MINUTES, ACTION_LOG }
    }

    /**
     * Following the board's meeting series in an organiser's Outlook calendar: {@code calendar} shows it,
     * {@code calendar <organiser> [series "<subject>"]} finds the series and asks an officer to confirm it,
     * {@code calendar follow <organiser> series "<subject>"} (the confirmation card's button) follows it,
     * {@code calendar off} stops it and {@code calendar sync} reads the calendar now.
     *
     * @param organiser the organiser's e-mail address or user principal name, for {@link Mode#SET}
     * @param series    the series' subject, null to match the board's name
     */
    record Calendar(Mode mode, String organiser, String series) implements Command {
        public enum Mode { SHOW, SET, FOLLOW, OFF, SYNC }
    }

    /** The sender's own actions: on this board, or in a personal chat on every board they sit on. */
    record MyActions() implements Command {
    }

    /** A dated, signed update; {@code number} is null for "Update: ..." said of the action under review. */
    record UpdateAction(Integer number, String text) implements Command {
    }

    /** The owner reports an action done: complete, awaiting the board. */
    record ReportDone(int number) implements Command {
    }

    /** The board agrees an action is closed. */
    record CloseAction(int number) implements Command {
    }

    record ReopenAction(int number) implements Command {
    }

    /** The board reviewed an action and keeps it open. */
    record KeepOpen(int number) implements Command {
    }

    record History(int number) implements Command {
    }

    /** "review actions": the actions due at this meeting, overdue or on-going, one card each. */
    record ReviewActions() implements Command {
    }

    /** One action taken up in the review: "review 12", or the minutes' "Action 10.0, Agenda Item 4.3, ...". */
    record ReviewAction(int number) implements Command {
    }

    /** "owner Constabulary = @Jo Grant, @Louisa Barry": the people who answer for a body. */
    record MapBody(String body, List<String> people) implements Command {
        public MapBody {
            people = List.copyOf(people);
        }
    }

    record DraftMinutes() implements Command {
    }

    /** The chair approves a meeting's minutes; {@code date} null means the last meeting held. */
    record ApproveMinutes(LocalDate date) implements Command {
    }

    /** The last meeting's attendance, from its Teams attendance report. */
    record Attendance() implements Command {
    }

    /**
     * The board's quorum: shown ({@code show}), set to {@code members}, or cleared ({@code members} null).
     */
    record Quorum(boolean show, Integer members) implements Command {
    }

    /** The board's protective marking; null for none. */
    record SetMarking(String marking) implements Command {
    }

    /** A download link: format "csv", "docx" or "json". */
    record Export(String format) implements Command {
    }

    /** "Minutes of 11/02 – ...": the rest of the message is about the meeting held on that date. */
    record MinutesOf(LocalDate date) implements Command {
    }

    record SetItem(String item) implements Command {
    }

    /** @param minutes true for the minutes' "The next meeting will be held on ...", false for the command */
    record NextMeeting(LocalDate date, LocalTime time, String location, boolean minutes) implements Command {
        public NextMeeting(LocalDate date, LocalTime time, String location) {
            this(date, time, location, false);
        }
    }

    /** A scheduled meeting moves to another day; targets that name it move with it. */
    record MoveMeeting(LocalDate from, LocalDate to) implements Command {
    }

    record StartMeeting(LocalDate date) implements Command {
    }

    record EndMeeting() implements Command {
    }

    record BoardName(String name) implements Command {
    }

    record AssignRole(BoardRole role, String person) implements Command {
    }

    record SetTitle(String person, String title) implements Command {
    }

    /**
     * {@code link Nina Hart = @Nina Hart}: the person the minutes name only by name is the person Teams knows; every
     * record of the first becomes the second's.
     */
    record LinkPerson(String nameOnly, String person) implements Command {
    }

    /** "Members: ... In attendance: ..." from the minutes' header: role titles for the roster. */
    record RosterTitles(List<NamedPerson> members, List<NamedPerson> inAttendance) implements Command {
        public RosterTitles {
            members = List.copyOf(members);
            inAttendance = List.copyOf(inAttendance);
        }
    }

    record Undo() implements Command {
    }

    /** {@code reminders}: the board's reminder policy in words; with settings ("7,0 overdue weekly"), changes it. */
    record Reminders(String settings) implements Command {
    }

    /** {@code reminders status}: what was sent, what could not be, and what is next. */
    record RemindersStatus() implements Command {
    }
}
