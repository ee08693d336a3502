package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import io.boardclerk.bot.metrics.BotMetrics;
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
 * sees it. Each activity is timed and counted for the metrics, with how it ended.
 */
final class ActivityEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(ActivityEndpoint.class);

    /** Seconds a refused activity is asked to wait before it is delivered again. */
    static final int RETRY_AFTER_SECONDS = 2;

    private final InboundGate gate;
    private final BoardClerkAdapter adapter;
    private final BoardClerkBot bot;
    private final TurnPool turns;
    private final BotMetrics metrics;

    ActivityEndpoint(InboundGate gate, BoardClerkAdapter adapter, BoardClerkBot bot, TurnPool turns,
                     BotMetrics metrics) {
        this.gate = gate;
        this.adapter = adapter;
        this.bot = bot;
        this.turns = turns;
        this.metrics = metrics;
    }

    void handle(Context ctx) {
        long start = System.nanoTime();
        TurnRecord turn = new TurnRecord();
        try {
            messages(ctx, turn);
        } catch (RuntimeException | Error e) {
            turn.outcome = BotMetrics.TurnOutcome.ERROR;
            throw e;
        } finally {
            metrics.turn(turn.type, turn.outcome, System.nanoTime() - start);
        }
    }

    /** What the metrics learn of one activity as it is handled: its type once read, and how it ended. */
    private static final class TurnRecord {
        String type;
        BotMetrics.TurnOutcome outcome = BotMetrics.TurnOutcome.OK;
    }

    private void messages(Context ctx, TurnRecord turn) {
        byte[] body = ctx.bodyAsBytes();
        Activity activity;
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                refuse(ctx, turn, BotMetrics.Refusal.MALFORMED, Answer.error(HttpStatus.BAD_REQUEST,
                        "The body must be a Bot Framework activity (a JSON object)."));
                return;
            }
            Optional<String> badTime = ActivityTimestamps.normalise((ObjectNode) node);
            if (badTime.isPresent()) {
                refuse(ctx, turn, BotMetrics.Refusal.MALFORMED, Answer.error(HttpStatus.BAD_REQUEST, "The activity's "
                        + badTime.get() + " is not an ISO 8601 date and time (2026-11-23T15:00:00.000Z)."));
                return;
            }
            activity = Serialization.treeToValue(node, Activity.class);
        } catch (IOException | IllegalArgumentException e) {
            refuse(ctx, turn, BotMetrics.Refusal.MALFORMED, Answer.error(HttpStatus.BAD_REQUEST,
                    "The body is not valid activity JSON."));
            return;
        }
        if (activity == null || activity.getType() == null || activity.getConversation() == null
                || activity.getConversation().getId() == null || activity.getFrom() == null
                || activity.getServiceUrl() == null) {
            refuse(ctx, turn, BotMetrics.Refusal.MALFORMED, Answer.error(HttpStatus.BAD_REQUEST,
                    "The activity needs type, conversation.id, from and serviceUrl."));
            return;
        }
        turn.type = activity.getType();
        String authorization = ctx.header("Authorization");
        CompletableFuture<Answer> answer;
        try {
            answer = turns.submit(activity.getConversation().getId(), () -> turn(authorization, activity));
        } catch (TurnPool.Saturated e) {
            LOG.warn("Busy: answered 503 to an activity ({})", e.getMessage());
            ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            refuse(ctx, turn, BotMetrics.Refusal.BUSY, Answer.error(HttpStatus.SERVICE_UNAVAILABLE,
                    "BoardClerk is busy; please deliver this activity again."));
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
        if (result.refusal() != null) {
            refuse(ctx, turn, result.refusal(), result);
            return;
        }
        answer(ctx, result);
    }

    /** Refuses an activity: the metrics count it (by reason) and the turn as refused. */
    private void refuse(Context ctx, TurnRecord turn, BotMetrics.Refusal why, Answer answer) {
        turn.outcome = BotMetrics.TurnOutcome.REFUSED;
        metrics.refused(why);
        answer(ctx, answer);
    }

    private static void answer(Context ctx, Answer answer) {
        ctx.status(answer.status());
        if (answer.body() != null) {
            ctx.contentType("application/json").result(answer.body());
        }
    }

    /** What one activity is answered: a status, a JSON body (null for none), and why it was refused (if it was). */
    private record Answer(int status, String body, BotMetrics.Refusal refusal) {
        static Answer error(HttpStatus status, String message) {
            return new Answer(status.getCode(), Json.MAPPER.createObjectNode().put("error", message).toString(), null);
        }

        Answer refused(BotMetrics.Refusal why) {
            return new Answer(status, body, why);
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
                return Answer.error(HttpStatus.UNAUTHORIZED, "The request's Bot Framework token is missing or invalid.")
                        .refused(BotMetrics.Refusal.UNAUTHENTICATED);
            }
            throw e;
        }
        Optional<InboundGate.Refusal> refused = gate.admit(activity);
        if (refused.isPresent()) {
            LOG.info("Refused activity {} in conversation {} from {}: {}", LogText.of(activity.getId()),
                    LogText.of(activity.getConversation().getId()), LogText.of(activity.getServiceUrl()),
                    refused.get().message());
            return Answer.error(HttpStatus.FORBIDDEN, refused.get().message()).refused(BotMetrics.Refusal.FORBIDDEN);
        }
        InvokeResponse response = adapter.processActivity(identity, activity, bot::onTurn).join();
        if (response == null) {
            return new Answer(HttpStatus.ACCEPTED.getCode(), null, null);
        }
        return new Answer(response.getStatus(), response.getBody() == null ? null
                : Serialization.toStringSilent(response.getBody()), null);
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
}
