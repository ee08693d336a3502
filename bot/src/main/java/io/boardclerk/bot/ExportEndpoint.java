package io.boardclerk.bot;

import io.boardclerk.bot.panel.PanelAccess;
import io.boardclerk.bot.panel.PanelUser;
import io.boardclerk.core.export.Exporter;
import io.boardclerk.core.port.LedgerStore;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /api/boards/{id}/export}: the board's whole record as JSON, for its chair or secretary signed in with
 * Teams single sign-on (anyone on loopback in local mode).
 */
final class ExportEndpoint {

    private final boolean localMode;
    private final PanelAccess access;
    private final LedgerStore store;
    private final Exporter exporter;

    ExportEndpoint(boolean localMode, PanelAccess access, LedgerStore store, Exporter exporter) {
        this.localMode = localMode;
        this.access = access;
        this.store = store;
        this.exporter = exporter;
    }

    void handle(Context ctx) throws IOException {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("A board id is a number.");
        }
        if (!localMode) {
            requireOfficer(ctx, id);
        }
        var document = exporter.board(id).orElseThrow(() -> new NotFoundResponse("There is no board " + id + "."));
        ctx.contentType("application/json").result(Json.MAPPER.writeValueAsString(document));
    }

    private void requireOfficer(Context ctx, long id) {
        PanelUser user;
        try {
            user = access.user(ctx);
        } catch (PanelAccess.Denied e) {
            throw new HttpResponseException(e.status(), e.getMessage());
        }
        Optional<PanelAccess.Seat> seat = store.read(ledger -> ledger.board(id)
                .flatMap(b -> PanelAccess.seat(ledger, user, b)));
        if (seat.isEmpty()) {
            throw new NotFoundResponse("There is no board " + id + " that you sit on.");
        }
        // The whole record, every recording's source included, is the officers' (as `export json` in chat).
        if (!seat.get().board().isOfficer(seat.get().person().id())) {
            throw new ForbiddenResponse("Only the chair or secretary can export the board's whole record.");
        }
    }
}
