package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.IAccount;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ITenantProfile;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.Authenticator;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.CompletableFuture;

/**
 * The bot's outbound credentials: an OAuth client-credentials token from the configured authority and scope, so
 * national clouds and loopback test authorities work alike. The SDK's own MSAL path hard-codes the public login
 * host and performs instance discovery, which fails against any other authority.
 */
final class ClientCredentialsAppCredentials extends AppCredentials {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EARLY = Duration.ofMinutes(5);

    private final String password;
    private final URI tokenEndpoint;
    private final String scope;
    private final HttpClient http;
    private final Clock clock;
    private Token cached;

    private record Token(String accessToken, Instant expiresAt) {
    }

    ClientCredentialsAppCredentials(String appId, String password, String tenant, String authority, String scope,
                                    HttpClient http, Clock clock) {
        super(tenant.isEmpty() ? "botframework.com" : tenant, scope);
        setAppId(appId);
        this.password = password;
        this.tokenEndpoint = URI.create(authority + "/" + (tenant.isEmpty() ? "botframework.com" : tenant)
                + "/oauth2/v2.0/token");
        this.scope = scope;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String oAuthEndpoint() {
        return tokenEndpoint.toString();
    }

    @Override
    public CompletableFuture<String> getToken() {
        return token().thenApply(Token::accessToken);
    }

    @Override
    protected Authenticator buildAuthenticator() {
        return () -> token().thenApply(ClientCredentialsAppCredentials::result);
    }

    private synchronized CompletableFuture<Token> token() {
        Token now = cached;
        if (now != null && clock.instant().isBefore(now.expiresAt().minus(EARLY))) {
            return CompletableFuture.completedFuture(now);
        }
        String form = "grant_type=client_credentials&client_id=" + enc(getAppId()) + "&client_secret=" + enc(password)
                + "&scope=" + enc(scope);
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                // The body may echo the request; never log it, it could hold the secret.
                throw new AuthenticationException("Token request to " + tokenEndpoint + " failed with HTTP "
                        + response.statusCode());
            }
            try {
                JsonNode body = JSON.readTree(response.body());
                Token token = new Token(body.path("access_token").asText(),
                        clock.instant().plusSeconds(body.path("expires_in").asLong(3600)));
                if (token.accessToken().isEmpty()) {
                    throw new AuthenticationException("Token response from " + tokenEndpoint + " had no access_token");
                }
                synchronized (this) {
                    cached = token;
                }
                return token;
            } catch (java.io.IOException e) {
                throw new AuthenticationException("Token response from " + tokenEndpoint + " was not JSON");
            }
        });
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    private static IAuthenticationResult result(Token token) {
        return new IAuthenticationResult() {
            @Override
            public String accessToken() {
                return token.accessToken();
            }

            @Override
            public String idToken() {
                return null;
            }

            @Override
            public IAccount account() {
                return null;
            }

            @Override
            public ITenantProfile tenantProfile() {
                return null;
            }

            @Override
            public String environment() {
                return null;
            }

            @Override
            public String scopes() {
                return null;
            }

            @Override
            public Date expiresOnDate() {
                return Date.from(token.expiresAt());
            }
        };
    }
}
