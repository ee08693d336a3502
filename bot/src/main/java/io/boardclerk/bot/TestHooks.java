package io.boardclerk.bot;

import java.util.regex.Pattern;

/**
 * What only tests set, kept out of {@link BotConfig} (nothing here is read from the environment): the tests reach it
 * through {@link BoardClerkServer}'s package-private constructor, in local mode only.
 *
 * @param panelHostOrigin a loopback origin ({@code http://127.0.0.1:<port>}) whose page may frame the side panel and
 *                        speak the Teams host protocol to it, as Teams does (the browser tests); empty for none
 */
record TestHooks(String panelHostOrigin) {

    /** No hooks: what production runs with. */
    static final TestHooks NONE = new TestHooks("");

    /** A loopback http origin: scheme, host and port, nothing else. */
    private static final Pattern LOOPBACK_ORIGIN =
            Pattern.compile("http://(127\\.0\\.0\\.1|localhost|\\[::1]):[0-9]{1,5}");

    TestHooks {
        if (!panelHostOrigin.isEmpty() && !LOOPBACK_ORIGIN.matcher(panelHostOrigin).matches()) {
            throw new IllegalArgumentException("the panel's test host must be a loopback origin such as "
                    + "http://127.0.0.1:8080 (no path), not \"" + panelHostOrigin + "\"");
        }
    }

    /** Refuses hooks outside local mode: a test page must never stand in for Teams in front of real users. */
    TestHooks requireLocal(BotConfig config) {
        if (!equals(NONE) && !config.localMode()) {
            throw new IllegalArgumentException("test hooks are allowed in local mode only (MicrosoftAppId is set)");
        }
        return this;
    }
}
