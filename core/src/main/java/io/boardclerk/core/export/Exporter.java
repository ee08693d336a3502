package io.boardclerk.core.export;

import io.boardclerk.core.export.BoardExport.ActionDoc;
import io.boardclerk.core.export.BoardExport.ApologyDoc;
import io.boardclerk.core.export.BoardExport.BoardDoc;
import io.boardclerk.core.export.BoardExport.DeclarationDoc;
import io.boardclerk.core.export.BoardExport.Document;
import io.boardclerk.core.export.BoardExport.MeetingDoc;
import io.boardclerk.core.export.BoardExport.UpdateDoc;
import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.port.Ledger;
import io.boardclerk.core.port.LedgerStore;
import io.boardclerk.core.view.ActionLogDocument;
import io.boardclerk.core.view.MinutesDraft;
import io.boardclerk.core.view.MinutesDrafter;
import io.boardclerk.core.view.Views;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Builds the export of everything recorded, for all boards or one. */
public final class Exporter {

    private final LedgerStore store;

    public Exporter(LedgerStore store) {
        this.store = store;
    }

    public Document all() {
        return store.read(ledger -> new Document(ledger.boards().stream().map(b -> board(ledger, b)).toList()));
    }

    public Optional<Document> board(long boardId) {
        return store.read(ledger -> ledger.board(boardId).map(b -> new Document(List.of(board(ledger, b)))));
    }

    /** The whole action log of one board, for CSV and Word; empty when there is no such board. */
    public Optional<ActionLogDocument> actionLog(long boardId, LocalDate asOf) {
        return store.read(ledger -> ledger.board(boardId).map(b -> new ActionLogDocument(b.id(), b.name(), asOf,
                ledger.marking(b.id()).orElse(null), ledger.actions(b.id()).stream().map(Views::row).toList())));
    }

    /** The minutes draft of one meeting of one board; empty when the meeting is not that board's. */
    public Optional<MinutesDraft> minutes(long boardId, long meetingId) {
        return store.read(ledger -> ledger.meeting(meetingId).filter(m -> m.boardId() == boardId)
                .map(m -> MinutesDrafter.draft(ledger, m)));
    }

    private static BoardDoc board(Ledger ledger, Board board) {
        List<MeetingDoc> meetings = ledger.meetings(board.id()).stream().map(m -> meeting(ledger, m)).toList();
        List<ActionDoc> actions = ledger.actions(board.id()).stream().map(Exporter::action).toList();
        return new BoardDoc(board.id(), board.name(), board.conversationId(), meetings, actions);
    }

    private static MeetingDoc meeting(Ledger ledger, Meeting m) {
        return new MeetingDoc(m.id(), iso(m.date()), m.title(),
                ledger.apologies(m.id()).stream().map(a -> new ApologyDoc(a.name(), a.role())).toList(),
                ledger.declarations(m.id()).stream().map(d -> new DeclarationDoc(d.member(), d.agendaItem(),
                        d.kind().word(), d.interest())).toList(),
                ledger.noDeclarations(m.id()));
    }

    private static ActionDoc action(ActionItem a) {
        return new ActionDoc(a.displayNumber(), iso(a.raisedOn()), a.agendaItem(), a.text(), Views.owners(a),
                iso(a.target().date()), a.target().text(), a.status().word(),
                a.updates().stream().map(u -> new UpdateDoc(iso(u.date()), u.text(), u.by())).toList());
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
