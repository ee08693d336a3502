package io.boardclerk.graph;

import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The waits between tries of a Graph call; the tries themselves are tested through each feature's fake Graph. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GraphRetryTest {

    static GraphSettings settings(long retryDelaySeconds) {
        return new GraphSettings("app-id", "app-secret", null, null, "", "https://127.0.0.1:1",
                "http://127.0.0.1:9/v1.0", Duration.ofSeconds(20), 3, retryDelaySeconds, Duration.ofSeconds(10), 100,
                Duration.ofMinutes(5));
    }

    static Response answer(int status, String retryAfter) {
        Request request = new Request.Builder().url("http://127.0.0.1:9/v1.0/users").build();
        Response.Builder builder = new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(status)
                .message("status " + status);
        if (retryAfter != null) {
            builder.header("Retry-After", retryAfter);
        }
        return builder.build();
    }

    @Test
    void only_throttled_and_unavailable_answers_are_retried() {
        assertTrue(GraphRetry.retryable(answer(429, null)));
        assertTrue(GraphRetry.retryable(answer(503, null)));
        assertTrue(GraphRetry.retryable(answer(504, null)));
        assertFalse(GraphRetry.retryable(answer(500, null)));
        assertFalse(GraphRetry.retryable(answer(502, null)));
        assertFalse(GraphRetry.retryable(answer(403, null)));
    }

    @Test
    void retry_after_is_waited_as_asked_up_to_the_longest_allowed() {
        GraphRetry retry = new GraphRetry(settings(1), d -> { }, () -> 0.9);

        assertEquals(Optional.of(Duration.ZERO), retry.wait(answer(429, "0"), 1));
        assertEquals(Optional.of(Duration.ofSeconds(7)), retry.wait(answer(429, " 7 "), 3));
        assertEquals(Optional.of(Duration.ofSeconds(10)), retry.wait(answer(429, "10"), 1));
        assertEquals(Optional.empty(), retry.wait(answer(429, "11"), 1), "longer than maxRetryAfter: not waited");
        assertEquals(Optional.empty(), retry.wait(answer(429, "Wed, 21 Oct 2026 07:28:00 GMT"), 1),
                "not a number of seconds");
        assertEquals(Optional.empty(), retry.wait(answer(429, "-1"), 1));
    }

    @Test
    void without_retry_after_the_wait_doubles_with_up_to_half_again_at_random() {
        assertEquals(Optional.of(Duration.ofSeconds(1)), new GraphRetry(settings(1), d -> { }, () -> 0.0)
                .wait(answer(503, null), 1));
        assertEquals(Optional.of(Duration.ofSeconds(4)), new GraphRetry(settings(1), d -> { }, () -> 0.0)
                .wait(answer(503, null), 3));
        assertEquals(Optional.of(Duration.ofMillis(2_500)), new GraphRetry(settings(1), d -> { }, () -> 0.5)
                .wait(answer(504, null), 2), "2 s, and a random half of its half");
        assertEquals(Optional.of(Duration.ofMillis(5_980)), new GraphRetry(settings(2), d -> { }, () -> 0.99)
                .wait(answer(504, null), 2), "4 s, and just under half again");
        assertEquals(Optional.of(Duration.ZERO), new GraphRetry(settings(0), d -> { }, () -> 0.99)
                .wait(answer(503, null), 3), "no delay configured: none");
    }
}
