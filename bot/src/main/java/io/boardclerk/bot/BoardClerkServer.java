package io.boardclerk.bot;

import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import io.boardclerk.bot.documents.DownloadEndpoint;
import io.boardclerk.bot.metrics.BotMetrics;
import io.boardclerk.bot.metrics.MetricsServer;
import io.boardclerk.bot.metrics.PrometheusMetrics;
import io.boardclerk.graph.GraphCalls;
import io.boardclerk.storage.QueueDepth;
import io.boardclerk.bot.documents.DownloadLinks;
import io.boardclerk.bot.panel.PanelAccess;
import io.boardclerk.bot.panel.PanelApi;
import io.boardclerk.bot.panel.PanelPages;
import io.boardclerk.bot.panel.PanelUser;
import io.boardclerk.bot.panel.SsoTokenValidator;
import io.boardclerk.core.clerk.Clerk;
import io.boardclerk.core.clerk.WeeklyPosts;
import io.boardclerk.core.export.Exporter;
import io.boardclerk.core.port.Directory;
import io.boardclerk.graph.GraphChatPoster;
import io.boardclerk.core.reminder.ReminderOutbox;
import io.boardclerk.core.reminder.Reminders;
import io.boardclerk.bot.reminders.RateLimiter;
import io.boardclerk.bot.reminders.ReminderDispatcher;
import io.boardclerk.bot.reminders.ReminderSender;
import io.boardclerk.bot.reminders.RetryPolicy;
import io.boardclerk.graph.GraphConversationNames;
import io.boardclerk.graph.GraphDirectory;
import io.boardclerk.graph.GraphFiles;
import io.boardclerk.graph.GraphMailer;
import io.boardclerk.graph.GraphSettings;
import io.boardclerk.storage.SqliteLedgerStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * BoardClerk's HTTP server: the Bot Framework endpoint, health, the export and signed downloads. Built from a {@link BotConfig}
 * and started on its port (0 picks a free one, as the tests do).
 */
public final class BoardClerkServer implements AutoCloseable {

    /** Teams' own limit is far below this; a larger body is refused before it is read. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(BoardClerkServer.class);

    private final BotConfig config;
    private final SqliteLedgerStore store;
    private final BoardClerkAdapter adapter;
    private final ActivityEndpoint activities;
    private final BoardClerkBot bot;
    private final Exporter exporter;
    private final DownloadLinks links;
    private final PanelAccess access;
    private final AttendanceSchedule attendance;
    private final CalendarSchedule calendar;
    private final WeeklyPostScheduler weeklyPosts;
    private final ReminderDispatcher reminders;
    private final Javalin app;
    /** Null when metrics are off (BOARDCLERK_METRICS_PORT unset). */
    private final PrometheusMetrics prometheus;
    private final BotMetrics metrics;
    private MetricsServer metricsServer;

    public BoardClerkServer(BotConfig config, Clock clock) {
        this.config = config;
        this.prometheus = config.observability().metrics() ? new PrometheusMetrics() : null;
        this.metrics = prometheus == null ? BotMetrics.OFF : prometheus;
        // The HTTP client's TLS set-up (the JDK's trust store) is made on a thread of its own while the database opens.
        CompletableFuture<HttpClient> httpClient = StartUp.inBackground("http-client",
                () -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        this.store = SqliteLedgerStore.open(config.database());
        try {
            this.links = DownloadLinks.forServer(config, clock, this::port,
                    board -> store.read(ledger -> ledger.linksRevokedBefore(board)));
        } catch (DownloadLinks.KeyUnavailable e) {
            store.close();
            throw e;
        }
        HttpClient http = httpClient.join();
        this.adapter = new BoardClerkAdapter(config, http, clock);
        Clerk clerk = new Clerk(store, config.zone(), directory(config, metrics)).attendanceFromTeams(config.graph())
                .calendarFromOutlook(config.graph()).reminderMail(config.reminderMail());
        Connector connector = new Connector(adapter.credentials(), http, config.security().serviceUrlHosts());
        ServiceUrls serviceUrls = new ServiceUrls(store, config.security().serviceUrlHosts());
        ChatAddresses chatAddresses = new ChatAddresses(store, clock);
        ReminderOutbox outbox = new Reminders(store, config.reminders().dailyCap());
        SenderStanding standing = new SenderStanding(store, config.security(), clock,
                new TeamsMeetingLocator(connector));
        this.bot = new BoardClerkBot(clerk, new RosterService(clerk, connector, standing), connector, clock, links,
                serviceUrls, chatAddresses, new PersonalChats(outbox, clock, config.security().serviceUrlHosts()),
                standing);
        ActionLogPoster poster = new ActionLogPoster(store, config.graph()
                ? new GraphChatPoster(graphSettings(config, metrics)) : null, graphOff(config), chatAddresses, links,
                config.zone());
        bot.postWith(poster);
        bot.nameWith(new BoardNames(store, config.graph()
                ? new GraphConversationNames(graphSettings(config, metrics)) : null));
        BoardChat boardChat = new BoardChat(bot, serviceUrls, config);
        bot.announceInBoards(boardChat);
        this.weeklyPosts = new WeeklyPostScheduler(new WeeklyPosts(store), poster, boardChat, chatAddresses, clock);
        this.reminders = reminders(config, outbox, connector, clock, metrics);
        this.exporter = new Exporter(store);
        bot.uploadWith(new SharePointUploader(store, config.graph() ? new GraphFiles(graphSettings(config, metrics))
                : null, graphOff(config), exporter, links, clock, config.zone()));
        DownloadEndpoint downloads = new DownloadEndpoint(links, exporter, clock, config.zone(), Json.MAPPER);
        this.access = new PanelAccess(config.localMode(), config.ssoResource().isEmpty() ? Optional.empty()
                : Optional.of(new SsoTokenValidator(config.loginAuthority(), config.appTenantId(),
                config.ssoResource(), config.appId(), clock, http)));
        this.attendance = AttendanceSchedule.forServer(config, store, connector, boardChat, clock, metrics);
        this.calendar = CalendarSchedule.forServer(config, store, boardChat, clock, metrics);
        bot.countWith(metrics);
        for (QueueDepth queue : QueueDepth.values()) {
            metrics.queue(queue.name().toLowerCase(java.util.Locale.ROOT), () -> store.depth(queue));
        }
        bot.syncWith(calendar.sync());
        PanelApi panelApi = new PanelApi(access, store, clerk, boardChat, clock, Json.MAPPER, poster);
        PanelPages pages = new PanelPages(config.localMode(), config.panelTestHostOrigin());
        this.activities = new ActivityEndpoint(new InboundGate(config, new SimpleCredentialProvider(config.appId(),
                config.appPassword())), adapter, bot, TurnPool.forServer(), metrics);
        this.app = Javalin.create(javalin -> {
            javalin.jetty.host = config.host();
            javalin.jetty.port = config.port();
            javalin.http.maxRequestSize = MAX_BODY_BYTES;
            javalin.startup.showJavalinBanner = false;
            javalin.routes.before(this::localHostOnly);
            javalin.routes.post("/api/messages", activities::handle);
            javalin.routes.get("/healthz", this::health);
            javalin.routes.get("/api/boards/{id}/export", this::export);
            javalin.routes.get(DownloadLinks.PATH + "{token}", downloads::handle);
            javalin.routes.get("/panel", pages::panel);
            javalin.routes.get("/panel/config", pages::config);
            javalin.routes.get("/panel/assets/{name}", pages::asset);
            javalin.routes.get("/api/panel/record", panelApi::record);
            javalin.routes.post("/api/panel/apologies", panelApi::apologies);
            javalin.routes.post("/api/panel/declarations", panelApi::declare);
            javalin.routes.post("/api/panel/updates", panelApi::update);
            javalin.routes.post("/api/panel/say", panelApi::say);
            javalin.routes.post("/api/panel/post-action-log", panelApi::postActionLog);
            javalin.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Unhandled error on {} {}", LogText.of(ctx.method()), loggable(ctx.path()), e);
                error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on BoardClerk's side; the request did not complete.");
            });
        });
    }

    /** The reminder sweep: personal cards through the connector, within Teams' rate limits, retried as configured. */
    private static ReminderDispatcher reminders(BotConfig config, ReminderOutbox outbox, Connector connector,
                                                Clock clock, BotMetrics metrics) {
        ReminderSettings settings = config.reminders();
        PersonalMessenger messenger = new PersonalMessenger(outbox, connector,
                new RateLimiter(settings.tenantRate(), RateLimiter.Time.SYSTEM), clock, BoardChat.botId(config),
                settings.sendTimeout());
        ReminderSender sender = messenger;
        if (config.reminderMail()) {
            LOG.info("Reminders Teams cannot deliver are e-mailed as {} through Microsoft Graph (needs the application "
                    + "permission {}, limited to that mailbox by an application access policy)", settings.mailFrom(),
                    GraphMailer.PERMISSION);
            sender = new MailFallback(messenger, new GraphMailer(graphSettings(config, metrics), settings.mailFrom()));
        } else if (!settings.mailFrom().isEmpty()) {
            LOG.info("BOARDCLERK_MAIL_FROM is set but Microsoft Graph is off, so reminders are not e-mailed");
        }
        return new ReminderDispatcher(outbox, sender, new RetryPolicy(settings.maxTries(),
                ReminderSettings.FIRST_BACK_OFF, new SplittableRandom()), clock, settings.sweep(), metrics);
    }

    /** The organisation's directory through Microsoft Graph, or none (said plainly) when Graph is off. */
    static Directory directory(BotConfig config, GraphCalls calls) {
        if (!config.graph()) {
            LOG.info("Microsoft Graph is off{}: owners are matched against the Teams roster only, and action-log "
                    + "summaries are posted by the bot itself. Set MicrosoftAppId and MicrosoftAppPassword (or "
                    + "BOARDCLERK_GRAPH_CERTIFICATE), an https BOARDCLERK_LOGIN_AUTHORITY, and leave BOARDCLERK_GRAPH "
                    + "unset or on; grant the app the Graph application permission {} to look owners up in the "
                    + "organisation's directory.", config.localMode() ? " (local mode)"
                    : " (BOARDCLERK_GRAPH=off, or BOARDCLERK_LOGIN_AUTHORITY is not https)", GraphDirectory.PERMISSION);
            return Directory.OFF;
        }
        GraphSettings settings = graphSettings(config, calls);
        LOG.info("Microsoft Graph is on for directory lookups of owners (needs the application permission {}): {}",
                GraphDirectory.PERMISSION, settings);
        return new GraphDirectory(settings);
    }

    /** Graph's settings from the configuration, each request told to {@code calls} (the metrics). */
    static GraphSettings graphSettings(BotConfig config, GraphCalls calls) {
        return GraphSettings.of(config.appId(), config.appPassword(), config.graphCertificate(),
                config.graphCertificatePassword(), config.appTenantId(), config.loginAuthority(),
                config.graphBaseUrl()).countedBy(calls);
    }

    /** Why Graph is off, and what turning it on takes, for the line that says so in chat. */
    static String graphOff(BotConfig config) {
        if (config.localMode()) {
            return "local mode: run BoardClerk with MicrosoftAppId and MicrosoftAppPassword to use it";
        }
        return config.loginAuthority().startsWith("https://") ? "BOARDCLERK_GRAPH=off: unset it to use Graph"
                : "BOARDCLERK_LOGIN_AUTHORITY is not https, which Graph sign-in needs";
    }

    /** The weekly posting of action-log summaries, for tests that run it by a controlled clock. */
    WeeklyPostScheduler weeklyPosts() {
        return weeklyPosts;
    }

    public BoardClerkServer start() {
        app.start();
        if (prometheus != null) {
            metricsServer = MetricsServer.start(config.observability().metricsHost(),
                    config.observability().metricsPort(), prometheus);
        }
        attendance.start();
        calendar.start();
        weeklyPosts.start();
        if (config.localMode()) {
            LOG.warn("LOCAL MODE: MicrosoftAppId is empty, so BoardClerk accepts activities WITHOUT authentication "
                    + "and listens on 127.0.0.1 only. Set MicrosoftAppId and MicrosoftAppPassword to serve Teams.");
        }
        LOG.info("BoardClerk listening on http://{}:{}/api/messages with database {}", config.host(), port(),
                config.database());
        reminders.start();
        LOG.info("Reminders are swept every {} s ({})", config.reminders().sweep().toSeconds(), config.reminders());
        return this;
    }

    public int port() {
        return app.port();
    }

    /** The port /metrics is served on; empty when metrics are off. */
    public java.util.OptionalInt metricsPort() {
        return metricsServer == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(metricsServer.port());
    }

    /**
     * Runs one reminder sweep now, on the caller's thread (the server's own thread sweeps on its interval; the two
     * never overlap). For tests that move the clock.
     *
     * @return how many deliveries it handled
     */
    public int sweepReminders() throws InterruptedException {
        return reminders.sweep();
    }

    /** Waits (up to 30 s) until the reminder sweep made at start-up is over; false if it was not. For tests. */
    public boolean awaitStartUpSweep() throws InterruptedException {
        return reminders.awaitFirstSweep(java.time.Duration.ofSeconds(30));
    }

    /** The server's signed download links, for replies that offer a document. */
    public DownloadLinks downloadLinks() {
        return links;
    }

    /** A path as the log may show it: a download token is a bearer credential, so it never reaches the log. */
    static String loggable(String path) {
        return path != null && path.startsWith(DownloadLinks.PATH) ? DownloadLinks.PATH + "(token)" : LogText.of(path);
    }

    /** The attendance fetches' runner, when Graph is on. */
    AttendanceSchedule attendance() {
        return attendance;
    }

    /** The followed calendars' reader, when Graph is on. */
    CalendarSchedule calendar() {
        return calendar;
    }

    @Override
    public void close() {
        reminders.close();
        attendance.close();
        calendar.close();
        weeklyPosts.close();
        app.stop();
        activities.close();
        if (metricsServer != null) {
            metricsServer.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
        store.close();
    }

    /**
     * In local mode (no authentication) the request's Host header must name this server on loopback, with its port:
     * another name means a page elsewhere reached it through DNS rebinding, and is answered 421.
     */
    private void localHostOnly(Context ctx) {
        if (!config.localMode()) {
            return;
        }
        String host = ctx.header("Host");
        String port = ":" + port();
        boolean ours = host != null && (host.equals("127.0.0.1" + port) || host.equals("localhost" + port)
                || host.equals("[::1]" + port));
        if (!ours) {
            LOG.info("Refused a request for host {} in local mode", LogText.of(host));
            error(ctx, HttpStatus.MISDIRECTED_REQUEST, "In local mode BoardClerk answers only requests addressed to "
                    + "127.0.0.1, localhost or [::1] with its port.");
            ctx.skipRemainingHandlers();
        }
    }

    private void health(Context ctx) throws IOException {
        boolean database = store.isReachable();
        ctx.status(database ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).contentType("application/json")
                .result(Json.MAPPER.writeValueAsString(Map.of("status", database ? "ok" : "degraded",
                        "database", database ? "reachable" : "unreachable")));
    }

    private void export(Context ctx) throws IOException {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            error(ctx, HttpStatus.BAD_REQUEST, "A board id is a number.");
            return;
        }
        if (!config.localMode()) {
            PanelUser user;
            try {
                user = access.user(ctx);
            } catch (PanelAccess.Denied e) {
                error(ctx, HttpStatus.forStatus(e.status()), e.getMessage());
                return;
            }
            Optional<PanelAccess.Seat> seat = store.read(ledger -> ledger.board(id)
                    .flatMap(b -> PanelAccess.seat(ledger, user, b)));
            if (seat.isEmpty()) {
                error(ctx, HttpStatus.NOT_FOUND, "There is no board " + id + " that you sit on.");
                return;
            }
            // The whole record, every recording's source included, is the officers' (as `export json` in chat).
            if (!seat.get().board().isOfficer(seat.get().person().id())) {
                error(ctx, HttpStatus.FORBIDDEN, "Only the chair or secretary can export the board's whole record.");
                return;
            }
        }
        var document = exporter.board(id);
        if (document.isEmpty()) {
            error(ctx, HttpStatus.NOT_FOUND, "There is no board " + id + ".");
            return;
        }
        ctx.contentType("application/json").result(Json.MAPPER.writeValueAsString(document.get()));
    }

    static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).contentType("application/json").result(Json.MAPPER.createObjectNode()
                .put("error", message).toString());
    }
}
