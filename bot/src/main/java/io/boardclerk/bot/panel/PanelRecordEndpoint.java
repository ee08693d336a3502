package io.boardclerk.bot.panel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.boardclerk.core.clerk.Clerk;
import io.boardclerk.core.port.LedgerStore;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;

/** The side panel's read: the meeting's record with an ETag, so the page can poll cheaply. */
public final class PanelRecordEndpoint {

    private final PanelRequests requests;
    private final LedgerStore store;
    private final Clerk clerk;
    private final Clock clock;
    private final ObjectMapper json;

    public PanelRecordEndpoint(PanelRequests requests, LedgerStore store, Clerk clerk, Clock clock, ObjectMapper json) {
        this.requests = requests;
        this.store = store;
        this.clerk = clerk;
        this.clock = clock;
        this.json = json;
    }

    /** {@code GET /api/panel/record?conversation=...}: the record, or 304 when the page's ETag still holds. */
    public void handle(Context ctx) throws IOException {
        PanelUser user = requests.signedIn(ctx);
        String conversation = ctx.queryParam("conversation");
        if (conversation == null || conversation.isBlank()) {
            throw new BadRequestResponse("Say which conversation: ?conversation=<the Teams chat id>.");
        }
        LocalDate today = clock.instant().atZone(clerk.zone()).toLocalDate();
        Optional<PanelRecord.View> view = store.read(ledger -> PanelAccess.seat(ledger, user, conversation)
                .map(seat -> PanelRecord.read(ledger, seat.board(), seat.person(), today)));
        if (view.isEmpty()) {
            throw new NotFoundResponse("BoardClerk keeps no board in this conversation that you sit on. Say something "
                    + "to @BoardClerk in the meeting chat first.");
        }
        byte[] body = json.writeValueAsBytes(view.get());
        String etag = "\"" + digest(body) + "\"";
        ctx.header("ETag", etag).header("Cache-Control", "no-cache");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType("application/json").result(body);
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
