package io.boardclerk.bot.panel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Checks the Teams single sign-on token the side panel sends: an Entra ID access token for BoardClerk's Application ID
 * URI. Its signature must verify with a key the authority's OpenID configuration publishes (RS256 only); it must be
 * for this app (audience), from a tenant-specific Entra issuer (v1 or v2) of the token's own tenant, of the configured
 * tenant when the bot is single-tenant, and within its lifetime by the server's clock. Tokens are never logged.
 */
public final class SsoTokenValidator {

    /** Clocks drift; Entra's own libraries allow five minutes. */
    static final Duration SKEW = Duration.ofMinutes(5);

    /** Why a token was refused, in words safe to log and to answer with. */
    public static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        Rejected(String message) {
            super(message);
        }
    }

    private final String authority;
    private final String tenant;
    private final Set<String> audiences;
    private final Clock clock;
    private final HttpClient http;
    private volatile DefaultJWTProcessor<SecurityContext> processor;

    /**
     * @param authority   the login authority, {@code https://login.microsoftonline.com} (BOARDCLERK_LOGIN_AUTHORITY)
     * @param tenant      the single tenant the bot serves, or empty for any
     * @param resource    the Application ID URI, {@code api://{host}/{appId}}
     * @param appId       the app's client id, which Entra puts in the audience of v2 access tokens
     */
    public SsoTokenValidator(String authority, String tenant, String resource, String appId, Clock clock,
                             HttpClient http) {
        this.authority = authority.replaceAll("/+$", "");
        this.tenant = tenant;
        this.audiences = Set.of(resource, appId);
        this.clock = clock;
        this.http = http;
    }

    /** The OpenID configuration whose {@code jwks_uri} lists the signing keys. */
    String metadataUrl() {
        return authority + "/" + (tenant.isEmpty() ? "common" : tenant) + "/v2.0/.well-known/openid-configuration";
    }

    public PanelUser validate(String token) throws Rejected {
        JWTClaimsSet claims;
        try {
            claims = processor().process(token, null);
        } catch (ParseException e) {
            throw new Rejected("the token is not a signed JWT");
        } catch (BadJOSEException e) {
            throw new Rejected("the token's signature does not verify with the authority's keys");
        } catch (com.nimbusds.jose.JOSEException | IOException e) {
            throw new Rejected("the authority's signing keys could not be read (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Rejected("interrupted while reading the authority's signing keys");
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null || !exp.toInstant().plus(SKEW).isAfter(now)) {
            throw new Rejected("the token has expired");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().minus(SKEW).isAfter(now)) {
            throw new Rejected("the token is not valid yet");
        }
        String tid = string(claims, "tid");
        String oid = string(claims, "oid");
        if (tid == null || oid == null) {
            throw new Rejected("the token names no tenant (tid) or user (oid)");
        }
        if (!tenant.isEmpty() && !tenant.equalsIgnoreCase(tid)) {
            throw new Rejected("the token is from another tenant");
        }
        String issuer = claims.getIssuer();
        if (!issuers(tid).contains(issuer)) {
            throw new Rejected("the token's issuer is not Entra ID for its tenant");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || audience.stream().noneMatch(audiences::contains)) {
            throw new Rejected("the token is for another application");
        }
        String name = string(claims, "name");
        return new PanelUser(tid, oid, name);
    }

    /** Entra's v2 issuer, its v1 issuer on the public cloud, and the v1 form under the configured authority. */
    private Set<String> issuers(String tid) {
        return Set.of(authority + "/" + tid + "/v2.0", "https://sts.windows.net/" + tid + "/",
                authority + "/" + tid + "/");
    }

    private static String string(JWTClaimsSet claims, String name) {
        try {
            String value = claims.getStringClaim(name);
            return value == null || value.isBlank() ? null : value;
        } catch (ParseException e) {
            return null;
        }
    }

    /** Built on first use: the OpenID configuration is read once, and the key set is cached and refreshed by nimbus. */
    private DefaultJWTProcessor<SecurityContext> processor() throws IOException, InterruptedException {
        DefaultJWTProcessor<SecurityContext> p = processor;
        if (p != null) {
            return p;
        }
        synchronized (this) {
            if (processor == null) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(metadataUrl()))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IOException("the OpenID configuration answered HTTP " + response.statusCode());
                }
                JsonNode metadata = new ObjectMapper().readTree(response.body());
                String jwksUri = metadata.path("jwks_uri").asText("");
                if (!jwksUri.startsWith("https://") && !jwksUri.startsWith("http://")) {
                    throw new IOException("the OpenID configuration names no jwks_uri");
                }
                JWKSource<SecurityContext> keys = JWKSourceBuilder.create(URI.create(jwksUri).toURL())
                        .retrying(true).build();
                DefaultJWTProcessor<SecurityContext> built = new DefaultJWTProcessor<>();
                built.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
                // Lifetime, issuer, audience and tenant are checked above, against the server's clock.
                built.setJWTClaimsSetVerifier((claims, context) -> { });
                processor = built;
            }
            return processor;
        }
    }
}
