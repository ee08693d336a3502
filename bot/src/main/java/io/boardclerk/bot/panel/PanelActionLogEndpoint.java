package io.boardclerk.bot.panel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.BoardChat;
import io.boardclerk.core.clerk.Clerk;
import io.boardclerk.core.clerk.Effect;
import io.boardclerk.core.clerk.Md;
import io.boardclerk.core.clerk.Reply;
import io.boardclerk.core.clerk.Turn;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.port.LedgerStore;
import io.boardclerk.graph.OnBehalfOf;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/** "Post the action log as me": the side panel's one write that is not typed words. */
public final class PanelActionLogEndpoint {

    private final PanelRequests requests;
    private final LedgerStore store;
    private final Clerk clerk;
    private final BoardChat chat;
    private final Clock clock;
    private final ObjectMapper json;
    private final ActionLogAsUser actionLog;

    /** @param actionLog posts the action-log summary as the signed-in officer */
    public PanelActionLogEndpoint(PanelRequests requests, LedgerStore store, Clerk clerk, BoardChat chat, Clock clock,
                                  ObjectMapper json, ActionLogAsUser actionLog) {
        this.requests = requests;
        this.store = store;
        this.clerk = clerk;
        this.chat = chat;
        this.clock = clock;
        this.json = json;
        this.actionLog = actionLog;
    }

    /**
     * {@code POST /api/panel/post-action-log} {@code {conversation}}: for the chair and secretary, the board's
     * action-log summary (as {@code post action log} makes it) posted into its chat or channel through Microsoft
     * Graph as the signed-in person, with the token this request came with. Answers {@code {posted, parts, line}}:
     * one line saying what happened. Never posted by the bot instead: the person asked to post as themselves.
     */
    public void handle(Context ctx) throws IOException {
        PanelUser user = requests.signedIn(ctx);
        JsonNode body = requests.object(ctx);
        Optional<PanelAccess.Seat> seat = store.read(ledger -> PanelAccess.seat(ledger, user,
                body.path("conversation").asText("")));
        if (seat.isEmpty()) {
            throw new NotFoundResponse("BoardClerk keeps no board in this conversation that you sit on.");
        }
        var board = seat.get().board();
        var person = seat.get().person();
        if (!board.isOfficer(person.id())) {
            throw new ForbiddenResponse("Only the chair and the secretary can post the action log as themselves. "
                    + officers(board) + " Anyone can see it by saying \"action log\" in the chat.");
        }
        Turn turn = PanelRequests.turn(board, person, "post action log", clock.instant());
        Reply reply = clerk.onMessage(turn).orElse(new Reply(""));
        Optional<Effect.PostActionLog> summary = reply.effects().stream()
                .filter(Effect.PostActionLog.class::isInstance).map(Effect.PostActionLog.class::cast).findFirst();
        ObjectNode out = json.createObjectNode();
        if (summary.isEmpty()) {
            out.put("posted", false).put("parts", 0).put("line", "Could not post the action log summary: "
                    + reply.markdown());
            ctx.contentType("application/json").result(out.toString());
            return;
        }
        ActionLogAsUser.Result result = actionLog.post(summary.get(),
                new OnBehalfOf(user.tenantId(), requests.ssoToken(ctx)));
        out.put("posted", result.posted()).put("parts", result.parts()).put("line", result.line());
        if (result.posted()) {
            chat.post(board, person, new Reply("**" + Md.esc(person.name()) + "** posted the action log summary "
                    + "through Microsoft Graph from the side panel" + (result.parts() == 1 ? "."
                    : " (" + result.parts() + " messages).")))
                    .ifPresent(problem -> out.put("chatProblem", problem));
        }
        ctx.contentType("application/json").result(out.toString());
    }

    /** Who the officers are, by name, for a refusal. */
    private String officers(Board board) {
        return store.read(ledger -> {
            String chair = board.chairId() == null ? null
                    : ledger.person(board.chairId()).map(p -> p.name()).orElse(null);
            String secretary = board.secretaryId() == null ? null
                    : ledger.person(board.secretaryId()).map(p -> p.name()).orElse(null);
            if (chair == null && secretary == null) {
                return "This board has no chair or secretary yet.";
            }
            return "Ask " + (chair == null ? "" : chair + " (chair)") + (chair != null && secretary != null ? " or "
                    : "") + (secretary == null ? "" : secretary + " (secretary)") + ".";
        });
    }
}
