package io.boardclerk.bot;

import io.boardclerk.storage.DatabaseSettings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * BoardClerk's configuration, read once from the environment. Bad values stop start-up with a message naming the
 * variable; nothing here is ever logged whole, because it holds the app password.
 *
 * @param appId              MicrosoftAppId; empty means local mode (no authentication, loopback only)
 * @param appPassword        MicrosoftAppPassword, the client secret for outbound tokens
 * @param appTenantId        MicrosoftAppTenantId, for single-tenant bots; empty for multi-tenant
 * @param openIdMetadataUrl  where the Bot Connector's signing keys are described (BOARDCLERK_BOT_OPENID_METADATA)
 * @param loginAuthority     who issues the bot's outbound tokens (BOARDCLERK_LOGIN_AUTHORITY)
 * @param oauthScope         the scope of those tokens (BOARDCLERK_BOT_OAUTH_SCOPE)
 * @param publicUrl          where people reach BoardClerk, without a trailing slash (BOARDCLERK_PUBLIC_URL); empty
 *                           when unset: local mode then links to loopback, otherwise there are no download links
 * @param linkKey            the key that signs download links (BOARDCLERK_LINK_KEY), a secret; empty when unset, and
 *                           then a key kept in {@code link.key} beside the database signs them
 * @param linkTtl            how long a download link works (BOARDCLERK_LINK_TTL, in hours)
 * @param ssoResource        the Application ID URI Teams single sign-on tokens are issued for, {@code api://{host}/{appId}}
 *                           (BOARDCLERK_SSO_RESOURCE, else made from BOARDCLERK_PUBLIC_URL's host and the app id); empty
 *                           in local mode, and outside it while neither is set: the panel's API then signs nobody in
 * @param graph              BOARDCLERK_GRAPH: whether BoardClerk calls Microsoft Graph (directory lookups for owners,
 *                           posting action-log summaries); on by default outside local mode, always off in local mode
 * @param graphCertificate   BOARDCLERK_GRAPH_CERTIFICATE: a PEM or PFX file with the app's certificate and private key,
 *                           used for Graph instead of MicrosoftAppPassword; null when unset
 * @param graphCertificatePassword BOARDCLERK_GRAPH_CERTIFICATE_PASSWORD, a PFX file's password, a secret; empty when unset
 * @param graphBaseUrl       BOARDCLERK_GRAPH_BASE_URL, Graph's address with its version, without a trailing slash
 * @param reminders          how the reminder sweep runs (BOARDCLERK_REMINDER_*)
 * @param clockStart         BOARDCLERK_CLOCK_START: the instant BoardClerk's clock starts at (then running on in real
 *                           time); null when unset; allowed in local mode only, for tests in a separate process
 * @param observability      metrics and the log's format (BOARDCLERK_METRICS_*, BOARDCLERK_LOG_FORMAT)
 * @param security           the service URL hosts, tenants, admins and token issuers BoardClerk accepts
 */
public record BotConfig(String appId, String appPassword, String appTenantId, int port, DatabaseSettings database,
                        ZoneId zone,
                        String openIdMetadataUrl, String loginAuthority, String oauthScope, String publicUrl,
                        String linkKey, Duration linkTtl, String ssoResource,
                        boolean graph, Path graphCertificate, String graphCertificatePassword, String graphBaseUrl,
                        ReminderSettings reminders, Instant clockStart, Observability observability,
                        SecuritySettings security) {

    public static final String PUBLIC_OPENID_METADATA = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public static final String PUBLIC_LOGIN_AUTHORITY = "https://login.microsoftonline.com";
    public static final String PUBLIC_OAUTH_SCOPE = "https://api.botframework.com/.default";
    public static final String PUBLIC_GRAPH_BASE_URL = "https://graph.microsoft.com/v1.0";
    /** A key shorter than this is refused: it could be guessed. */
    public static final int MIN_LINK_KEY_LENGTH = 32;
    public static final int MAX_LINK_TTL_HOURS = 24 * 30;

    /** Thrown when a setting is present but wrong. */
    public static final class ConfigException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConfigException(String message) {
            super(message);
        }
    }

    /** Whether reminders Teams cannot deliver are e-mailed: BOARDCLERK_MAIL_FROM is set and Microsoft Graph is on. */
    public boolean reminderMail() {
        return graph && !reminders.mailFrom().isEmpty();
    }

    /** Whether instances may share the database (PostgreSQL): what they must agree on is then kept in it. */
    public boolean sharedDatabase() {
        return database.isPostgres();
    }

    /** The SQLite file, when the database is not shared. */
    public Path databaseFile() {
        return database.sqliteFile();
    }

    public boolean localMode() {
        return appId.isEmpty();
    }

    /** The host the server binds: loopback only in local mode. */
    public String host() {
        return localMode() ? "127.0.0.1" : "0.0.0.0";
    }

    public static BotConfig fromEnvironment() {
        return from(System.getenv());
    }

    public static BotConfig from(Map<String, String> env) {
        String appId = value(env, "MicrosoftAppId", "");
        String password = value(env, "MicrosoftAppPassword", "");
        if (appId.isEmpty()) {
            refuseProductionSettingsInLocalMode(env);
        }
        if (!appId.isEmpty() && password.isEmpty()) {
            throw new ConfigException("MicrosoftAppId is set but MicrosoftAppPassword is empty: the bot could not "
                    + "reply. Set both, or neither for local mode.");
        }
        String publicUrl = publicUrl(env);
        String authority = url(env, "BOARDCLERK_LOGIN_AUTHORITY", PUBLIC_LOGIN_AUTHORITY).replaceAll("/+$", "");
        boolean graph = graph(env, appId, authority);
        return new BotConfig(appId, password, value(env, "MicrosoftAppTenantId", ""), port(env),
                database(env), zone(env),
                url(env, "BOARDCLERK_BOT_OPENID_METADATA", PUBLIC_OPENID_METADATA), authority,
                value(env, "BOARDCLERK_BOT_OAUTH_SCOPE", PUBLIC_OAUTH_SCOPE), publicUrl, linkKey(env),
                linkTtl(env), ssoResource(env, appId, publicUrl), graph,
                graphCertificate(env, appId), value(env, "BOARDCLERK_GRAPH_CERTIFICATE_PASSWORD", ""),
                graphBaseUrl(env), ReminderSettings.from(env), clockStart(env, appId),
                Observability.from(env, port(env)), SecuritySettings.from(env, value(env, "MicrosoftAppTenantId", ""),
                appId.isEmpty()));
    }

    /**
     * The database: PostgreSQL when BOARDCLERK_DATABASE_URL is set (with BOARDCLERK_DATABASE_USER and
     * BOARDCLERK_DATABASE_PASSWORD, and BOARDCLERK_DATABASE_POOL_SIZE connections at most), otherwise the SQLite file
     * BOARDCLERK_DB.
     */
    static DatabaseSettings database(Map<String, String> env) {
        String url = value(env, "BOARDCLERK_DATABASE_URL", "");
        String user = value(env, "BOARDCLERK_DATABASE_USER", "");
        String password = value(env, "BOARDCLERK_DATABASE_PASSWORD", "");
        String pool = value(env, "BOARDCLERK_DATABASE_POOL_SIZE", "");
        try {
            return new DatabaseSettings(Path.of(value(env, "BOARDCLERK_DB", "./data/boardclerk.db")),
                    url.isEmpty() ? null : url, user.isEmpty() ? null : user, password.isEmpty() ? null : password,
                    pool.isEmpty() ? DatabaseSettings.DEFAULT_POOL_SIZE : Integer.parseInt(pool));
        } catch (NumberFormatException e) {
            throw new ConfigException("BOARDCLERK_DATABASE_POOL_SIZE must be a number of connections, not " + pool);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** Settings that belong to a real deployment; any of them without MicrosoftAppId stops start-up. */
    private static final java.util.List<String> PRODUCTION_SETTINGS = java.util.List.of("MicrosoftAppPassword",
            "MicrosoftAppTenantId", "BOARDCLERK_GRAPH_CERTIFICATE", "BOARDCLERK_GRAPH_CERTIFICATE_PASSWORD",
            "BOARDCLERK_MAIL_FROM", "BOARDCLERK_SSO_RESOURCE");

    /**
     * Local mode (no authentication) starts only when nothing says this is a real deployment: a password,
     * certificate, tenant, Graph or mail setting without an app id refuses to start, naming what is there and what is
     * missing, rather than serving unauthenticated.
     */
    private static void refuseProductionSettingsInLocalMode(Map<String, String> env) {
        java.util.List<String> present = new java.util.ArrayList<>();
        for (String name : PRODUCTION_SETTINGS) {
            if (!value(env, name, "").isEmpty()) {
                present.add(name);
            }
        }
        if (value(env, "BOARDCLERK_GRAPH", "").equalsIgnoreCase("on")) {
            present.add("BOARDCLERK_GRAPH=on");
        }
        if (!present.isEmpty()) {
            throw new ConfigException(String.join(", ", present) + (present.size() == 1 ? " is" : " are")
                    + " set but MicrosoftAppId is empty, which would start BoardClerk in local mode without "
                    + "authentication. Set MicrosoftAppId (with MicrosoftAppPassword or BOARDCLERK_GRAPH_CERTIFICATE) "
                    + "to serve Teams, or unset " + (present.size() == 1 ? "it" : "them") + " for local mode.");
        }
    }

    private static Instant clockStart(Map<String, String> env, String appId) {
        String raw = value(env, "BOARDCLERK_CLOCK_START", "");
        if (raw.isEmpty()) {
            return null;
        }
        if (!appId.isEmpty()) {
            throw new ConfigException("BOARDCLERK_CLOCK_START sets BoardClerk's clock for tests and is allowed in "
                    + "local mode only; unset it, or unset MicrosoftAppId.");
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeException e) {
            throw new ConfigException("BOARDCLERK_CLOCK_START must be an instant such as 2026-11-23T10:00:00Z, not \""
                    + raw + "\".");
        }
    }

    /**
     * On by default outside local mode (the app's credentials are there), off in local mode whatever is asked;
     * {@code BOARDCLERK_GRAPH=off} switches it off. Asked for outright, it needs an https authority; by default, an
     * authority azure-identity cannot use leaves Graph off rather than stopping start-up.
     */
    private static boolean graph(Map<String, String> env, String appId, String authority) {
        String raw = value(env, "BOARDCLERK_GRAPH", "").toLowerCase(Locale.ROOT);
        if (!raw.isEmpty() && !raw.equals("on") && !raw.equals("off")) {
            throw new ConfigException("BOARDCLERK_GRAPH must be on or off, not \"" + raw + "\".");
        }
        if (appId.isEmpty() || raw.equals("off")) {
            return false;
        }
        boolean https = authority.startsWith("https://");
        if (raw.equals("on") && !https) {
            throw new ConfigException("BOARDCLERK_LOGIN_AUTHORITY must be an https address for Microsoft Graph "
                    + "(azure-identity signs in over https only), not \"" + authority + "\"; or set "
                    + "BOARDCLERK_GRAPH=off.");
        }
        return https;
    }

    private static Path graphCertificate(Map<String, String> env, String appId) {
        String raw = value(env, "BOARDCLERK_GRAPH_CERTIFICATE", "");
        if (raw.isEmpty()) {
            return null;
        }
        if (appId.isEmpty()) {
            throw new ConfigException("BOARDCLERK_GRAPH_CERTIFICATE is set but MicrosoftAppId is empty: the "
                    + "certificate belongs to an app registration. Set MicrosoftAppId too, or unset the certificate.");
        }
        Path path = Path.of(raw);
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".pem") || name.endsWith(".pfx") || name.endsWith(".p12"))) {
            throw new ConfigException("BOARDCLERK_GRAPH_CERTIFICATE must be a .pem, .pfx or .p12 file with the app's "
                    + "certificate and private key, not \"" + raw + "\".");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ConfigException("BOARDCLERK_GRAPH_CERTIFICATE names " + raw + ", which is not a readable file.");
        }
        return path;
    }

    private static String graphBaseUrl(Map<String, String> env) {
        String raw = value(env, "BOARDCLERK_GRAPH_BASE_URL", PUBLIC_GRAPH_BASE_URL).replaceAll("/+$", "");
        try {
            URI uri = new URI(raw);
            boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost())
                    || "[::1]".equals(uri.getHost());
            if (!("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && loopback))
                    || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null
                    || uri.getUserInfo() != null) {
                throw new URISyntaxException(raw, "not a plain https address");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException("BOARDCLERK_GRAPH_BASE_URL must be Graph's https address with its version, "
                    + "such as " + PUBLIC_GRAPH_BASE_URL + " (or a national cloud's), not \"" + raw + "\".");
        }
        return raw;
    }

    private static String ssoResource(Map<String, String> env, String appId, String publicUrl) {
        String raw = value(env, "BOARDCLERK_SSO_RESOURCE", "");
        if (appId.isEmpty()) {
            return "";
        }
        if (raw.isEmpty()) {
            return publicUrl.isEmpty() ? "" : "api://" + URI.create(publicUrl).getHost() + "/" + appId;
        }
        if (!raw.startsWith("api://") || !raw.endsWith("/" + appId) || raw.chars().anyMatch(Character::isWhitespace)) {
            throw new ConfigException("BOARDCLERK_SSO_RESOURCE must be the Application ID URI of the app registration,"
                    + " api://<host>/" + appId + " (as the Teams app package's webApplicationInfo.resource), not \""
                    + raw + "\".");
        }
        return raw;
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static int port(Map<String, String> env) {
        String raw = value(env, "PORT", "3978");
        try {
            int port = Integer.parseInt(raw);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ConfigException("PORT must be a number from 0 to 65535, not \"" + raw + "\".");
        }
    }

    private static ZoneId zone(Map<String, String> env) {
        String raw = value(env, "BOARDCLERK_TIMEZONE", "Europe/London");
        try {
            return ZoneId.of(raw);
        } catch (DateTimeException e) {
            throw new ConfigException("BOARDCLERK_TIMEZONE must be a time zone such as Europe/London, not \"" + raw
                    + "\".");
        }
    }

    /** An https URL, or plain http on a loopback host (for tests and local trials). */
    private static String url(Map<String, String> env, String name, String fallback) {
        String raw = value(env, name, fallback);
        try {
            URI uri = new URI(raw);
            boolean https = "https".equals(uri.getScheme());
            boolean loopbackHttp = "http".equals(uri.getScheme()) && uri.getHost() != null
                    && ServiceUrlHosts.loopback(uri.getHost());
            if (uri.getHost() == null || !(https || loopbackHttp) || uri.getRawUserInfo() != null) {
                throw new URISyntaxException(raw, "not https");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(name + " must be an https URL (plain http only on 127.0.0.1, localhost or "
                    + "[::1]), not \"" + raw + "\".");
        }
        return raw;
    }

    private static String publicUrl(Map<String, String> env) {
        String raw = value(env, "BOARDCLERK_PUBLIC_URL", "");
        if (raw.isEmpty()) {
            return raw;
        }
        String trimmed = raw.replaceAll("/+$", "");
        try {
            URI uri = new URI(trimmed);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
                throw new URISyntaxException(raw, "not a plain http(s) address");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException("BOARDCLERK_PUBLIC_URL must be the http(s) address people reach BoardClerk at, "
                    + "such as https://boardclerk.example.org, not \"" + raw + "\".");
        }
        return trimmed;
    }

    private static String linkKey(Map<String, String> env) {
        String key = value(env, "BOARDCLERK_LINK_KEY", "");
        if (key.isEmpty()) {
            return key;
        }
        String[] entries = key.split(",");
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (String raw : entries) {
            String entry = raw.strip();
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "env" : entry.substring(0, colon);
            String secret = colon < 0 ? entry : entry.substring(colon + 1).strip();
            if (colon < 0 && entries.length > 1 || !id.matches("[A-Za-z0-9_-]{1,16}") || !ids.add(id)) {
                throw new ConfigException("BOARDCLERK_LINK_KEY is one secret, or several written id:secret "
                        + "(ids of 1 to 16 letters, digits, '-' or '_', each once), separated by commas; the first "
                        + "signs new links and every one still verifies the links it signed.");
            }
            if (secret.length() < MIN_LINK_KEY_LENGTH) {
                // The value itself is a secret: the message gives only its length.
                throw new ConfigException("BOARDCLERK_LINK_KEY must be at least " + MIN_LINK_KEY_LENGTH
                        + " characters (it is " + secret.length() + "); for example the output of `openssl rand "
                        + "-base64 32`. Leave it unset to have BoardClerk keep a key of its own beside the database.");
            }
        }
        return key;
    }

    private static Duration linkTtl(Map<String, String> env) {
        String raw = value(env, "BOARDCLERK_LINK_TTL", "24");
        try {
            int hours = Integer.parseInt(raw);
            if (hours < 1 || hours > MAX_LINK_TTL_HOURS) {
                throw new NumberFormatException();
            }
            return Duration.ofHours(hours);
        } catch (NumberFormatException e) {
            throw new ConfigException("BOARDCLERK_LINK_TTL must be a whole number of hours from 1 to "
                    + MAX_LINK_TTL_HOURS + ", not \"" + raw + "\".");
        }
    }

    /** Safe to log: says which settings are in force without their secrets. */
    @Override
    public String toString() {
        return "BotConfig[appId=" + (localMode() ? "(local mode)" : appId) + ", appPassword="
                + (appPassword.isEmpty() ? "(none)" : "(set)") + ", tenant=" + (appTenantId.isEmpty() ? "(any)"
                : appTenantId) + ", port=" + port + ", database=" + database.describe() + ", zone=" + zone + ", openIdMetadata="
                + openIdMetadataUrl + ", loginAuthority=" + loginAuthority + ", scope=" + oauthScope + ", publicUrl="
                + (publicUrl.isEmpty() ? "(unset)" : publicUrl) + ", linkKey=" + (linkKey.isEmpty() ? "(file)" : "(set)")
                + ", linkTtl=" + linkTtl.toHours() + "h, ssoResource=" + (ssoResource.isEmpty() ? "(none)" : ssoResource)
                + ", graph=" + (graph ? "on" : "off") + ", graphCredential=" + (graphCertificate == null
                ? "(password)" : graphCertificate.toString()) + ", graphBaseUrl=" + graphBaseUrl + ", " + reminders
                + (clockStart == null ? "" : ", clockStart=" + clockStart) + ", " + observability + ", " + security
                + "]";
    }
}
