package io.boardclerk.bot.panel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.BoardChat;
import io.boardclerk.core.clerk.Clerk;
import io.boardclerk.core.clerk.Md;
import io.boardclerk.core.clerk.Reply;
import io.boardclerk.core.clerk.Turn;
import io.boardclerk.core.port.LedgerStore;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;

import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The side panel's writes, under {@code /api/panel}: each is turned into the words a member would type in chat and
 * goes through the same {@link Clerk} as a chat message (same roles, parsing, atomicity and history), and the clerk's
 * answer is posted into the board's chat (with what it asks done, as in chat) so everyone sees what was done.
 */
public final class PanelWordsEndpoint {

    /** Longer than any line of minutes; the chat's own limit is far above. */
    static final int MAX_TEXT = 4000;
    private static final Set<String> KINDS = Set.of("personal", "pecuniary", "prejudicial", "other");

    private final PanelRequests requests;
    private final LedgerStore store;
    private final Clerk clerk;
    private final BoardChat chat;
    private final Clock clock;
    private final ObjectMapper json;

    /** @param chat the board's chat, where what was done is posted (with its effects done) */
    public PanelWordsEndpoint(PanelRequests requests, LedgerStore store, Clerk clerk, BoardChat chat, Clock clock,
                              ObjectMapper json) {
        this.requests = requests;
        this.store = store;
        this.clerk = clerk;
        this.chat = chat;
        this.clock = clock;
        this.json = json;
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

    /** The typed words a panel request stands for, given its body and the board and person it is signed in as. */
    private interface Words {
        String of(JsonNode body, PanelAccess.Seat seat);
    }

    private void act(Context ctx, boolean officersOnly, Words words) throws IOException {
        PanelUser user = requests.signedIn(ctx);
        JsonNode body = requests.object(ctx);
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
        Turn turn = PanelRequests.turn(board, person, text, clock.instant());
        Reply reply = clerk.onMessage(turn).orElse(new Reply(""));
        Optional<String> notPosted = chat.post(board, person, new Reply(echo(person.name(), text) + "\n\n"
                + reply.markdown(), reply.cards(), reply.effects()));
        ObjectNode out = json.createObjectNode();
        out.put("reply", reply.markdown());
        out.put("postedInChat", notPosted.isEmpty());
        notPosted.ifPresent(problem -> out.put("chatProblem", problem));
        ctx.contentType("application/json").result(out.toString());
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
}
