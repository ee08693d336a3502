package io.boardclerk.bot;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code java -jar boardclerk.jar check}: starts BoardClerk in local mode on a free loopback port over a new
 * database in a temporary directory (so every migration runs), asks its {@code /healthz}, stops it and deletes the
 * directory. Exit 0 when it answered healthy. The build runs it once to record the AppCDS archive (the classes a
 * start loads); it also tells an operator that the jar starts on this machine.
 */
final class StartCheck {

    private StartCheck() {
    }

    static int run(PrintStream out, PrintStream err) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("boardclerk-check");
            BotConfig config = BotConfig.from(Map.of("PORT", "0", "BOARDCLERK_DB",
                    dir.resolve("check.db").toString()));
            try (BoardClerkServer server = new BoardClerkServer(config, Clock.systemUTC()).start()) {
                HttpResponse<String> health = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                        .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/healthz"))
                                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() != 200) {
                    err.println("BoardClerk started but /healthz answered " + health.statusCode() + ": "
                            + health.body());
                    return 1;
                }
                out.println("BoardClerk started, migrated a new database and answered /healthz: " + health.body());
                return 0;
            }
        } catch (IOException | RuntimeException e) {
            err.println("BoardClerk could not start: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the system clears it in time
        }
    }
}
