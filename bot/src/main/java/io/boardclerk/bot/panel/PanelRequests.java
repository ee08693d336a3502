package io.boardclerk.bot.panel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.clerk.Sender;
import io.boardclerk.core.clerk.Turn;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Person;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What every request of the side panel's API needs: who is signed in, and its JSON body. A refusal is thrown as one of
 * Javalin's typed {@link HttpResponseException}s, answered as {@code {"error": ...}} where the routes are set up.
 */
public final class PanelRequests {

    private final PanelAccess access;
    private final ObjectMapper json;

    public PanelRequests(PanelAccess access, ObjectMapper json) {
        this.access = access;
        this.json = json;
    }

    /** The caller; refused with the status {@link PanelAccess} gives. */
    PanelUser signedIn(Context ctx) {
        try {
            return access.user(ctx);
        } catch (PanelAccess.Denied e) {
            throw new HttpResponseException(e.status(), e.getMessage());
        }
    }

    /** The request's JSON object; 400 for anything else. */
    JsonNode object(Context ctx) {
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

    /** The SSO token the request came with, for calls made on the person's behalf. */
    String ssoToken(Context ctx) {
        return access.ssoToken(ctx).orElse("");
    }

    /** A message from {@code person} in the board's chat, as the panel's words are handled. */
    static Turn turn(Board board, Person person, String text, Instant at) {
        return new Turn(new Conversation(board.tenantId(), board.conversationId(), Conversation.Kind.GROUP_CHAT, null),
                new Sender(person.teamsId(), person.aadObjectId(), person.name()), text, List.of(),
                "panel:" + UUID.randomUUID(), at);
    }
}
