package io.boardclerk.bot;

import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import io.boardclerk.bot.documents.DownloadEndpoint;
import io.boardclerk.bot.documents.DownloadLinks;
import io.boardclerk.bot.jobs.PeriodicJob;
import io.boardclerk.bot.metrics.BotMetrics;
import io.boardclerk.bot.metrics.MetricsServer;
import io.boardclerk.bot.metrics.PrometheusMetrics;
import io.boardclerk.bot.panel.PanelAccess;
import io.boardclerk.bot.panel.PanelActionLogEndpoint;
import io.boardclerk.bot.panel.PanelPages;
import io.boardclerk.bot.panel.PanelRecordEndpoint;
import io.boardclerk.bot.panel.PanelRequests;
import io.boardclerk.bot.panel.PanelWordsEndpoint;
import io.boardclerk.bot.panel.SsoTokenValidator;
import io.boardclerk.bot.reminders.RateLimiter;
import io.boardclerk.bot.reminders.ReminderDispatcher;
import io.boardclerk.bot.reminders.RetryPolicy;
import io.boardclerk.bot.reminders.TenantPauses;
import io.boardclerk.core.clerk.Bookkeeping;
import io.boardclerk.core.clerk.Clerk;
import io.boardclerk.core.clerk.WeeklyPosts;
import io.boardclerk.core.export.Exporter;
import io.boardclerk.core.reminder.ReminderOutbox;
import io.boardclerk.core.reminder.Reminders;
import io.boardclerk.storage.QueueDepth;
import io.boardclerk.storage.Database;
import io.boardclerk.storage.Databases;
import io.boardclerk.storage.TenantPacing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * BoardClerk's composition root: the one class that builds the object graph from a {@link BotConfig}, starts it in
 * order (the database, the metrics, the HTTP server, then the jobs) and closes it in reverse. Every other class is
 * given what it needs; none starts a thread or sets a static when it is made. Tests start it on port 0.
 */
public final class BoardClerkServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BoardClerkServer.class);

    private final BotConfig config;
    private final Clock clock;
    private final TestHooks hooks;
    /** What {@link #start} opened and started, latest first: {@link #close} closes it in that order. */
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private DownloadLinks links;
    private HttpApi http;
    private MetricsServer metricsServer;
    private ReminderDispatcher reminders;
    private WeeklyPostScheduler weeklyPosts;
    private AttendanceSchedule attendance;
    private CalendarSchedule calendar;
    private volatile HealthEndpoint.Phase phase = HealthEndpoint.Phase.STARTING;

    public BoardClerkServer(BotConfig config, Clock clock) {
        this(config, clock, TestHooks.NONE);
    }

    /** The tests' entry point: the server with hooks only tests set (local mode only). */
    BoardClerkServer(BotConfig config, Clock clock, TestHooks hooks) {
        this.config = config;
        this.clock = clock;
        this.hooks = hooks.requireLocal(config);
    }

    /** Builds and starts everything; if a part fails, what had started is closed before the failure is thrown. */
    public synchronized BoardClerkServer start() {
        if (http != null) {
            return this;
        }
        try {
            startInOrder();
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        return this;
    }

    private void startInOrder() {
        // The HTTP client's TLS set-up (the JDK's trust store) is made on a thread of its own while the database opens.
        CompletableFuture<HttpClient> pendingClient = StartUp.inBackground("http-client",
                () -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        Database store = started(Databases.open(config.database()));
        PrometheusMetrics prometheus = config.observability().metrics() ? started(new PrometheusMetrics()) : null;
        BotMetrics metrics = prometheus == null ? BotMetrics.OFF : prometheus;
        for (QueueDepth queue : QueueDepth.values()) {
            metrics.queue(queue.name().toLowerCase(Locale.ROOT), () -> store.depth(queue));
        }
        links = DownloadLinks.forServer(config, clock, this::port,
                board -> store.read(ledger -> ledger.linksRevokedBefore(board)), store::sharedSecret);
        GraphPolicy graph = new GraphPolicy(config, metrics);
        HttpClient client = pendingClient.join();
        // The Bot Framework SDK keeps the inbound keys' address in a static; it is set here, once, for the process.
        ChannelValidation.setOpenIdMetaDataUrl(config.openIdMetadataUrl());
        BoardClerkAdapter adapter = new BoardClerkAdapter(config, client, clock);
        Connector connector = new Connector(adapter.credentials(), client, config.security().serviceUrlHosts());
        Clerk clerk = new Clerk(store, config.zone(), graph.directory()).attendanceFromTeams(config.graph())
                .calendarFromOutlook(config.graph()).reminderMail(config.reminderMail());
        Bookkeeping book = new Bookkeeping(store);
        ServiceUrls serviceUrls = new ServiceUrls(store, book, config.security().serviceUrlHosts());
        ChatAddresses chatAddresses = new ChatAddresses(store, book, clock);
        ReminderOutbox outbox = new Reminders(store, config.reminders().dailyCap());
        SenderStanding standing = new SenderStanding(store, book, config.security(), clock,
                new TeamsMeetingLocator(connector), new TeamOwnership(graph.teamOwners(), graph.off()));
        Exporter exporter = new Exporter(store);

        // What goes out: replies shown, then their effects; BoardClerk's own notices to a board's chat, shown only.
        ReplySender replies = new ReplySender(connector, links);
        String botId = BoardChat.botId(config);
        BoardChat notices = new BoardChat(replies, serviceUrls, botId);
        attendance = AttendanceSchedule.forServer(config, store, connector, notices, clock, metrics);
        calendar = CalendarSchedule.forServer(config, store, notices, clock, metrics);
        ActionLogPoster poster = new ActionLogPoster(store, graph.chatPoster(), graph.off(), chatAddresses, links,
                config.zone());
        SharePointUploader uploader = new SharePointUploader(store, book, graph.files(), graph.off(), exporter, links,
                clock, config.zone());
        Replies repliesAndEffects = new ReplyAndEffects(replies,
                new EffectRunner(poster, uploader, calendar.sync(), calendar.finder(), replies));
        weeklyPosts = new WeeklyPostScheduler(new WeeklyPosts(store), poster, notices, chatAddresses, clock);

        RosterService roster = new RosterService(clerk, connector, standing);
        BoardClerkBot bot = new BoardClerkBot(clerk, roster, clock, serviceUrls, chatAddresses,
                new PersonalChats(outbox, clock, config.security().serviceUrlHosts()), standing,
                new BoardNames(store, graph.conversationNames()), repliesAndEffects,
                new CardPresses(clerk, roster, connector, notices, clock, metrics,
                        new PressEffects(repliesAndEffects)), metrics);
        PanelAccess access = new PanelAccess(config.localMode(), config.ssoResource().isEmpty() ? Optional.empty()
                : Optional.of(new SsoTokenValidator(config.loginAuthority(), config.appTenantId(),
                config.ssoResource(), config.appId(), clock, client)));
        PanelRequests panel = new PanelRequests(access, Json.MAPPER);
        // What a person asks from the side panel is posted in the board's chat and done, as if said there.
        BoardChat panelChat = new BoardChat(repliesAndEffects, serviceUrls, botId);
        TurnPool turns = started(TurnPool.forServer());
        http = started(HttpApi.start(config, new HttpApi.Endpoints(
                new ActivityEndpoint(new InboundGate(config, new SimpleCredentialProvider(config.appId(),
                        config.appPassword())), adapter, bot, turns, metrics),
                new HealthEndpoint(store, () -> phase),
                new ExportEndpoint(config.localMode(), access, store, exporter),
                new DownloadEndpoint(links, exporter, clock, config.zone(), Json.MAPPER),
                new PanelPages(config.localMode(), hooks.panelHostOrigin()),
                new PanelRecordEndpoint(panel, store, clerk, clock, Json.MAPPER),
                new PanelWordsEndpoint(panel, store, clerk, panelChat, clock, Json.MAPPER),
                new PanelActionLogEndpoint(panel, store, clerk, panelChat, clock, Json.MAPPER, poster))));
        if (prometheus != null) {
            metricsServer = started(MetricsServer.start(config.observability().metricsHost(),
                    config.observability().metricsPort(), prometheus));
        }

        attendance.job().ifPresent(this::startJob);
        calendar.job().ifPresent(this::startJob);
        startJob(weeklyPosts.job());
        if (config.localMode()) {
            LOG.warn("LOCAL MODE: MicrosoftAppId is empty, so BoardClerk accepts activities WITHOUT authentication "
                    + "and listens on 127.0.0.1 only. Set MicrosoftAppId and MicrosoftAppPassword to serve Teams.");
        }
        LOG.info("BoardClerk listening on http://{}:{}/api/messages with database {}", config.host(), port(),
                store.describe());
        reminders = started(reminders(outbox, connector, botId, graph, metrics, store.tenantPacing()));
        reminders.start();
        LOG.info("Reminders are swept every {} s ({})", config.reminders().sweep().toSeconds(), config.reminders());
        phase = HealthEndpoint.Phase.SERVING;
    }

    /** The reminder sweep: personal cards through the connector, within Teams' rate limits, retried as configured. */
    private ReminderDispatcher reminders(ReminderOutbox outbox, Connector connector, String botId, GraphPolicy graph,
                                         BotMetrics metrics, Optional<TenantPacing> pacing) {
        ReminderSettings settings = config.reminders();
        // Where instances share the database, Teams' per-tenant rate and its 429 pauses are kept there, together.
        PersonalMessenger messenger = new PersonalMessenger(outbox, connector,
                new RateLimiter(settings.tenantRate(), RateLimiter.Time.SYSTEM,
                        pacing.<RateLimiter.SharedBucket>map(shared -> shared::take).orElse(null)),
                clock, botId, settings.sendTimeout());
        return new ReminderDispatcher(outbox, graph.reminders(messenger), new RetryPolicy(settings.maxTries(),
                ReminderSettings.FIRST_BACK_OFF, new SplittableRandom()), clock, settings.sweep(), metrics,
                pacing.map(BoardClerkServer::sharedPauses).orElseGet(TenantPauses::inMemory));
    }

    private static TenantPauses sharedPauses(TenantPacing pacing) {
        return new TenantPauses() {
            @Override
            public void pause(String tenantId, java.time.Instant until) {
                pacing.pause(tenantId, until);
            }

            @Override
            public Optional<java.time.Instant> pausedUntil(String tenantId, java.time.Instant now) {
                return pacing.pausedUntil(tenantId, now);
            }
        };
    }

    /** Keeps {@code part} to be closed, in reverse order, when the server is. */
    private <T extends AutoCloseable> T started(T part) {
        running.push(part);
        return part;
    }

    private void startJob(PeriodicJob job) {
        started(job).start();
    }

    public int port() {
        return http.port();
    }

    /** The port /metrics is served on; empty when metrics are off. */
    public OptionalInt metricsPort() {
        return metricsServer == null ? OptionalInt.empty() : OptionalInt.of(metricsServer.port());
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
        return reminders.awaitFirstSweep(Duration.ofSeconds(30));
    }

    /** The server's signed download links, for replies that offer a document. */
    public DownloadLinks downloadLinks() {
        return links;
    }

    /** The weekly posting of action-log summaries, for tests that run it by a controlled clock. */
    WeeklyPostScheduler weeklyPosts() {
        return weeklyPosts;
    }

    /** The attendance fetches' runner, when Graph is on. */
    AttendanceSchedule attendance() {
        return attendance;
    }

    /** The followed calendars' reader, when Graph is on. */
    CalendarSchedule calendar() {
        return calendar;
    }

    /** Closes what was started, latest first: the jobs, the servers, then the database. */
    @Override
    public synchronized void close() {
        phase = HealthEndpoint.Phase.STOPPING;
        while (!running.isEmpty()) {
            AutoCloseable part = running.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("Could not close {} cleanly: {}", part.getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
