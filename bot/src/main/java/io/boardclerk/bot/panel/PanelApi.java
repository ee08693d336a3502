package io.boardclerk.bot.panel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.BoardChat;
import io.boardclerk.core.clerk.Clerk;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.clerk.Effect;
import io.boardclerk.core.clerk.Md;
import io.boardclerk.core.clerk.Reply;
import io.boardclerk.core.clerk.Sender;
import io.boardclerk.core.clerk.Turn;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.port.LedgerStore;
import io.boardclerk.graph.OnBehalfOf;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The side panel's REST API, under {@code /api/panel}. Reads give the meeting's record with an ETag, so the page can
 * poll cheaply; every write is turned into the words a member would type in chat and goes through the same
 * {@link Clerk} as a chat message (same roles, parsing, atomicity and history), and the clerk's answer is posted into
 * the board's chat so everyone sees what was done. A refusal is thrown as one of Javalin's typed
 * {@link HttpResponseException}s, answered as {@code {"error": ...}} where the routes are set up.
 */
public final class PanelApi {

    /** Longer than any line of minutes; the chat's own limit is far above. */
    static final int MAX_TEXT = 4000;
    private static final Set<String> KINDS = Set.of("personal", "pecuniary", "prejudicial", "other");

    private final PanelAccess access;
    private final LedgerStore store;
    private final Clerk clerk;
    private final BoardChat chat;
    private final Clock clock;
    private final ObjectMapper json;
    private final ActionLogAsUser actionLog;

    /**
     * @param actionLog posts the action-log summary as the signed-in officer ("Post the action log as me")
     */
    public PanelApi(PanelAccess access, LedgerStore store, Clerk clerk, BoardChat chat, Clock clock,
                    ObjectMapper json, ActionLogAsUser actionLog) {
        this.actionLog = actionLog;
        this.access = access;
        this.store = store;
        this.clerk = clerk;
        this.chat = chat;
        this.clock = clock;
        this.json = json;
    }

    /** {@code GET /api/panel/record?conversation=...}: the record, or 304 when the page's ETag still holds. */
    public void record(Context ctx) throws IOException {
        PanelUser user = signedIn(ctx);
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

    /**
     * {@code POST /api/panel/apologies}: the signed-in person's own apologies for the meeting the panel shows: the one
     * under way, or else the next.
     */
    public void apologies(Context ctx) throws IOException {
        act(ctx, false, (body, seat) -> store.read(ledger -> ledger.openMeeting(seat.board().id())).isPresent()
                ? "my apologies for today" : "my apologies for the next meeting");
    }

    /** {@code POST /api/panel/declarations} {@code {item, kind, interest}}: the person's own declaration. */
    public void declare(Context ctx) throws IOException {
        act(ctx, false, (body, seat) -> {
            String item = line(body, "item");
            String interest = line(body, "interest");
            String kind = line(body, "kind").toLowerCase(Locale.ROOT);
            if (item.isEmpty() || interest.isEmpty()) {
                throw new BadRequestResponse("A declaration needs the agenda item and the nature of the interest.");
            }
            if (!item.matches("(?i)\\d{1,3}[a-z]?(?:\\.\\d{1,3}){0,3}")) {
                throw new BadRequestResponse("The agenda item is a number such as 7 or 5.2.");
            }
            if (!kind.isEmpty() && !KINDS.contains(kind)) {
                throw new BadRequestResponse("The kind of interest is personal, pecuniary, prejudicial or other.");
            }
            return "declare " + (kind.isEmpty() || kind.equals("other") ? "" : kind + " ") + "item " + item + ": "
                    + interest;
        });
    }

    /** {@code POST /api/panel/updates} {@code {action, text}}: an update to an action, as {@code update 12 ...}. */
    public void update(Context ctx) throws IOException {
        act(ctx, false, (body, seat) -> {
            int number = body.path("action").asInt(0);
            String text = line(body, "text");
            if (number < 1 || text.isEmpty()) {
                throw new BadRequestResponse("An update needs the action's number and its text.");
            }
            return "update " + number + " " + text;
        });
    }

    /**
     * {@code POST /api/panel/say} {@code {text}}: for the chair and secretary, anything they could type in the chat,
     * several lines included, handled exactly as that message would be.
     */
    public void say(Context ctx) throws IOException {
        act(ctx, true, (body, seat) -> {
            String text = body.path("text").asText("").strip();
            if (text.isEmpty()) {
                throw new BadRequestResponse("Type what to record, as you would in the chat.");
            }
            return text;
        });
    }

    /**
     * {@code POST /api/panel/post-action-log} {@code {conversation}}: for the chair and secretary, the board's
     * action-log summary (as {@code post action log} makes it) posted into its chat or channel through Microsoft
     * Graph as the signed-in person, with the token this request came with. Answers {@code {posted, parts, line}}:
     * one line saying what happened. Never posted by the bot instead: the person asked to post as themselves.
     */
    public void postActionLog(Context ctx) throws IOException {
        PanelUser user = signedIn(ctx);
        JsonNode body = object(ctx);
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
        Turn turn = new Turn(new Conversation(board.tenantId(), board.conversationId(),
                Conversation.Kind.GROUP_CHAT, null), new Sender(person.teamsId(), person.aadObjectId(), person.name()),
                "post action log", List.of(), "panel:" + UUID.randomUUID(), clock.instant());
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
                new OnBehalfOf(user.tenantId(), access.ssoToken(ctx).orElse("")));
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

    /** The typed words a panel request stands for, given its body and the board and person it is signed in as. */
    private interface Words {
        String of(JsonNode body, PanelAccess.Seat seat);
    }

    private void act(Context ctx, boolean officersOnly, Words words) throws IOException {
        PanelUser user = signedIn(ctx);
        JsonNode body = object(ctx);
        String conversation = body.path("conversation").asText("");
        Optional<PanelAccess.Seat> seat = store.read(ledger -> PanelAccess.seat(ledger, user, conversation));
        if (seat.isEmpty()) {
            throw new NotFoundResponse("BoardClerk keeps no board in this conversation that you sit on.");
        }
        if (officersOnly && !seat.get().board().isOfficer(seat.get().person().id())) {
            throw new ForbiddenResponse("Only the chair and the secretary record from the panel's text box; members "
                    + "declare interests, send apologies and update their own actions.");
        }
        String text = words.of(body, seat.get());
        if (text.length() > MAX_TEXT) {
            throw new ContentTooLargeResponse("That is longer than " + MAX_TEXT + " characters; record it in parts.");
        }
        var board = seat.get().board();
        var person = seat.get().person();
        Turn turn = new Turn(new Conversation(board.tenantId(), board.conversationId(),
                Conversation.Kind.GROUP_CHAT, null), new Sender(person.teamsId(), person.aadObjectId(), person.name()),
                text, List.of(), "panel:" + UUID.randomUUID(), clock.instant());
        Reply reply = clerk.onMessage(turn).orElse(new Reply(""));
        Optional<String> notPosted = chat.post(board, person, new Reply(echo(person.name(), text) + "\n\n"
                + reply.markdown(), reply.cards(), reply.effects()));
        ObjectNode out = json.createObjectNode();
        out.put("reply", reply.markdown());
        out.put("postedInChat", notPosted.isEmpty());
        notPosted.ifPresent(problem -> out.put("chatProblem", problem));
        ctx.contentType("application/json").result(out.toString());
    }

    /** The request's JSON object; 400 for anything else. */
    private JsonNode object(Context ctx) {
        JsonNode body;
        try {
            body = json.readTree(ctx.bodyAsBytes());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw new BadRequestResponse("The body must be a JSON object.");
        }
        return body;
    }

    /** The caller; refused with the status {@link PanelAccess} gives. */
    private PanelUser signedIn(Context ctx) {
        try {
            return access.user(ctx);
        } catch (PanelAccess.Denied e) {
            throw new HttpResponseException(e.status(), e.getMessage());
        }
    }

    /** How the chat is told who did what from the panel: their name and their words. */
    static String echo(String name, String text) {
        String said = text.contains("\n") ? "\n\n" + text.lines().map(l -> "> " + Md.esc(l))
                .reduce((a, b) -> a + "\n" + b).orElse("") : " " + Md.code(text);
        return "**" + Md.esc(name) + "** in the side panel:" + said;
    }

    /** A one-line field: line breaks would make a second command, so they become spaces. */
    private static String line(JsonNode body, String field) {
        return body.path(field).asText("").replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
