package io.boardclerk.bot.support;

import io.boardclerk.bot.BoardClerkServer;
import io.boardclerk.bot.BotConfig;
import io.boardclerk.bot.TestServer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The real server on a free port over a temp-file SQLite database, with its fake connector beside it. */
public final class RunningBot implements AutoCloseable {

    /** In the map given to {@link #start}: the side panel's test host origin, handed to {@link TestServer}. */
    public static final String PANEL_TEST_HOST = "BOARDCLERK_PANEL_TEST_HOST_ORIGIN";

    public final FakeConnector connector;
    public final TestClock clock;
    public final Path database;
    private final Map<String, String> env;
    private final boolean ownsConnector;
    private BoardClerkServer server;
    public BotClient client;
    private boolean closed;

    private RunningBot(FakeConnector connector, boolean ownsConnector, Path database, Map<String, String> env,
                       TestClock clock) {
        this.connector = connector;
        this.ownsConnector = ownsConnector;
        this.database = database;
        this.env = env;
        this.clock = clock;
    }

    /** Local mode: no app id, no authentication. */
    public static RunningBot local(Path dir) throws Exception {
        return start(dir, Map.of());
    }

    public static RunningBot start(Path dir, Map<String, String> extraEnv) throws Exception {
        return start(dir, extraEnv, new FakeConnector(), true);
    }

    /**
     * As {@link #start(Path, Map)}, replying through {@code connector}, which the caller keeps (and closes) after this
     * server: for a test whose later runs, in other processes, must reach the same connector.
     */
    public static RunningBot start(Path dir, Map<String, String> extraEnv, FakeConnector connector) throws Exception {
        return start(dir, extraEnv, connector, false);
    }

    private static RunningBot start(Path dir, Map<String, String> extraEnv, FakeConnector connector,
                                    boolean ownsConnector) throws Exception {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("PORT", "0");
        env.put("BOARDCLERK_DB", dir.resolve("boardclerk.db").toString());
        env.putIfAbsent("BOARDCLERK_LOGIN_AUTHORITY", connector.authority());
        // Graph is on only in the tests that bring a fake Graph; and never pointed at Microsoft's.
        env.putIfAbsent("BOARDCLERK_GRAPH", "off");
        env.putIfAbsent("BOARDCLERK_GRAPH_BASE_URL", "http://127.0.0.1:9/v1.0");
        // The fake connector is on loopback over plain http: only a loopback host:port entry lets the token go there.
        env.putIfAbsent("BOARDCLERK_SERVICE_URL_HOSTS", connector.hostEntry());
        // The tests' secretary appoints each board's first officers, as an administrator of the deployment would;
        // RolesTest and OfficerAppointmentTest set who may instead.
        env.putIfAbsent("BOARDCLERK_ADMINS", People.SECRETARY.aadObjectId());
        RunningBot bot = new RunningBot(connector, ownsConnector, dir.resolve("boardclerk.db"), env,
                new TestClock(Instant.parse("2026-11-23T10:00:00Z")));
        bot.startServer();
        return bot;
    }

    private void startServer() {
        // The panel's test host is a test hook, not a setting: taken out of the environment and given to the server
        // through its test-only entry point.
        Map<String, String> settings = new HashMap<>(env);
        String panelHost = settings.remove(PANEL_TEST_HOST);
        server = TestServer.of(BotConfig.from(settings), clock).panelHostOrigin(panelHost == null ? "" : panelHost)
                .build().start();
        client = new BotClient(server.port());
        // The sweep made at start-up must be over before a test moves the clock, or it may send what the test's
        // own sweep is meant to.
        try {
            if (!server.awaitStartUpSweep()) {
                throw new IllegalStateException("the reminder sweep at start-up did not end within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server and starts a new one on the same database, as a restart would. */
    public void restart() {
        server.close();
        startServer();
    }

    public int port() {
        return server.port();
    }

    /** The running server itself, for what tests reach past HTTP (its download links). */
    public BoardClerkServer server() {
        return server;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.close();
            if (ownsConnector) {
                connector.close();
            }
        }
    }
}
