package io.boardclerk.graph;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Tries a Graph request again when Graph throttles it (429) or is unavailable (503, 504). It stands in the SDK's chain
 * where the SDK's own retry handler stood, with the same rule, but each wait goes through a {@link Sleeper}: the
 * server sleeps, a test records the waits asked for.
 *
 * <ul>
 *     <li>at most {@code maxRetries} tries after the first, each with Graph's {@code Retry-Attempt} header;</li>
 *     <li>a {@code Retry-After} in seconds is waited as asked, unless it is longer than {@code maxRetryAfter}, or is
 *     not a number of seconds: then Graph's answer ends the call, as throttled;</li>
 *     <li>without one, the wait doubles from {@code retryDelaySeconds} at each try, and up to half as much again is
 *     added at random, so that clients turned away together do not all come back together;</li>
 *     <li>a request whose body cannot be sent twice (a stream of unknown length) is not tried again.</li>
 * </ul>
 */
final class GraphRetry implements Interceptor {

    private final int maxRetries;
    private final Duration firstBackOff;
    private final Duration maxRetryAfter;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    GraphRetry(GraphSettings settings, Sleeper sleeper) {
        this(settings, sleeper, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random a number in [0, 1) for each back-off's random part */
    GraphRetry(GraphSettings settings, Sleeper sleeper, DoubleSupplier random) {
        this.maxRetries = settings.maxRetries();
        this.firstBackOff = Duration.ofSeconds(settings.retryDelaySeconds());
        this.maxRetryAfter = settings.maxRetryAfter();
        this.sleeper = sleeper;
        this.random = random;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        for (int retry = 1; retry <= maxRetries && retryable(response) && repeatable(request); retry++) {
            Optional<Duration> wait = wait(response, retry);
            if (wait.isEmpty() || chain.call().isCanceled()) {
                break;
            }
            response.close();
            try {
                sleeper.sleep(wait.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting to try Graph again");
            }
            request = request.newBuilder().header("Retry-Attempt", String.valueOf(retry)).build();
            response = chain.proceed(request);
        }
        return response;
    }

    static boolean retryable(Response response) {
        int status = response.code();
        return status == 429 || status == 503 || status == 504;
    }

    /** Whether the body can be sent again: none, or one of known length (the SDK's JSON and byte bodies). */
    private static boolean repeatable(Request request) {
        RequestBody body = request.body();
        if (body == null) {
            return true;
        }
        try {
            return body.contentLength() != -1;
        } catch (IOException e) {
            return false;
        }
    }

    /** How long to wait before try {@code retry}; empty when Graph asks for a wait we do not take. */
    Optional<Duration> wait(Response response, int retry) {
        String retryAfter = response.header("Retry-After");
        if (retryAfter != null) {
            try {
                Duration asked = Duration.ofSeconds(Long.parseLong(retryAfter.strip()));
                return asked.isNegative() || asked.compareTo(maxRetryAfter) > 0 ? Optional.empty()
                        : Optional.of(asked);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        long doubled = firstBackOff.toMillis() << Math.min(retry - 1, 10);
        return Optional.of(Duration.ofMillis(doubled + (long) (doubled * 0.5 * random.getAsDouble())));
    }
}
