package io.boardclerk.storage.corpus;

import io.boardclerk.core.parse.CommandParser;
import io.boardclerk.core.parse.ParseContext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Times the parser alone on every corpus message: a few warm-up rounds, then {@link #ROUNDS} measured rounds, each
 * message timed on its own. Reported, never asserted (timed assertions in unit tests are flaky on a shared machine).
 */
final class ParseTiming {

    static final int WARM_UP_ROUNDS = 5;
    static final int ROUNDS = 20;

    record Result(double medianMicros, double p99Micros, int samples) {
        String line() {
            return String.format(java.util.Locale.ROOT, "parse: median %.1f µs, p99 %.1f µs per message",
                    medianMicros, p99Micros);
        }
    }

    private ParseTiming() {
    }

    /** The parser's entry point: what a message costs to read, outside any transaction. */
    static Object parse(String message, ParseContext context) {
        return CommandParser.parse(message, context);
    }

    static Result measure(List<String> messages, ParseContext context) {
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (String message : messages) {
                parseQuietly(message, context);
            }
        }
        List<Long> nanos = new ArrayList<>(messages.size() * ROUNDS);
        Object sink = null;
        for (int round = 0; round < ROUNDS; round++) {
            for (String message : messages) {
                long start = System.nanoTime();
                sink = parseQuietly(message, context);
                nanos.add(System.nanoTime() - start);
            }
        }
        if (sink == ParseTiming.class) {
            throw new AssertionError("unreachable: keeps the parse results alive");
        }
        Collections.sort(nanos);
        return new Result(nanos.get(nanos.size() / 2) / 1000.0,
                nanos.get(Math.min(nanos.size() - 1, (int) Math.ceil(nanos.size() * 0.99) - 1)) / 1000.0,
                nanos.size());
    }

    private static Object parseQuietly(String message, ParseContext context) {
        try {
            return parse(message, context);
        } catch (RuntimeException e) {
            return e;
        }
    }
}
