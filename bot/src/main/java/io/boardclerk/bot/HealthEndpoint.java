package io.boardclerk.bot;

import io.boardclerk.core.port.LedgerStore;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.io.IOException;
import java.util.Map;

/** {@code GET /healthz}: 200 while the database answers, 503 (degraded) when it does not. */
final class HealthEndpoint {

    private final LedgerStore store;

    HealthEndpoint(LedgerStore store) {
        this.store = store;
    }

    void handle(Context ctx) throws IOException {
        boolean database = store.isReachable();
        ctx.status(database ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).contentType("application/json")
                .result(Json.MAPPER.writeValueAsString(Map.of("status", database ? "ok" : "degraded",
                        "database", database ? "reachable" : "unreachable")));
    }
}
