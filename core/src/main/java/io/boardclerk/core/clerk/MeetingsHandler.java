package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.MeetingStatus;
import io.boardclerk.core.model.RecordingKind;
import io.boardclerk.core.parse.BritishDates;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/** Meetings opening and closing, the agenda item under discussion, and the schedule of meetings to come. */
final class MeetingsHandler {

    private MeetingsHandler() {
    }

    static String setItem(Desk desk, Command.SetItem command) {
        desk.requireOfficer("set the agenda item");
        Meeting meeting = desk.ledger().openMeeting(desk.board().id()).orElseThrow(() -> new Refusal(
                "No meeting is open, so there is no current agenda item. Say " + Md.code("start meeting") + " first,"
                        + " or give the item with the action (" + Md.code("item: 5") + ")."));
        desk.ledger().setCurrentItem(meeting.id(), command.item());
        return "Agenda item " + Md.esc(command.item()) + ": new actions will be raised under it.";
    }

    static String move(Desk desk, Command.MoveMeeting command) {
        desk.requireOfficer("move meetings");
        Meeting meeting = desk.ledger().meetings(desk.board().id()).stream()
                .filter(m -> m.date().equals(command.from()) && m.status() == MeetingStatus.SCHEDULED)
                .findFirst().orElseThrow(() -> new Refusal("No meeting of " + Md.esc(desk.board().name())
                        + " is scheduled on " + BritishDates.formatLong(command.from()) + "."));
        if (command.to().isBefore(desk.today())) {
            throw new Refusal(BritishDates.formatLong(command.to()) + " has already passed.");
        }
        refuseIfFromTheCalendar(desk, meeting);
        desk.record(RecordingKind.OTHER);
        desk.ledger().rescheduleMeeting(meeting.id(), command.to(), meeting.time(), meeting.location());
        int moved = ActionsHandler.followSchedule(desk);
        AwaitedApologies.attach(desk);
        return "The meeting of " + BritishDates.formatLong(command.from()) + " moves to "
                + BritishDates.formatLong(command.to()) + "."
                + (moved == 0 ? "" : "\n" + moved + " action target(s) move with it.");
    }

    /**
     * A meeting that came from the Outlook calendar the board follows is moved in Outlook: a move made here would be
     * undone by the next sync, which puts it back on the occurrence's date.
     */
    private static void refuseIfFromTheCalendar(Desk desk, Meeting meeting) {
        long board = desk.board().id();
        desk.ledger().calendarFollow(board)
                .filter(follow -> desk.ledger().calendarMeetings(board).containsValue(meeting.id()))
                .ifPresent(follow -> {
                    throw new Refusal("The meeting of " + BritishDates.formatLong(meeting.date()) + " comes from "
                            + Md.esc(follow.organiser()) + "'s Outlook calendar, which this board follows: move the "
                            + "occurrence in Outlook and BoardClerk moves the meeting and its targets at the next "
                            + "read (say " + Md.code("calendar sync") + " to read it now). To schedule this board's "
                            + "meetings here instead, say " + Md.code("calendar off") + " first.");
                });
    }

    static String nextMeeting(Desk desk, Command.NextMeeting command) {
        desk.requireOfficer("schedule meetings");
        if (command.minutes() && command.date().isBefore(desk.today())) {
            // Minutes typed up after their next meeting came and went: judged against the meeting minuted, the date
            // is right, and there is nothing left to schedule.
            Optional<Meeting> held = desk.ledger().meetings(desk.board().id()).stream()
                    .filter(m -> m.date().equals(command.date())).findFirst();
            return "The minutes give the next meeting as " + BritishDates.formatLong(command.date()) + ", which has "
                    + "passed" + (held.isPresent() ? " and is on the record" : "") + "; nothing to schedule.";
        }
        if (command.date().isBefore(desk.today())) {
            throw new Refusal(BritishDates.formatLong(command.date()) + " has already passed. Give the date of the"
                    + " next meeting, " + BritishDates.FORMAT_HINT + ".");
        }
        Optional<Meeting> same = desk.ledger().meetings(desk.board().id()).stream()
                .filter(m -> m.date().equals(command.date())).findFirst();
        if (same.isPresent()) {
            desk.ledger().rescheduleMeeting(same.get().id(), command.date(),
                    command.time() != null ? command.time() : same.get().time(),
                    command.location() != null ? command.location() : same.get().location());
        } else {
            desk.ledger().scheduleMeeting(desk.board().id(), command.date(), command.time(), command.location(), null);
        }
        int moved = ActionsHandler.followSchedule(desk);
        int apologies = AwaitedApologies.attach(desk);
        return "Next meeting of " + Md.esc(desk.board().name()) + ": " + BritishDates.formatLong(command.date())
                + (command.time() == null ? "" : " at " + command.time())
                + (command.location() == null ? "" : ", " + Md.esc(command.location())) + "."
                + (moved == 0 ? "" : "\n" + moved + " action target(s) now follow this date.")
                + (apologies == 0 ? "" : "\n" + apologies + (apologies == 1 ? " apology" : " apologies")
                + " sent before it was scheduled " + (apologies == 1 ? "is" : "are") + " now recorded for it.");
    }

    /** When the board meets next: the meeting under way said first, then the next scheduled. */
    static String whenNext(Desk desk, Command.WhenNextMeeting command) {
        if (command.meeting() != null) {
            Optional<Meeting> named = MeetingChoice.named(desk, command.meeting());
            if (named.isPresent()) {
                Meeting m = named.get();
                return Md.esc(command.meeting()) + ": " + BritishDates.formatLong(m.date())
                        + (m.time() == null ? "" : " at " + m.time())
                        + (m.location() == null ? "" : ", " + Md.esc(m.location())) + ".";
            }
        }
        LocalDate today = desk.today();
        Optional<Meeting> next = desk.ledger().meetings(desk.board().id()).stream()
                .filter(m -> m.status() == MeetingStatus.SCHEDULED && !m.date().isBefore(today))
                .filter(m -> m.date().isAfter(today) || desk.ledger().openMeeting(desk.board().id()).isEmpty())
                .findFirst();
        String under = desk.ledger().openMeeting(desk.board().id())
                .map(m -> "A meeting is under way now (" + BritishDates.formatLong(m.date()) + "). ").orElse("");
        return under + next.map(m -> "The next meeting of " + Md.esc(desk.board().name()) + " is on "
                        + BritishDates.formatLong(m.date()) + (m.time() == null ? "" : " at " + m.time())
                        + (m.location() == null ? "" : ", " + Md.esc(m.location())) + ".")
                .orElse("The next meeting of " + Md.esc(desk.board().name()) + " is not scheduled yet.");
    }

    static String start(Desk desk, Command.StartMeeting command) {
        desk.requireOfficer("start a meeting");
        LocalDate date = command.date() != null ? command.date() : desk.today();
        LocalTime time = command.date() == null
                ? LocalTime.ofInstant(desk.now(), desk.zone()).withSecond(0).withNano(0) : null;
        Meeting meeting = open(desk, date, time, null, null);
        return opened(desk, meeting);
    }

    static String end(Desk desk, Command.EndMeeting command) {
        desk.requireOfficer("end a meeting");
        Meeting meeting = desk.ledger().openMeeting(desk.board().id()).orElseThrow(
                () -> new Refusal("No meeting is open."));
        desk.ledger().closeMeeting(meeting.id(), desk.now());
        AttendanceHandler.queue(desk, meeting, meeting.teamsMeetingId());
        return closed(desk, meeting);
    }

    /** Teams' meeting-start event: opens the scheduled meeting of that day, or a new one. */
    static String teamsStart(Desk desk, String teamsMeetingId, String title, Instant startTime) {
        if (teamsMeetingId != null) {
            Optional<Meeting> known = desk.ledger().meetingByTeamsId(desk.board().id(), teamsMeetingId)
                    .filter(m -> m.status() == MeetingStatus.OPEN);
            if (known.isPresent()) {
                return null;
            }
        }
        ZonedDateTime start = (startTime != null ? startTime : desk.now()).atZone(desk.zone());
        Meeting meeting = open(desk, start.toLocalDate(), start.toLocalTime().withSecond(0).withNano(0), title,
                teamsMeetingId);
        return opened(desk, meeting);
    }

    /** Teams' meeting-end event. */
    static String teamsEnd(Desk desk, String teamsMeetingId) {
        Optional<Meeting> meeting = (teamsMeetingId == null ? Optional.<Meeting>empty()
                : desk.ledger().meetingByTeamsId(desk.board().id(), teamsMeetingId))
                .filter(m -> m.status() == MeetingStatus.OPEN)
                .or(() -> desk.ledger().openMeeting(desk.board().id()));
        if (meeting.isEmpty()) {
            return null;
        }
        desk.ledger().closeMeeting(meeting.get().id(), desk.now());
        AttendanceHandler.queue(desk, meeting.get(), teamsMeetingId != null ? teamsMeetingId
                : meeting.get().teamsMeetingId());
        return closed(desk, meeting.get());
    }

    private static Meeting open(Desk desk, LocalDate date, LocalTime time, String title, String teamsMeetingId) {
        desk.ledger().openMeeting(desk.board().id()).ifPresent(m -> {
            if (!m.date().equals(date)) {
                desk.ledger().closeMeeting(m.id(), desk.now());
            }
        });
        Optional<Meeting> already = desk.ledger().openMeeting(desk.board().id());
        if (already.isPresent()) {
            desk.ledger().openMeeting(already.get().id(), date, time != null ? time : already.get().time(),
                    title != null ? title : already.get().title(),
                    teamsMeetingId != null ? teamsMeetingId : already.get().teamsMeetingId(), desk.now());
            return desk.ledger().meeting(already.get().id()).orElseThrow();
        }
        Optional<Meeting> scheduled = desk.ledger().meetings(desk.board().id()).stream()
                .filter(m -> m.status() == MeetingStatus.SCHEDULED && m.date().equals(date)).findFirst();
        if (scheduled.isPresent()) {
            Meeting m = scheduled.get();
            desk.ledger().openMeeting(m.id(), date, time != null ? time : m.time(), title != null ? title : m.title(),
                    teamsMeetingId, desk.now());
            return desk.ledger().meeting(m.id()).orElseThrow();
        }
        Meeting made = desk.ledger().createOpenMeeting(desk.board().id(), date, time, title, teamsMeetingId,
                desk.now());
        AwaitedApologies.attach(desk);
        return made;
    }

    private static String opened(Desk desk, Meeting meeting) {
        int apologies = desk.ledger().apologies(meeting.id()).size();
        return "Meeting of " + Md.esc(desk.board().name()) + " opened: " + BritishDates.formatLong(meeting.date())
                + (meeting.title() == null ? "" : " (" + Md.esc(meeting.title()) + ")") + "."
                + (apologies == 0 ? "" : " " + apologies + " apolog" + (apologies == 1 ? "y" : "ies")
                + " already received.")
                + "\nRecord apologies, declarations and actions here; say " + Md.code("help") + " for how."
                + matters(desk);
    }

    /** Matters arising: the actions due at this meeting, overdue or on-going, one card each, posted as the meeting opens. */
    private static String matters(Desk desk) {
        List<ActionItem> due = ActionLife.dueForReview(desk);
        if (due.isEmpty()) {
            return "";
        }
        for (ActionItem action : due) {
            desk.show(ActionLife.reviewCard(desk, action, null));
        }
        return "\n\n**Matters arising**: " + due.size() + (due.size() == 1 ? " action is" : " actions are")
                + " due at this meeting, overdue or on-going.";
    }

    private static String closed(Desk desk, Meeting meeting) {
        ActionsHandler.followSchedule(desk);
        int apologies = desk.ledger().apologies(meeting.id()).size();
        int declarations = desk.ledger().declarations(meeting.id()).size();
        long actions = desk.ledger().actions(desk.board().id()).stream()
                .filter(a -> a.meetingId() != null && a.meetingId() == meeting.id()).count();
        return "Meeting of " + BritishDates.formatLong(meeting.date()) + " closed: " + apologies + " apolog"
                + (apologies == 1 ? "y" : "ies") + ", "
                + (declarations == 0 ? (desk.ledger().noDeclarations(meeting.id()) ? "no declarations of interest"
                : "no declarations recorded") : declarations + " declaration(s)")
                + ", " + actions + " action(s) raised." + MinutesHandler.showDraft(desk, meeting);
    }
}
