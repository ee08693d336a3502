package io.boardclerk.bot.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * BoardClerk as a separate JVM ({@code io.boardclerk.bot.Main} in local mode, on the test classpath), reached over
 * HTTP on a free loopback port and through the given fake Bot Connector, its clock starting at a chosen instant
 * (BOARDCLERK_CLOCK_START) and its reminders swept every second. Its output goes to a log file. It can be stopped
 * gracefully (SIGTERM), killed ({@code kill -9}), frozen ({@code SIGSTOP}) and thawed ({@code SIGCONT}).
 */
public final class BotProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;
    public final BotClient client;

    private BotProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
        this.client = new BotClient(port);
    }

    /**
     * Starts one, without waiting for it to answer (see {@link #awaitHealthy}): several start side by side.
     *
     * @param extraEnv added to (or replacing) the local-mode settings, e.g. BOARDCLERK_DATABASE_URL
     */
    public static BotProcess start(String name, Path dir, FakeConnector connector, String clockStart,
                                   Map<String, String> extraEnv) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), "io.boardclerk.bot.Main");
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("BOARDCLERK_") || key.startsWith("Microsoft"));
        env.put("PORT", String.valueOf(port));
        env.put("BOARDCLERK_DB", dir.resolve(name + ".db").toString());
        env.put("BOARDCLERK_CLOCK_START", clockStart);
        env.put("BOARDCLERK_REMINDER_SWEEP_SECONDS", "1");
        env.put("BOARDCLERK_LOGIN_AUTHORITY", connector.authority());
        env.put("BOARDCLERK_GRAPH", "off");
        env.put("BOARDCLERK_GRAPH_BASE_URL", "http://127.0.0.1:9/v1.0");
        env.put("BOARDCLERK_SERVICE_URL_HOSTS", connector.hostEntry());
        env.putAll(extraEnv);
        Files.createDirectories(dir);
        Path log = dir.resolve(name + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return new BotProcess(name, builder.start(), log, port);
    }

    /** Waits until it answers {@code /healthz} with 200. */
    public BotProcess awaitHealthy(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " stopped while starting: " + log());
            }
            try {
                if (client.get("/healthz").statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError(name + " did not start in " + timeout + ": " + log());
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** {@code kill -9}: no shutdown hook, no graceful stop; open transactions are rolled back by the database. */
    public void kill() {
        process.destroyForcibly();
    }

    /** {@code SIGSTOP}: the process freezes where it is, connections open, until {@link #thaw}. */
    public void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** {@code SIGCONT}: the frozen process runs on; its clock has run on in real time meanwhile. */
    public void thaw() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String which) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", which, String.valueOf(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill " + which + " " + process.pid() + " failed");
        }
    }

    /** Waits for it to exit (after a kill, or by itself); false if it had not in time. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops it gracefully (SIGTERM), killing it if it has not stopped in 30 s. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Its log so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The lines of its log that contain {@code text}. */
    public List<String> logLines(String text) {
        return log().lines().filter(line -> line.contains(text)).toList();
    }

    /** Kills it if it still runs (thawing it first, so that nothing is left frozen). */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                thaw();
            } catch (IOException | RuntimeException | InterruptedException ignored) {
                // it is killed next regardless
            }
            process.destroyForcibly();
        }
    }
}
