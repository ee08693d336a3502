package io.boardclerk.graph;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * How BoardClerk reaches Microsoft Graph as its own app (application permissions, client credentials).
 *
 * @param clientId            the app registration's id (MicrosoftAppId)
 * @param clientSecret        the client secret (MicrosoftAppPassword); ignored when a certificate is given
 * @param certificate         a PEM or PFX file with the app's certificate and private key, or null
 * @param certificatePassword the PFX's password, or null
 * @param tenantId            the tenant to sign in to; empty for a multi-tenant app, which signs in to each board's
 *                            own tenant
 * @param authority           the identity authority, e.g. {@code https://login.microsoftonline.com}
 * @param baseUrl             Graph's address with its version, e.g. {@code https://graph.microsoft.com/v1.0}
 * @param timeout             the most one Graph call may take, retries included
 * @param maxRetries          how often a throttled (429) or unavailable (503, 504) call is tried again
 * @param retryDelaySeconds   the base of the back-off between retries when Graph gives no Retry-After
 * @param maxRetryAfter       the longest Retry-After honoured; a longer one ends the call as throttled
 * @param cacheSize           how many lookups are remembered
 * @param cacheTtl            how long a lookup is remembered
 * @param calls               told how each request to Graph ended, for the metrics
 */
public record GraphSettings(String clientId, String clientSecret, Path certificate, String certificatePassword,
                            String tenantId, String authority, String baseUrl, Duration timeout, int maxRetries,
                            long retryDelaySeconds, Duration maxRetryAfter, long cacheSize, Duration cacheTtl,
                            GraphCalls calls) {

    public static final String PUBLIC_AUTHORITY = "https://login.microsoftonline.com";
    public static final String PUBLIC_BASE_URL = "https://graph.microsoft.com/v1.0";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final long DEFAULT_RETRY_DELAY_SECONDS = 1;
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(10);
    public static final long DEFAULT_CACHE_SIZE = 10_000;
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofHours(1);

    public GraphSettings {
        baseUrl = baseUrl.replaceAll("/+$", "");
        authority = authority.replaceAll("/+$", "");
        tenantId = tenantId == null ? "" : tenantId;
        calls = calls == null ? GraphCalls.NONE : calls;
    }

    /** Settings whose requests are counted by nobody. */
    public GraphSettings(String clientId, String clientSecret, Path certificate, String certificatePassword,
                         String tenantId, String authority, String baseUrl, Duration timeout, int maxRetries,
                         long retryDelaySeconds, Duration maxRetryAfter, long cacheSize, Duration cacheTtl) {
        this(clientId, clientSecret, certificate, certificatePassword, tenantId, authority, baseUrl, timeout,
                maxRetries, retryDelaySeconds, maxRetryAfter, cacheSize, cacheTtl, GraphCalls.NONE);
    }

    /** These settings, with every request to Graph (each try) told to {@code observer}. */
    public GraphSettings countedBy(GraphCalls observer) {
        return new GraphSettings(clientId, clientSecret, certificate, certificatePassword, tenantId, authority,
                baseUrl, timeout, maxRetries, retryDelaySeconds, maxRetryAfter, cacheSize, cacheTtl, observer);
    }

    /** The defaults for everything but the credentials and addresses. */
    public static GraphSettings of(String clientId, String clientSecret, Path certificate, String certificatePassword,
                                   String tenantId, String authority, String baseUrl) {
        return new GraphSettings(clientId, clientSecret, certificate, certificatePassword, tenantId, authority, baseUrl,
                DEFAULT_TIMEOUT, DEFAULT_MAX_RETRIES, DEFAULT_RETRY_DELAY_SECONDS, DEFAULT_MAX_RETRY_AFTER,
                DEFAULT_CACHE_SIZE, DEFAULT_CACHE_TTL);
    }

    /** Graph's host, the one host the SDK may send the app's token to. */
    public String graphHost() {
        return URI.create(baseUrl).getHost();
    }

    /** The scope of the app's Graph token: the Graph resource's default scope. */
    public String scope() {
        return resource() + "/.default";
    }

    /**
     * The scope of a delegated (on-behalf-of) token for one Graph permission, e.g.
     * {@code https://graph.microsoft.com/ChatMessage.Send}: the permission on the configured Graph's resource, so a
     * national cloud's Graph gets its own.
     */
    public String delegatedScope(String permission) {
        return resource() + "/" + permission;
    }

    /** Graph's resource (its scheme and host), the audience of its tokens. */
    private String resource() {
        URI uri = URI.create(baseUrl);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    /**
     * Instance discovery asks Microsoft's public cloud whether an authority is known; it fails for any other (a
     * national cloud's own, Azure Stack, or a test's), so it is used only against the public authority.
     */
    public boolean instanceDiscovery() {
        return "login.microsoftonline.com".equals(URI.create(authority).getHost());
    }

    public boolean usesCertificate() {
        return certificate != null;
    }

    boolean pem() {
        return certificate.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pem");
    }

    /** Safe to log: no secret. */
    @Override
    public String toString() {
        return "GraphSettings[clientId=" + clientId + ", credential=" + (usesCertificate() ? "certificate "
                + certificate : "client secret") + ", tenant=" + (tenantId.isEmpty() ? "(each board's)" : tenantId)
                + ", authority=" + authority + ", baseUrl=" + baseUrl + "]";
    }
}
