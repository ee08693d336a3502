package io.boardclerk.bot;

import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.storage.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code /readyz} says whether to send this instance traffic; {@code /healthz} whether it is alive and well. */
class ReadinessTest {

    @TempDir
    Path dir;

    @Test
    void aStartedInstanceIsReady() throws Exception {
        try (RunningBot bot = RunningBot.local(dir)) {
            HttpResponse<String> ready = bot.client.get("/readyz");
            assertEquals(200, ready.statusCode());
            assertEquals("{\"status\":\"ready\"}", ready.body());
        }
    }

    @Test
    void anInstanceWhoseDatabaseIsGoneIsNotReadyAndSaysWhy() throws Exception {
        String url = TestDatabase.freshPostgres("boardclerk_readiness");
        try (RunningBot bot = RunningBot.start(dir, Map.of("BOARDCLERK_DATABASE_URL", url))) {
            assertEquals(200, bot.client.get("/readyz").statusCode());

            try (Connection admin = DriverManager.getConnection(TestDatabase.withDatabase(url, "postgres"));
                 Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE boardclerk_readiness WITH (FORCE)");
            }

            HttpResponse<String> ready = bot.client.get("/readyz");
            assertEquals(503, ready.statusCode());
            assertEquals("{\"status\":\"unready\"}", ready.body());
            assertEquals(503, bot.client.get("/healthz").statusCode());
        }
    }
}
