package io.boardclerk.bot;

import io.boardclerk.bot.documents.ActionLogDocx;
import io.boardclerk.bot.documents.DownloadLinks;
import io.boardclerk.bot.documents.MinutesDocx;
import io.boardclerk.core.clerk.Bookkeeping;
import io.boardclerk.core.clerk.Card;
import io.boardclerk.core.clerk.Effect;
import io.boardclerk.core.clerk.Md;
import io.boardclerk.core.export.Exporter;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.port.LedgerStore;
import io.boardclerk.core.sharepoint.MarkdownLink;
import io.boardclerk.core.sharepoint.SharePointFolder;
import io.boardclerk.core.view.ActionLogDocument;
import io.boardclerk.core.view.MinutesDraft;
import io.boardclerk.graph.GraphFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Finds a board's SharePoint folder and uploads its Word documents there, through Microsoft Graph as BoardClerk's
 * app. Runs after the turn's transaction (the clerk only decides who may and what): the Graph calls hold no database
 * lock, and the folder, once Graph has found it, is kept in a short transaction of its own. Every outcome is one line
 * for the chat; a failed upload leaves the board's folder setting as it was, and the document's signed download link
 * (on the minutes card, or offered in the line) still works.
 */
final class SharePointUploader {

    private static final Logger LOG = LoggerFactory.getLogger(SharePointUploader.class);

    private final LedgerStore store;
    private final Bookkeeping book;
    private final GraphFiles graph;
    private final String graphOff;
    private final Exporter exporter;
    private final DownloadLinks links;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param graph    the Graph files client, null when Graph is off
     * @param graphOff why Graph is off and what enabling it takes, in words; ignored when it is on
     */
    SharePointUploader(LedgerStore store, Bookkeeping book, GraphFiles graph, String graphOff, Exporter exporter,
                       DownloadLinks links, Clock clock, ZoneId zone) {
        this.store = store;
        this.book = book;
        this.graph = graph;
        this.graphOff = graphOff;
        this.exporter = exporter;
        this.links = links;
        this.clock = clock;
        this.zone = zone;
    }

    /** What a SharePoint folder needs, for the lines that say it is missing. */
    static String permission() {
        return "the application permission " + GraphFiles.SELECTED_PERMISSION + " with the site granted to BoardClerk "
                + "(or " + GraphFiles.PERMISSION + ")";
    }

    /** Finds the folder and, when it is one, keeps it as the board's; says what happened. */
    String find(Effect.FindFolder find) {
        if (graph == null) {
            return "The SharePoint folder was not set: Microsoft Graph is off (" + graphOff + "). Uploading to "
                    + "SharePoint goes through Graph, and also needs " + permission() + ".";
        }
        Optional<Board> board = store.read(ledger -> ledger.board(find.boardId()));
        if (board.isEmpty()) {
            return "The SharePoint folder was not set: its board no longer exists.";
        }
        GraphFiles.Resolution resolution = graph.resolve(board.get().tenantId(), find.url());
        LOG.info("Finding the SharePoint folder of board {}: {}", find.boardId(), resolution.getClass().getSimpleName());
        if (resolution instanceof GraphFiles.Found found) {
            GraphFiles.Folder f = found.folder();
            SharePointFolder folder = new SharePointFolder(find.url(), f.driveId(), f.itemId(), f.name(), f.webUrl(),
                    find.setBy(), clock.instant());
            book.keepSharePointFolder(find.boardId(), folder);
            return "Minutes drafts and action logs of " + Md.esc(board.get().name()) + " will be uploaded to "
                    + MarkdownLink.of(f.name(), f.webUrl()) + ": the draft with each " + Md.code("draft minutes")
                    + " and at the end of each meeting, or when you say " + Md.code("upload minutes") + " or "
                    + Md.code("upload action log") + ".";
        }
        if (resolution instanceof GraphFiles.NotAFolder file) {
            return "The SharePoint folder was not set: that address is of a file (" + Md.esc(file.name()) + "), not a "
                    + "folder. Open the folder in the browser and copy its address.";
        }
        if (resolution instanceof GraphFiles.NotFound) {
            return "The SharePoint folder was not set: Microsoft Graph found no folder at that address. Check it in "
                    + "the browser; if it is right, BoardClerk's app has not been granted its site (" + permission()
                    + ").";
        }
        if (resolution instanceof GraphFiles.Refused refused) {
            return "The SharePoint folder was not set: " + refused.problem();
        }
        if (resolution instanceof GraphFiles.OutsideTenant outside) {
            return "The SharePoint folder was not set: " + Md.esc(outside.host()) + " is not one of your "
                    + "organisation's SharePoint sites (" + Md.esc(String.join(", ", outside.tenantHosts())) + "), and "
                    + "BoardClerk only keeps a board's documents in its own organisation. Copy the address of a folder "
                    + "on your organisation's SharePoint.";
        }
        return "The SharePoint folder was not set: " + ((GraphFiles.Failed) resolution).problem() + " Try again "
                + "later.";
    }

    /** Uploads the document to the board's folder; says where it went, or why not. */
    String upload(Effect.Upload upload) {
        String what = upload.document() == Card.Document.MINUTES_DOCX ? "minutes were" : "action log was";
        if (graph == null) {
            return "The " + what + " not uploaded to SharePoint: Microsoft Graph is off (" + graphOff + ")."
                    + download(upload);
        }
        Optional<Board> board = store.read(ledger -> ledger.board(upload.boardId()));
        Optional<SharePointFolder> folder = store.read(ledger -> ledger.sharePointFolder(upload.boardId()));
        if (board.isEmpty() || folder.isEmpty()) {
            return "The " + what + " not uploaded: the board has no SharePoint folder now.";
        }
        byte[] bytes;
        try {
            Optional<byte[]> document = document(upload);
            if (document.isEmpty()) {
                return "The " + what + " not uploaded: there is nothing to upload any more.";
            }
            bytes = document.get();
        } catch (IOException e) {
            LOG.error("Could not write the {} of board {} for SharePoint", upload.document(), upload.boardId(), e);
            return "The " + what + " not uploaded: the Word document could not be written.";
        }
        SharePointFolder f = folder.get();
        GraphFiles.Upload outcome = graph.upload(board.get().tenantId(), f.driveId(), f.itemId(), upload.fileName(),
                bytes);
        LOG.info("Uploading the {} of board {} to SharePoint ({} bytes): {}", upload.document(), upload.boardId(),
                bytes.length, outcome.getClass().getSimpleName());
        String where = MarkdownLink.of(f.name(), f.webUrl());
        if (outcome instanceof GraphFiles.Uploaded uploaded) {
            return "Uploaded " + MarkdownLink.of(uploaded.name(), uploaded.webUrl()) + " to " + where
                    + " in SharePoint (an earlier file of that name is kept in its version history).";
        }
        String problem;
        if (outcome instanceof GraphFiles.NotFound) {
            problem = "the folder is gone (deleted or moved), or BoardClerk's app no longer has its site. The setting "
                    + "is kept; " + Md.code("sharepoint folder <address>") + " chooses another.";
        } else if (outcome instanceof GraphFiles.Refused refused) {
            problem = refused.problem();
        } else if (outcome instanceof GraphFiles.Conflict conflict) {
            problem = conflict.problem();
        } else {
            problem = ((GraphFiles.Failed) outcome).problem();
        }
        return "The " + what + " not uploaded to " + where + ": " + problem + download(upload);
    }

    /** " The Word document is at <link> meanwhile." for a failed upload, when links can be made here. */
    private String download(Effect.Upload upload) {
        Card.Download download = new Card.Download(upload.boardId(), upload.meetingId(), upload.document(),
                upload.fileName());
        return links.mint(download) instanceof DownloadLinks.Link link ? " Meanwhile the Word document is at "
                + "[this download link](" + link.uri() + ")." : "";
    }

    private Optional<byte[]> document(Effect.Upload upload) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (upload.document() == Card.Document.MINUTES_DOCX) {
            if (upload.meetingId() == null) {
                return Optional.empty();
            }
            Optional<MinutesDraft> draft = exporter.minutes(upload.boardId(), upload.meetingId());
            if (draft.isEmpty()) {
                return Optional.empty();
            }
            MinutesDocx.write(draft.get(), zone, out);
        } else {
            Optional<ActionLogDocument> log = exporter.actionLog(upload.boardId(),
                    clock.instant().atZone(zone).toLocalDate());
            if (log.isEmpty()) {
                return Optional.empty();
            }
            ActionLogDocx.write(log.get(), out);
        }
        return Optional.of(out.toByteArray());
    }
}
