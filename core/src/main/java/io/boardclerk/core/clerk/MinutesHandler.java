package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.MeetingStatus;
import io.boardclerk.core.model.MinutesApproval;
import io.boardclerk.core.model.RecordingKind;
import io.boardclerk.core.parse.BritishDates;
import io.boardclerk.core.view.MinutesDraft;
import io.boardclerk.core.view.MinutesDrafter;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The minutes draft, its approval, the board's protective marking, and download links for the record. */
final class MinutesHandler {

    private MinutesHandler() {
    }

    /** "Minutes of 11/02 – ...": what follows in the message is recorded on the meeting held that day. */
    static String minutesOf(Desk desk, Command.MinutesOf command) {
        desk.requireOfficer("write up the minutes of a meeting");
        Meeting meeting = desk.ledger().meetings(desk.board().id()).stream()
                .filter(m -> m.date().equals(command.date())).findFirst()
                .orElseThrow(() -> new Refusal("No meeting of " + Md.esc(desk.board().name()) + " was held on "
                        + BritishDates.formatLong(command.date()) + ", so nothing was "
                        + "recorded."));
        desk.minute(meeting);
        return "";
    }

    static String draft(Desk desk, Command.DraftMinutes command) {
        desk.requireOfficer("draft the minutes");
        // The meeting under way, or else the last one held: the secretary often writes up days later, when the
        // next meeting is already scheduled and still empty.
        Meeting meeting = ActionLife.reviewMeeting(desk).orElseThrow(() -> new Refusal("No meeting of "
                + Md.esc(desk.board().name()) + " has been held yet, so there are no minutes to draft. Say "
                + Md.code("start meeting") + " when it begins."));
        return "Minutes draft for " + Desk.describe(meeting) + ":" + showDraft(desk, meeting);
    }

    /** Shows the draft as a card with its Word download; returns a line for the text reply ("" when shown). */
    static String showDraft(Desk desk, Meeting meeting) {
        MinutesDraft draft = MinutesDrafter.draft(desk.ledger(), meeting);
        desk.show(new Card.Minutes(draft, new Card.Download(desk.board().id(), meeting.id(), Card.Document.MINUTES_DOCX,
                "Minutes " + (draft.approved() ? "" : "draft ") + "– " + desk.board().name() + " – "
                        + BritishDates.format(meeting.date()))));
        SharePointFiles.uploadMinutes(desk, meeting, draft.approved());
        return "";
    }

    static String approve(Desk desk, Command.ApproveMinutes command) {
        desk.requireChair("approve the minutes");
        if (command.date() == null) {
            Meeting last = desk.ledger().meetings(desk.board().id()).stream()
                    .filter(m -> m.status() == MeetingStatus.CLOSED)
                    .max(Comparator.comparing(Meeting::date).thenComparing(Meeting::id))
                    .orElseThrow(() -> new Refusal("No meeting of " + Md.esc(desk.board().name())
                            + " has been held yet."));
            return approve(desk, new Command.ApproveMinutes(last.date()));
        }
        List<Meeting> held = desk.ledger().meetings(desk.board().id()).stream()
                .filter(m -> m.date().equals(command.date()) && m.status() != MeetingStatus.SCHEDULED).toList();
        if (held.isEmpty()) {
            List<String> dates = desk.ledger().meetings(desk.board().id()).stream()
                    .filter(m -> m.status() == MeetingStatus.CLOSED).map(m -> BritishDates.format(m.date())).toList();
            throw new Refusal("No meeting of " + Md.esc(desk.board().name()) + " was held on "
                    + BritishDates.formatLong(command.date()) + "." + (dates.isEmpty() ? ""
                    : " Meetings held: " + String.join(", ", dates) + "."));
        }
        Meeting meeting = held.get(held.size() - 1);
        Optional<MinutesApproval> before = desk.ledger().approval(meeting.id());
        if (before.isPresent()) {
            return "The minutes of " + BritishDates.formatLong(meeting.date()) + " were already approved by "
                    + Md.esc(before.get().approvedBy()) + ".";
        }
        long recording = desk.record(RecordingKind.OTHER);
        desk.ledger().approveMinutes(meeting.id(), desk.source().senderName(), desk.now(), recording);
        return "The minutes of the meeting of " + BritishDates.formatLong(meeting.date())
                + " are **approved** as a true record by " + Md.esc(desk.source().senderName()) + ", "
                + BritishDates.format(desk.today()) + ".";
    }

    static String marking(Desk desk, Command.SetMarking command) {
        desk.requireOfficer("set the board's protective marking");
        desk.record(RecordingKind.OTHER);
        desk.ledger().setMarking(desk.board().id(), command.marking());
        return command.marking() == null ? "Minutes and exports of " + Md.esc(desk.board().name())
                + " carry no protective marking."
                : "Minutes and exports of " + Md.esc(desk.board().name()) + " are marked **" + command.marking()
                + "** (drafts: \"" + command.marking() + " – DRAFT until approved\").";
    }

    static String export(Desk desk, Command.Export command) {
        Card.Document document = switch (command.format()) {
            case "csv" -> Card.Document.ACTION_LOG_CSV;
            case "json" -> Card.Document.EXPORT_JSON;
            default -> Card.Document.ACTION_LOG_DOCX;
        };
        if (document == Card.Document.EXPORT_JSON) {
            desk.requireOfficer("export the board's whole record");
        }
        String title = (document == Card.Document.EXPORT_JSON ? "Record of " : "Action log – ") + desk.board().name()
                + " – " + BritishDates.format(desk.today()) + " (" + document.extension().toUpperCase(
                Locale.ROOT) + ")";
        desk.show(new Card.Download(desk.board().id(), null, document, title));
        return "";
    }
}
