package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.RecordingKind;
import io.boardclerk.core.parse.BritishDates;
import io.boardclerk.core.sharepoint.FileNames;
import io.boardclerk.core.sharepoint.MarkdownLink;
import io.boardclerk.core.sharepoint.SharePointAddress;
import io.boardclerk.core.sharepoint.SharePointFolder;

import java.util.Optional;

/**
 * The board's SharePoint folder and the uploads into it. The clerk checks who may and what is asked; finding the
 * folder and uploading go through Microsoft Graph after the turn's transaction (the bot does them from the
 * {@link Effect.FindFolder} and {@link Effect.Upload} effects), so no Graph call ever holds the database.
 */
final class SharePointFiles {

    static final String EXAMPLE = "sharepoint folder https://fenshire.sharepoint.com/sites/Board/Shared Documents/Minutes";

    private SharePointFiles() {
    }

    static String folder(Desk desk, Command.SharePointFolder command) {
        return switch (command.mode()) {
            case SHOW -> show(desk);
            case SET -> set(desk, command.url());
            case OFF -> off(desk);
        };
    }

    private static String show(Desk desk) {
        Optional<SharePointFolder> folder = desk.ledger().sharePointFolder(desk.board().id());
        if (folder.isEmpty()) {
            return Md.esc(desk.board().name()) + " has no SharePoint folder, so minutes drafts and action logs are "
                    + "not uploaded anywhere. The chair or secretary can copy the folder's address from the browser "
                    + "and say " + Md.code("sharepoint folder <address>") + ", for example " + Md.code(EXAMPLE) + ".";
        }
        SharePointFolder f = folder.get();
        return "Minutes drafts and action logs of " + Md.esc(desk.board().name()) + " are uploaded to "
                + MarkdownLink.of(f.name(), f.webUrl()) + (f.setBy() == null ? "" : ", as " + Md.esc(f.setBy()) + " set on "
                + BritishDates.format(f.setAt().atZone(desk.zone()).toLocalDate())) + ". "
                + Md.code("sharepoint folder off") + " stops it.";
    }

    private static String set(Desk desk, String url) {
        desk.requireOfficer("set the board's SharePoint folder");
        SharePointAddress.Checked checked = SharePointAddress.check(url);
        if (!checked.ok()) {
            throw new Refusal(checked.problem() + " Copy the folder's address from the browser and say it like "
                    + "this: " + Md.code(EXAMPLE));
        }
        desk.after(new Effect.FindFolder(desk.board().id(), checked.url(), desk.sender().name()));
        return "";
    }

    private static String off(Desk desk) {
        desk.requireOfficer("set the board's SharePoint folder");
        desk.record(RecordingKind.OTHER);
        boolean had = desk.ledger().clearSharePointFolder(desk.board().id());
        return had ? "Minutes drafts and action logs of " + Md.esc(desk.board().name()) + " will no longer be "
                + "uploaded to SharePoint; the files already there stay."
                : Md.esc(desk.board().name()) + " had no SharePoint folder; nothing changed.";
    }

    static String upload(Desk desk, Command.Upload command) {
        desk.requireOfficer(command.what() == Command.Upload.What.MINUTES ? "upload the minutes"
                : "upload the action log");
        if (desk.ledger().sharePointFolder(desk.board().id()).isEmpty()) {
            throw new Refusal(Md.esc(desk.board().name()) + " has no SharePoint folder to upload to. Copy the "
                    + "folder's address from the browser and say it like this: " + Md.code(EXAMPLE));
        }
        if (command.what() == Command.Upload.What.ACTION_LOG) {
            desk.after(new Effect.Upload(desk.board().id(), null, Card.Document.ACTION_LOG_DOCX,
                    FileNames.actionLog(desk.today(), desk.board().name())));
            return "";
        }
        Meeting meeting = ActionLife.reviewMeeting(desk).orElseThrow(() -> new Refusal("No meeting of "
                + Md.esc(desk.board().name()) + " has been held yet, so there are no minutes to upload."));
        boolean approved = desk.ledger().approval(meeting.id()).isPresent();
        desk.after(new Effect.Upload(desk.board().id(), meeting.id(), Card.Document.MINUTES_DOCX,
                FileNames.minutes(meeting.date(), desk.board().name(), approved)));
        return "";
    }

    /** With the draft shown: its upload too, when the board has a folder (nothing otherwise). */
    static void uploadMinutes(Desk desk, Meeting meeting, boolean approved) {
        if (desk.ledger().sharePointFolder(desk.board().id()).isPresent()) {
            desk.after(new Effect.Upload(desk.board().id(), meeting.id(), Card.Document.MINUTES_DOCX,
                    FileNames.minutes(meeting.date(), desk.board().name(), approved)));
        }
    }
}
