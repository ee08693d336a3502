package io.boardclerk.bot;

import com.auth0.jwt.JWT;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.ChannelProvider;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.ClaimsValidator;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.GovernmentAuthenticationConstants;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SkillValidation;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.teams.TeamsChannelData;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What an activity must pass before the bot sees it.
 *
 * <p>{@link #authenticate}: outside local mode the token must have been issued by the Bot Framework channel service
 * (https://api.botframework.com, or the configured national cloud's); any other issuer (an Entra token, the SDK's
 * skill and emulator paths) is refused before the SDK sees it. The SDK then checks the signature, audience, expiry and
 * that the token's {@code serviceurl} claim equals the activity's, with a claims validator that throws for skill
 * (bot-to-bot) claims: the retired Java SDK's own check returns a failed future that nobody reads.
 *
 * <p>{@link #admit}: the channel must be {@code msteams}, the service URL's host on BOARDCLERK_SERVICE_URL_HOSTS and
 * the tenant on BOARDCLERK_ALLOWED_TENANTS; otherwise 403, before anything is stored or sent.
 */
final class InboundGate {

    /** Why an authenticated activity is not served: always 403, with a message for the caller. */
    record Refusal(String message) {
    }

    private final BotConfig config;
    private final CredentialProvider credentials;
    private final ChannelProvider channel;
    private final AuthenticationConfiguration authentication = new AuthenticationConfiguration();

    InboundGate(BotConfig config, CredentialProvider credentials) {
        this.config = config;
        this.credentials = credentials;
        this.channel = config.security().tokenIssuers().contains(
                GovernmentAuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER)
                ? new SimpleChannelProvider(GovernmentAuthenticationConstants.CHANNELSERVICE) : null;
        authentication.setClaimsValidator(new NoSkills());
    }

    /** The caller's identity, or a failed future with an {@link AuthenticationException} (answered 401). */
    CompletableFuture<ClaimsIdentity> authenticate(String authorization, Activity activity) {
        if (!config.localMode()) {
            Optional<String> problem = issuerProblem(authorization);
            if (problem.isPresent()) {
                return CompletableFuture.failedFuture(new AuthenticationException(problem.get()));
            }
        }
        try {
            return JwtTokenValidation.authenticateRequest(activity, authorization, credentials, channel,
                    authentication);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Optional<String> issuerProblem(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of("no Bearer token");
        }
        DecodedJWT token;
        try {
            token = JWT.decode(authorization.substring(7).strip());
        } catch (JWTDecodeException e) {
            return Optional.of("the token is not a JWT");
        }
        String issuer = token.getIssuer();
        if (issuer == null || !config.security().tokenIssuers().contains(issuer)) {
            return Optional.of("the token was issued by " + LogText.of(issuer) + ", not the Bot Framework channel "
                    + "service");
        }
        return Optional.empty();
    }

    /** Why this (authenticated) activity is refused, or empty when it may be served. */
    Optional<Refusal> admit(Activity activity) {
        if (!"msteams".equals(activity.getChannelId())) {
            return Optional.of(new Refusal("BoardClerk serves Microsoft Teams only (channelId msteams)."));
        }
        Optional<String> host = config.security().serviceUrlHosts().problem(activity.getServiceUrl());
        if (host.isPresent()) {
            return Optional.of(new Refusal("The activity's serviceUrl is refused: " + host.get() + "."));
        }
        String tenant = activity.getConversation().getTenantId();
        TeamsChannelData data = ActivityTranslator.channelData(activity);
        String dataTenant = data == null || data.getTenant() == null ? null : data.getTenant().getId();
        if (blank(tenant)) {
            tenant = dataTenant;
        } else if (!blank(dataTenant) && !dataTenant.equalsIgnoreCase(tenant)) {
            return Optional.of(new Refusal("The activity names two different tenants."));
        }
        if (!config.security().tenantAllowed(tenant)) {
            return Optional.of(new Refusal(blank(tenant) ? "The activity names no tenant."
                    : "This BoardClerk does not serve that tenant (BOARDCLERK_ALLOWED_TENANTS)."));
        }
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Refuses skill (bot-to-bot) claims by throwing: the SDK would otherwise drop its own refusal. */
    static final class NoSkills extends ClaimsValidator {
        @Override
        public CompletableFuture<Void> validateClaims(Map<String, String> claims) {
            if (SkillValidation.isSkillClaim(claims)) {
                throw new AuthenticationException("skill (bot-to-bot) tokens are not accepted");
            }
            return CompletableFuture.completedFuture(null);
        }
    }
}
