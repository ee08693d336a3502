package io.boardclerk.bot.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cold-start benchmark: how long from starting a JVM until {@code GET /healthz} answers 200, for the real
 * BoardClerk jar and, in the same run and alternating with it round by round, bare Javalin ({@link BareHealth})
 * from the same jar's libraries. BoardClerk is started on an existing database (a restart: the case that matters
 * when a service restarts), on an existing database without the AppCDS archive, and on a new database (a first
 * start, migrations included). Prints every time, the medians and the ratios to bare Javalin. Not a unit test: run
 * it with the command in docs/benchmarks.md. Arguments: the jar, the AppCDS archive (may be absent), the directory of the
 * test classes (for BareHealth), and the number of rounds.
 */
public final class ColdStart {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path archive = Path.of(args[1]).toAbsolutePath();
        Path testClasses = Path.of(args[2]).toAbsolutePath();
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        Path dir = Files.createTempDirectory("boardclerk-coldstart");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        boolean cds = Files.isReadable(archive);
        Path existing = dir.resolve("existing.db");
        // The database a restart finds: made (and migrated) by one start that is not measured.
        start(List.of(java, "-jar", jar.toString()), existing);

        Map<String, List<Long>> times = new LinkedHashMap<>();
        Map<String, List<String>> commands = new LinkedHashMap<>();
        List<String> withArchive = new ArrayList<>(List.of(java));
        if (cds) {
            withArchive.add("-XX:SharedArchiveFile=" + archive);
        }
        withArchive.addAll(List.of("-jar", jar.toString()));
        commands.put("bare Javalin", List.of(java, "-cp", testClasses + File.pathSeparator + jar,
                BareHealth.class.getName()));
        commands.put("BoardClerk restart" + (cds ? " (AppCDS)" : " (no AppCDS archive)"), withArchive);
        if (cds) {
            commands.put("BoardClerk restart, no AppCDS", List.of(java, "-jar", jar.toString()));
        }
        commands.put("BoardClerk first start" + (cds ? " (AppCDS)" : ""), withArchive);
        System.out.printf(Locale.ROOT, "Cold start to a 200 from /healthz: %d rounds, %d cores, AppCDS archive %s%n",
                rounds, Runtime.getRuntime().availableProcessors(), cds ? archive : "absent");

        List<String> names = new ArrayList<>(commands.keySet());
        for (int round = 0; round < rounds; round++) {
            // Alternate the order round by round, so each meets the same mix of whatever else the machine does.
            List<String> order = new ArrayList<>(names);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (String name : order) {
                Path db = name.contains("first start") ? dir.resolve("first-" + round + ".db") : existing;
                long millis = start(commands.get(name), db);
                times.computeIfAbsent(name, k -> new ArrayList<>()).add(millis);
            }
        }
        System.out.println();
        double bare = median(times.get("bare Javalin"));
        for (Map.Entry<String, List<Long>> e : times.entrySet()) {
            double median = median(e.getValue());
            System.out.printf(Locale.ROOT, "%-36s median %6.0f ms   x%.2f of bare   %s%n", e.getKey(), median,
                    median / bare, e.getValue());
        }
        System.out.println("goal: a restart within 1.5x bare Javalin");
    }

    /** Starts the command with a free PORT and the database, waits for a 200 from /healthz, stops it. */
    private static long start(List<String> command, Path database) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("BOARDCLERK_") || name.startsWith("Microsoft"));
        env.put("PORT", String.valueOf(port));
        env.put("BOARDCLERK_DB", database.toString());
        Path log = Files.createTempFile("coldstart", ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                .timeout(Duration.ofSeconds(5)).build();
        long begin = System.nanoTime();
        Process process = builder.start();
        try {
            while (System.nanoTime() - begin < LIMIT.toNanos()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("stopped: " + Files.readString(log));
                }
                try {
                    if (HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(5);
            }
            throw new IllegalStateException("no answer within " + LIMIT + ": " + Files.readString(log));
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            Files.deleteIfExists(log);
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
