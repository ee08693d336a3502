package io.boardclerk.bot;

import java.time.Clock;

/**
 * The tests' entry point to {@link BoardClerkServer}: what only tests set ({@link TestHooks}) is given here, never
 * read from the environment, and refused outside local mode.
 */
public final class TestServer {

    private final BotConfig config;
    private final Clock clock;
    private String panelHostOrigin = "";

    private TestServer(BotConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public static TestServer of(BotConfig config, Clock clock) {
        return new TestServer(config, clock);
    }

    /** A loopback origin whose page may frame the side panel and stand in for Teams (the browser tests). */
    public TestServer panelHostOrigin(String origin) {
        this.panelHostOrigin = origin;
        return this;
    }

    /** The server, built but not started. */
    public BoardClerkServer build() {
        return new BoardClerkServer(config, clock, new TestHooks(panelHostOrigin));
    }
}
