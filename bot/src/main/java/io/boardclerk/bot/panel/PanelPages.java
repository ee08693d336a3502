package io.boardclerk.bot.panel;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The side panel's pages and their assets, from the jar ({@code /panel/...} on the classpath; the build bundles
 * {@code @microsoft/teams-js} into the scripts with esbuild, so nothing is fetched from a CDN). Pages carry a content
 * security policy: scripts, styles and API calls from this server only, and framing by Teams' own hosts only (and, in
 * local mode for the browser tests, by the one loopback origin BOARDCLERK_PANEL_TEST_HOST_ORIGIN names, which the
 * panel's teams-js is then told to accept messages from).
 */
public final class PanelPages {

    /** Where Teams (web, desktop, Outlook and the Microsoft 365 app) frames a tab from. */
    static final String TEAMS_ANCESTORS = "https://teams.microsoft.com https://*.teams.microsoft.com "
            + "https://teams.cloud.microsoft https://*.cloud.microsoft https://*.office.com https://outlook.office.com "
            + "https://*.skype.com https://teams.microsoft.us https://gov.teams.microsoft.us https://dod.teams.microsoft.us";

    private static final Map<String, String> ASSETS = Map.of(
            "panel.js", "text/javascript; charset=utf-8",
            "config.js", "text/javascript; charset=utf-8",
            "panel.css", "text/css; charset=utf-8");

    private final String panel;
    private final String config;
    private final String testHostOrigin;

    /**
     * @param localMode      whether the API takes the user from the Teams context instead of a sign-in token
     * @param testHostOrigin the loopback origin of a test page that stands in for Teams, or empty (it is set in local
     *                       mode only; see BotConfig)
     */
    public PanelPages(boolean localMode, String testHostOrigin) {
        this.testHostOrigin = testHostOrigin;
        this.panel = read("panel.html").replace("{{auth}}", localMode ? "local" : "sso")
                .replace("{{testHostOrigin}}", testHostOrigin);
        this.config = read("config.html");
    }

    public void panel(Context ctx) {
        page(ctx, panel);
    }

    public void config(Context ctx) {
        page(ctx, config);
    }

    public void asset(Context ctx) {
        String name = ctx.pathParam("name");
        String type = ASSETS.get(name);
        if (type == null) {
            ctx.status(404).result("Not found");
            return;
        }
        ctx.header("Cache-Control", "no-cache").header("X-Content-Type-Options", "nosniff").contentType(type)
                .result(read(name));
    }

    private void page(Context ctx, String html) {
        ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                        + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                        + "frame-ancestors 'self' " + TEAMS_ANCESTORS
                        + (testHostOrigin.isEmpty() ? "" : " " + testHostOrigin))
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-cache")
                .header("Referrer-Policy", "no-referrer")
                .contentType("text/html; charset=utf-8").result(html);
    }

    private static String read(String name) {
        try (InputStream in = PanelPages.class.getResourceAsStream("/panel/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The side panel's " + name + " is missing from the jar: build with "
                        + "Maven, which bundles the panel's scripts.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
