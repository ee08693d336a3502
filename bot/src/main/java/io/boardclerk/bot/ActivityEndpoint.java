package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code POST /api/messages}: reads the activity (400 for what is not one), runs it on the {@link TurnPool} (503 with
 * Retry-After when full), where the {@link InboundGate} authenticates it (401) and admits it (403) before the bot
 * sees it.
 */
final class ActivityEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ActivityEndpoint.class);

    private final InboundGate gate;
    private final BoardClerkAdapter adapter;
    private final BoardClerkBot bot;
    private final TurnPool turns;

    ActivityEndpoint(InboundGate gate, BoardClerkAdapter adapter, BoardClerkBot bot, TurnPool turns) {
        this.gate = gate;
        this.adapter = adapter;
        this.bot = bot;
        this.turns = turns;
    }

    void handle(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        Activity activity;
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                error(ctx, HttpStatus.BAD_REQUEST, "The body must be a Bot Framework activity (a JSON object).");
                return;
            }
            Optional<String> badTime = ActivityTimestamps.normalise((ObjectNode) node);
            if (badTime.isPresent()) {
                error(ctx, HttpStatus.BAD_REQUEST, "The activity's " + badTime.get() + " is not an ISO 8601 date and "
                        + "time (2026-11-23T15:00:00.000Z).");
                return;
            }
            activity = Serialization.treeToValue(node, Activity.class);
        } catch (IOException | IllegalArgumentException e) {
            error(ctx, HttpStatus.BAD_REQUEST, "The body is not valid activity JSON.");
            return;
        }
        if (activity == null || activity.getType() == null || activity.getConversation() == null
                || activity.getConversation().getId() == null || activity.getFrom() == null
                || activity.getServiceUrl() == null) {
            error(ctx, HttpStatus.BAD_REQUEST, "The activity needs type, conversation.id, from and serviceUrl.");
            return;
        }
        String authorization = ctx.header("Authorization");
        CompletableFuture<Answer> answer;
        try {
            answer = turns.submit(activity.getConversation().getId(), () -> turn(authorization, activity));
        } catch (TurnPool.Saturated e) {
            LOG.warn("Busy: answered 503 to an activity ({})", e.getMessage());
            ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "BoardClerk is busy; please deliver this activity again.");
            return;
        }
        Answer result;
        try {
            result = answer.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
        ctx.status(result.status());
        if (result.body() != null) {
            ctx.contentType("application/json").result(result.body());
        }
    }

    /** Seconds a refused activity is asked to wait before it is delivered again. */
    static final int RETRY_AFTER_SECONDS = 2;

    /** What one activity is answered: a status and a JSON body (null for none). */
    private record Answer(int status, String body) {
        static Answer error(HttpStatus status, String message) {
            return new Answer(status.getCode(), Json.MAPPER.createObjectNode().put("error", message).toString());
        }
    }

    /**
     * One activity, on the turn pool: authenticated (401), admitted (403), then handed to the bot. Nothing is stored
     * or sent for an activity refused here.
     */
    private Answer turn(String authorization, Activity activity) {
        ClaimsIdentity identity;
        try {
            identity = gate.authenticate(authorization, activity).join();
        } catch (CompletionException | AuthenticationException | com.auth0.jwt.exceptions.JWTVerificationException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (isAuthentication(cause)) {
                LOG.info("Refused activity {}: {}", LogText.of(activity.getId()), LogText.of(cause.getMessage(), 200));
                return Answer.error(HttpStatus.UNAUTHORIZED, "The request's Bot Framework token is missing or invalid.");
            }
            throw e;
        }
        Optional<InboundGate.Refusal> refused = gate.admit(activity);
        if (refused.isPresent()) {
            LOG.info("Refused activity {} in conversation {} from {}: {}", LogText.of(activity.getId()),
                    LogText.of(activity.getConversation().getId()), LogText.of(activity.getServiceUrl()),
                    refused.get().message());
            return Answer.error(HttpStatus.FORBIDDEN, refused.get().message());
        }
        InvokeResponse response = adapter.processActivity(identity, activity, bot::onTurn).join();
        if (response == null) {
            return new Answer(HttpStatus.ACCEPTED.getCode(), null);
        }
        return new Answer(response.getStatus(), response.getBody() == null ? null
                : Serialization.toStringSilent(response.getBody()));
    }

    private static boolean isAuthentication(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof AuthenticationException || c instanceof com.auth0.jwt.exceptions.JWTVerificationException
                    || c instanceof com.auth0.jwk.JwkException) {
                return true;
            }
        }
        return false;
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).contentType("application/json").result(Json.MAPPER.createObjectNode()
                .put("error", message).toString());
    }

    @Override
    public void close() {
        turns.close();
    }
}
