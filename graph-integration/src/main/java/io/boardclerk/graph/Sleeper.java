package io.boardclerk.graph;

import java.time.Duration;

/**
 * Waits between tries and between paced messages. The server sleeps for real ({@link #REAL}); a test's sleeper records
 * the waits asked for instead of waiting them.
 */
@FunctionalInterface
interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
