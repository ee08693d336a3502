package io.boardclerk.core.clerk;

import io.boardclerk.core.attendance.AttendanceRetriever;
import io.boardclerk.core.attendance.AttendanceText;
import io.boardclerk.core.attendance.Attendances;
import io.boardclerk.core.attendance.Reconciliation;
import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.AttendanceFetch;
import io.boardclerk.core.model.AttendanceFetch.State;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.MeetingStatus;
import io.boardclerk.core.model.RecordingKind;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code attendance} and {@code quorum}: the Teams attendance report of the last meeting set against the board, and
 * how many members make a quorum. Graph itself is never asked from here (this runs inside the turn's transaction):
 * asking for the attendance brings the fetch forward, and the report is posted into the chat when it comes.
 */
final class AttendanceHandler {

    private AttendanceHandler() {
    }

    /** Queues the fetch of a Teams meeting's attendance report as the meeting ends (when Graph is on). */
    static void queue(Desk desk, Meeting meeting, String teamsMeetingId) {
        if (!desk.attendanceOn() || teamsMeetingId == null || teamsMeetingId.isBlank()
                || desk.ledger().attendanceFetch(meeting.id()).isPresent()) {
            return;
        }
        desk.ledger().saveAttendanceFetch(AttendanceFetch.pending(meeting.id(), desk.board().id(), teamsMeetingId,
                desk.now().plus(AttendanceRetriever.FIRST_TRY_AFTER)));
    }

    static String attendance(Desk desk, Command.Attendance command) {
        Meeting meeting = desk.ledger().meetings(desk.board().id()).stream()
                .filter(m -> m.status() != MeetingStatus.SCHEDULED)
                .max(Comparator.comparing(Meeting::date).thenComparing(Meeting::id))
                .orElseThrow(() -> new Refusal("No meeting of " + Md.esc(desk.board().name()) + " has been held yet,"
                        + " so there is no attendance to show."));
        String when = "the meeting of " + io.boardclerk.core.parse.BritishDates.formatLong(meeting.date());
        if (meeting.status() == MeetingStatus.OPEN) {
            return "The meeting is still under way. Teams publishes its attendance report a few minutes after it "
                    + "ends, and I will post it here.";
        }
        Optional<Reconciliation> reconciled = Attendances.reconcile(desk.ledger(), meeting);
        if (reconciled.isPresent()) {
            return AttendanceText.markdown(Attendances.heading(meeting), reconciled.get(), desk.zone(),
                    desk.senderIsOfficer());
        }
        Optional<AttendanceFetch> fetch = desk.ledger().attendanceFetch(meeting.id());
        if (fetch.isEmpty()) {
            if (!desk.attendanceOn()) {
                return "Attendance from Teams is off: BoardClerk reads attendance reports through Microsoft Graph, "
                        + "which is not switched on here. Enabling it takes " + Md.code("BOARDCLERK_GRAPH=on")
                        + " with MicrosoftAppId set, and the permissions described in the README (Microsoft Graph, "
                        + "Attendance).";
            }
            return meeting.teamsMeetingId() == null
                    ? "There is no Teams attendance report for " + when + ": it was opened with "
                    + Md.code("start meeting") + ", not by a Teams meeting."
                    : "BoardClerk did not see " + when + " end in Teams, so it has not asked for its attendance report.";
        }
        return pending(desk, fetch.get(), when);
    }

    /** What stands in the way of the report, and (asked again) the next try brought forward. */
    private static String pending(Desk desk, AttendanceFetch fetch, String when) {
        Instant now = desk.now();
        String problem = fetch.problem() == null ? "" : " " + Md.esc(fetch.problem());
        switch (fetch.state()) {
            case PENDING -> {
                if (fetch.nextTryAt() == null || fetch.nextTryAt().isAfter(now)) {
                    desk.ledger().saveAttendanceFetch(fetch.next(State.PENDING, fetch.tries(), now, fetch.problem()));
                }
                return "The attendance report for " + when + " is not available yet: Teams publishes it a few "
                        + "minutes after the meeting ends." + problem + " I am asking for it again now and will post "
                        + "it here when it comes.";
            }
            case OBTAINED -> {
                return "The attendance report for " + when + " was obtained but could not be read back.";
            }
            default -> {
                String why = switch (fetch.state()) {
                    case REFUSED -> "Microsoft Graph refused to give the attendance report for " + when + "." + problem;
                    case NOT_FOUND -> "The attendance report for " + when + " cannot be found." + problem;
                    default -> "The attendance report for " + when + " could not be obtained after "
                            + fetch.tries() + " tries." + problem;
                };
                if (!desk.senderIsOfficer()) {
                    return why + " The chair or secretary can ask for it again with " + Md.code("attendance") + ".";
                }
                desk.ledger().saveAttendanceFetch(fetch.next(State.PENDING,
                        Math.min(fetch.tries(), AttendanceRetriever.MAX_TRIES - 1), now, fetch.problem()));
                return why + " I am trying once more now and will post it here if it comes.";
            }
        }
    }

    static String quorum(Desk desk, Command.Quorum command) {
        OptionalInt current = desk.ledger().quorum(desk.board().id());
        if (command.show()) {
            return current.isEmpty() ? Md.esc(desk.board().name()) + " has no quorum set. The chair or secretary "
                    + "can set one with " + Md.code("quorum 5") + "."
                    : "The quorum of " + Md.esc(desk.board().name()) + " is " + current.getAsInt() + " member"
                    + (current.getAsInt() == 1 ? "" : "s") + ".";
        }
        desk.requireOfficer("set the quorum");
        desk.record(RecordingKind.OTHER);
        desk.ledger().setQuorum(desk.board().id(), command.members());
        return command.members() == null ? Md.esc(desk.board().name()) + " has no quorum now: attendance summaries "
                + "and minutes drafts no longer say whether a meeting was quorate."
                : "The quorum of " + Md.esc(desk.board().name()) + " is now " + command.members() + " member"
                + (command.members() == 1 ? "" : "s") + ": attendance summaries and minutes drafts say whether "
                + "each meeting was quorate.";
    }
}
