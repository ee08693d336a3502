package io.boardclerk.bot;

import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The Bot Framework adapter, configured from {@link BotConfig}: inbound tokens are checked against the configured
 * OpenID metadata, outbound tokens come from the configured authority and scope, and a failed turn gets one polite
 * reply instead of silence.
 */
final class BoardClerkAdapter extends BotFrameworkHttpAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(BoardClerkAdapter.class);

    private final Optional<ClientCredentialsAppCredentials> credentials;

    BoardClerkAdapter(BotConfig config, HttpClient http, Clock clock) {
        super(new SimpleCredentialProvider(config.appId(), config.appPassword()), null);
        this.credentials = config.localMode() ? Optional.empty()
                : Optional.of(new ClientCredentialsAppCredentials(config.appId(), config.appPassword(),
                config.appTenantId(), config.loginAuthority(), config.oauthScope(), http, clock));
        setOnTurnError((turnContext, exception) -> {
            LOG.error("Turn failed for activity {} in conversation {}", turnContext.getActivity().getId(),
                    turnContext.getActivity().getConversation() == null ? null
                            : turnContext.getActivity().getConversation().getId(), exception);
            if (exception instanceof ReplyNotDelivered) {
                // The record is committed; only the confirmation was lost, and the connector is what failed.
                return CompletableFuture.failedFuture(exception);
            }
            return turnContext.sendActivity(MessageFactory.text("Sorry, something went wrong on my side and nothing "
                    + "from that message was recorded. Please try again in a moment.")).thenApply(sent -> null);
        });
    }

    /** The bot's outbound credentials; empty in local mode, where nothing is signed. */
    Optional<ClientCredentialsAppCredentials> credentials() {
        return credentials;
    }

    @Override
    protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String scope) {
        if (credentials.isEmpty() || !credentials.get().getAppId().equals(appId)) {
            return CompletableFuture.failedFuture(new IllegalStateException("No credentials for app " + appId));
        }
        return CompletableFuture.completedFuture(credentials.get());
    }
}
