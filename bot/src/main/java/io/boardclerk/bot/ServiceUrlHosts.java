package io.boardclerk.bot;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Bot Connector hosts the bot's token may be sent to ({@code BOARDCLERK_SERVICE_URL_HOSTS}): a service URL is
 * used only when its host is on this list. An entry is a host ({@code smba.trafficmanager.net}, https on port 443) or
 * a {@code host:port} (https on that port); a loopback {@code host:port} ({@code 127.0.0.1:3978}) also permits plain
 * http, for local testing. Nothing else is ever allowed plain http.
 */
public final class ServiceUrlHosts {

    /** Microsoft's Teams connector host for the public cloud (and GCC, which shares the public Bot Framework). */
    public static final List<String> PUBLIC_CLOUD = List.of("smba.trafficmanager.net");

    private record Entry(String host, int port) {
    }

    private final List<Entry> entries;

    private ServiceUrlHosts(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * Local mode's default: the loopback hosts on any port, over http or https. Local mode has no app password, so no
     * Bot Framework token exists to be sent anywhere, and it listens on loopback only; a local Teams stand-in (the
     * Agents Playground) then works on whatever port it picks.
     */
    static ServiceUrlHosts anyLoopback() {
        return new ServiceUrlHosts(List.of(new Entry("127.0.0.1", ANY_PORT), new Entry("localhost", ANY_PORT),
                new Entry("[::1]", ANY_PORT)));
    }

    /** An entry's port that matches any port: only in {@link #anyLoopback()}. */
    private static final int ANY_PORT = 0;

    /** The list as configured; an empty or absent value means {@link #PUBLIC_CLOUD}. */
    static ServiceUrlHosts parse(String raw) {
        List<String> items = raw == null || raw.isBlank() ? PUBLIC_CLOUD : List.of(raw.split(","));
        List<Entry> entries = new ArrayList<>();
        for (String item : items) {
            String entry = item.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            entries.add(entry(entry));
        }
        if (entries.isEmpty()) {
            throw new BotConfig.ConfigException("BOARDCLERK_SERVICE_URL_HOSTS names no host.");
        }
        return new ServiceUrlHosts(entries);
    }

    private static Entry entry(String entry) {
        String host = entry;
        int port = -1;
        int colon = entry.lastIndexOf(':');
        if (colon > 0 && !entry.endsWith("]")) {
            host = entry.substring(0, colon);
            try {
                port = Integer.parseInt(entry.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = 0;
            }
            if (port < 1 || port > 65535) {
                throw new BotConfig.ConfigException("BOARDCLERK_SERVICE_URL_HOSTS: \"" + entry + "\" has no valid port.");
            }
        }
        if (!host.matches("[a-z0-9.-]+|\\[::1]") || host.startsWith(".") || host.endsWith(".")) {
            throw new BotConfig.ConfigException("BOARDCLERK_SERVICE_URL_HOSTS must list host names or host:port "
                    + "(such as smba.trafficmanager.net or 127.0.0.1:3978), not \"" + entry + "\".");
        }
        if (loopback(host) && port == -1) {
            throw new BotConfig.ConfigException("BOARDCLERK_SERVICE_URL_HOSTS: the loopback entry \"" + entry
                    + "\" needs its port, such as 127.0.0.1:3978.");
        }
        return new Entry(host, port);
    }

    static boolean loopback(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host) || "::1".equals(host);
    }

    /** True when the bot may send its token to {@code serviceUrl}. */
    public boolean allows(String serviceUrl) {
        return problem(serviceUrl).isEmpty();
    }

    /** Why {@code serviceUrl} may not be used (a sentence), or empty when it may. */
    public Optional<String> problem(String serviceUrl) {
        if (serviceUrl == null || serviceUrl.isBlank()) {
            return Optional.of("there is no service URL");
        }
        URI uri;
        try {
            uri = new URI(serviceUrl.strip());
        } catch (URISyntaxException e) {
            return Optional.of("the service URL is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("the service URL is not a plain address");
        }
        int port = uri.getPort() == -1 ? ("https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1) : uri.getPort();
        for (Entry entry : entries) {
            if (!entry.host().equals(host)) {
                continue;
            }
            boolean portMatches = entry.port() == ANY_PORT || (entry.port() == -1 ? port == 443 : entry.port() == port);
            boolean schemeAllowed = "https".equals(scheme) || ("http".equals(scheme) && loopback(host));
            if (portMatches && schemeAllowed) {
                return Optional.empty();
            }
        }
        return Optional.of("its host is not on BOARDCLERK_SERVICE_URL_HOSTS");
    }

    @Override
    public String toString() {
        return String.join(",", entries.stream().map(e -> e.port() == -1 ? e.host() : e.host() + ":" + e.port())
                .toList());
    }
}
