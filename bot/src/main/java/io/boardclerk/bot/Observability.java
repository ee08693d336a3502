package io.boardclerk.bot;

import java.util.Locale;
import java.util.Map;

/**
 * How BoardClerk can be watched.
 *
 * @param metricsPort BOARDCLERK_METRICS_PORT: the port {@code GET /metrics} is served on, apart from the public
 *                    port; -1 (unset) serves no metrics and counts nothing; 0 picks a free port (the tests)
 * @param metricsHost BOARDCLERK_METRICS_HOST: the address that port is bound to, loopback unless set (0.0.0.0 for a
 *                    scraper in another container or pod)
 * @param jsonLogs    BOARDCLERK_LOG_FORMAT=json: one JSON object a line on standard error instead of text (read by
 *                    {@link io.boardclerk.bot.logging.LogSetup} when logging starts; checked here so a wrong value
 *                    stops start-up with a message)
 */
public record Observability(int metricsPort, String metricsHost, boolean jsonLogs) {

    public static final Observability OFF = new Observability(-1, "127.0.0.1", false);

    public boolean metrics() {
        return metricsPort >= 0;
    }

    static Observability from(Map<String, String> env, int publicPort) {
        return new Observability(metricsPort(env, publicPort), value(env, "BOARDCLERK_METRICS_HOST", "127.0.0.1"),
                jsonLogs(env));
    }

    private static int metricsPort(Map<String, String> env, int publicPort) {
        String raw = value(env, "BOARDCLERK_METRICS_PORT", "");
        if (raw.isEmpty()) {
            return -1;
        }
        int port;
        try {
            port = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new BotConfig.ConfigException("BOARDCLERK_METRICS_PORT must be a number from 0 to 65535, not \""
                    + raw + "\".");
        }
        if (port != 0 && port == publicPort) {
            throw new BotConfig.ConfigException("BOARDCLERK_METRICS_PORT must differ from PORT (" + publicPort
                    + "): /metrics is kept off the public port.");
        }
        return port;
    }

    private static boolean jsonLogs(Map<String, String> env) {
        String raw = value(env, "BOARDCLERK_LOG_FORMAT", "text").toLowerCase(Locale.ROOT);
        if (!raw.equals("text") && !raw.equals("json")) {
            throw new BotConfig.ConfigException("BOARDCLERK_LOG_FORMAT must be text or json, not \"" + raw + "\".");
        }
        return raw.equals("json");
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String raw = env.get(name);
        return raw == null || raw.isBlank() ? fallback : raw.strip();
    }

    @Override
    public String toString() {
        return "metrics=" + (metrics() ? metricsHost + ":" + metricsPort : "(off)") + ", logs="
                + (jsonLogs ? "json" : "text");
    }
}
