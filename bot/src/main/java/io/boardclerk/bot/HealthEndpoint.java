package io.boardclerk.bot;

import io.boardclerk.core.port.LedgerStore;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /healthz}: 200 while the database answers, 503 (degraded) when it does not. {@code GET /readyz}: whether
 * to send this instance traffic: once it has started, while its database answers, and not once it has begun to stop
 * (a load balancer then sends Teams' deliveries to the other instances while this one finishes the turns in hand).
 */
final class HealthEndpoint {

    /** Where the server is in its life. */
    enum Phase { STARTING, SERVING, STOPPING }

    private final LedgerStore store;
    private final Supplier<Phase> phase;

    HealthEndpoint(LedgerStore store, Supplier<Phase> phase) {
        this.store = store;
        this.phase = phase;
    }

    void handle(Context ctx) throws IOException {
        boolean database = store.isReachable();
        ctx.status(database ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).contentType("application/json")
                .result(Json.MAPPER.writeValueAsString(Map.of("status", database ? "ok" : "degraded",
                        "database", database ? "reachable" : "unreachable")));
    }

    void ready(Context ctx) throws IOException {
        String state = switch (phase.get()) {
            case STARTING -> "starting";
            case STOPPING -> "stopping";
            case SERVING -> store.isReachable() ? "ready" : "unready";
        };
        ctx.status(state.equals("ready") ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .contentType("application/json").result(Json.MAPPER.writeValueAsString(Map.of("status", state)));
    }
}
