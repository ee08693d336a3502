package io.boardclerk.bot;

import io.boardclerk.bot.documents.DownloadEndpoint;
import io.boardclerk.bot.documents.DownloadLinks;
import io.boardclerk.bot.panel.PanelActionLogEndpoint;
import io.boardclerk.bot.panel.PanelPages;
import io.boardclerk.bot.panel.PanelRecordEndpoint;
import io.boardclerk.bot.panel.PanelWordsEndpoint;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MisdirectedRequestResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BoardClerk's HTTP surface, configured in one place: every route and the class that serves it, the local-mode host
 * check, and errors answered one way. An endpoint refuses by throwing one of Javalin's typed
 * {@link HttpResponseException}s ({@code BadRequestResponse}, {@code NotFoundResponse}, ...); each is answered here
 * with its status and {@code {"error": message}}, and anything else unexpected with a 500 that names no detail.
 */
final class HttpApi implements AutoCloseable {

    /** Teams' own limit is far below this; a larger body is refused before it is read. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    /** What serves each route. */
    record Endpoints(ActivityEndpoint activities, HealthEndpoint health, ExportEndpoint export,
                     DownloadEndpoint downloads, PanelPages pages, PanelRecordEndpoint panelRecord,
                     PanelWordsEndpoint panelWords, PanelActionLogEndpoint panelActionLog) {
    }

    private final Javalin app;

    private HttpApi(Javalin app) {
        this.app = app;
    }

    /** Builds the server and starts it on {@code config}'s host and port (0 picks a free one, as the tests do). */
    static HttpApi start(BotConfig config, Endpoints endpoints) {
        LocalHostOnly localHostOnly = new LocalHostOnly(config.localMode());
        Javalin app = Javalin.create(javalin -> {
            javalin.jetty.host = config.host();
            javalin.jetty.port = config.port();
            javalin.http.maxRequestSize = MAX_BODY_BYTES;
            javalin.startup.showJavalinBanner = false;
            javalin.routes.before(localHostOnly::check);
            javalin.routes.post("/api/messages", endpoints.activities()::handle);
            javalin.routes.get("/healthz", endpoints.health()::handle);
            javalin.routes.get("/readyz", endpoints.health()::ready);
            javalin.routes.get("/api/boards/{id}/export", endpoints.export()::handle);
            javalin.routes.get(DownloadLinks.PATH + "{token}", endpoints.downloads()::handle);
            javalin.routes.get("/panel", endpoints.pages()::panel);
            javalin.routes.get("/panel/config", endpoints.pages()::config);
            javalin.routes.get("/panel/assets/{name}", endpoints.pages()::asset);
            javalin.routes.get("/api/panel/record", endpoints.panelRecord()::handle);
            javalin.routes.post("/api/panel/apologies", endpoints.panelWords()::apologies);
            javalin.routes.post("/api/panel/declarations", endpoints.panelWords()::declare);
            javalin.routes.post("/api/panel/updates", endpoints.panelWords()::update);
            javalin.routes.post("/api/panel/say", endpoints.panelWords()::say);
            javalin.routes.post("/api/panel/post-action-log", endpoints.panelActionLog()::handle);
            javalin.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
                    e.getMessage()));
            javalin.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Unhandled error on {} {}", LogText.of(ctx.method()), loggable(ctx.path()), e);
                error(ctx, HttpStatus.INTERNAL_SERVER_ERROR.getCode(), "Something went wrong on BoardClerk's side; "
                        + "the request did not complete.");
            });
        });
        app.start();
        return new HttpApi(app);
    }

    int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    /** A path as the log may show it: a download token is a bearer credential, so it never reaches the log. */
    static String loggable(String path) {
        return path != null && path.startsWith(DownloadLinks.PATH) ? DownloadLinks.PATH + "(token)" : LogText.of(path);
    }

    static void error(Context ctx, int status, String message) {
        ctx.status(status).contentType("application/json").result(Json.MAPPER.createObjectNode()
                .put("error", message).toString());
    }

    /**
     * In local mode (no authentication) the request's Host header must name this server on loopback, with its port
     * (the one the request came in on): another name means a page elsewhere reached it through DNS rebinding, and is
     * answered 421.
     */
    private record LocalHostOnly(boolean localMode) {
        void check(Context ctx) {
            if (!localMode) {
                return;
            }
            String host = ctx.header("Host");
            String port = ":" + ctx.req().getLocalPort();
            boolean ours = host != null && (host.equals("127.0.0.1" + port) || host.equals("localhost" + port)
                    || host.equals("[::1]" + port));
            if (!ours) {
                LOG.info("Refused a request for host {} in local mode", LogText.of(host));
                throw new MisdirectedRequestResponse("In local mode BoardClerk answers only requests addressed to "
                        + "127.0.0.1, localhost or [::1] with its port.");
            }
        }
    }
}
