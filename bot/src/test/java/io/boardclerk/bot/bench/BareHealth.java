package io.boardclerk.bot.bench;

import io.javalin.Javalin;

/**
 * The cold-start benchmark's baseline: bare Javalin answering {@code GET /healthz} with a small JSON body, on the
 * port in PORT, loopback only. Run from the same jar's libraries as BoardClerk, so the difference is BoardClerk's
 * own start-up work.
 */
public final class BareHealth {

    private BareHealth() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "0"));
        Javalin.create(config -> {
            config.jetty.host = "127.0.0.1";
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.routes.get("/healthz", ctx -> ctx.contentType("application/json")
                    .result("{\"status\":\"ok\",\"database\":\"reachable\"}"));
        }).start();
    }
}
