package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import io.boardclerk.bot.metrics.BotMetrics;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import static io.boardclerk.bot.BoardClerkServer.error;

/**
 * {@code POST /api/messages}: reads a Bot Framework activity, refuses what is malformed (400) or carries no valid
 * token (401), hands the rest to the bot through the adapter, and answers with 202 or the invoke's response. Each
 * activity is timed and counted for the metrics, with how it ended.
 */
final class ActivityEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(ActivityEndpoint.class);

    private final BoardClerkAdapter adapter;
    private final BoardClerkBot bot;
    private final BotMetrics metrics;

    ActivityEndpoint(BoardClerkAdapter adapter, BoardClerkBot bot, BotMetrics metrics) {
        this.adapter = adapter;
        this.bot = bot;
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

    /** Refuses an activity: the metrics count it (by reason) and the turn as refused. */
    private void refuse(TurnRecord turn, BotMetrics.Refusal why) {
        turn.outcome = BotMetrics.TurnOutcome.REFUSED;
        metrics.refused(why);
    }

    private void messages(Context ctx, TurnRecord turn) {
        byte[] body = ctx.bodyAsBytes();
        Activity activity;
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                refuse(turn, BotMetrics.Refusal.MALFORMED);
                error(ctx, HttpStatus.BAD_REQUEST, "The body must be a Bot Framework activity (a JSON object).");
                return;
            }
            Optional<String> badTime = ActivityTimestamps.normalise((ObjectNode) node);
            if (badTime.isPresent()) {
                refuse(turn, BotMetrics.Refusal.MALFORMED);
                error(ctx, HttpStatus.BAD_REQUEST, "The activity's " + badTime.get() + " is not an ISO 8601 date and "
                        + "time (2026-11-23T15:00:00.000Z).");
                return;
            }
            activity = Serialization.treeToValue(node, Activity.class);
        } catch (IOException | IllegalArgumentException e) {
            refuse(turn, BotMetrics.Refusal.MALFORMED);
            error(ctx, HttpStatus.BAD_REQUEST, "The body is not valid activity JSON.");
            return;
        }
        if (activity == null || activity.getType() == null || activity.getConversation() == null
                || activity.getConversation().getId() == null || activity.getFrom() == null
                || activity.getServiceUrl() == null) {
            refuse(turn, BotMetrics.Refusal.MALFORMED);
            error(ctx, HttpStatus.BAD_REQUEST, "The activity needs type, conversation.id, from and serviceUrl.");
            return;
        }
        turn.type = activity.getType();
        InvokeResponse response;
        try {
            response = adapter.processIncomingActivity(ctx.header("Authorization"), activity, bot).join();
        } catch (CompletionException | AuthenticationException | com.auth0.jwt.exceptions.JWTVerificationException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (isAuthentication(cause)) {
                LOG.info("Refused activity {}: {}", activity.getId(), cause.getMessage());
                refuse(turn, BotMetrics.Refusal.UNAUTHENTICATED);
                error(ctx, HttpStatus.UNAUTHORIZED, "The request's Bot Framework token is missing or invalid.");
                return;
            }
            throw e;
        }
        if (response == null) {
            ctx.status(HttpStatus.ACCEPTED);
            return;
        }
        ctx.status(response.getStatus());
        if (response.getBody() != null) {
            ctx.contentType("application/json").result(Serialization.toStringSilent(response.getBody()));
        }
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
