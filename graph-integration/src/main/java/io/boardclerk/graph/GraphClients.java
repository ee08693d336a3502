package io.boardclerk.graph;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import okhttp3.OkHttpClient;
import okhttp3.Response;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Graph client per tenant, signed in as BoardClerk's app: a client secret or certificate, at the configured
 * authority, with the app's token sent only to the configured Graph host (the SDK sends none to a host it is not
 * told about), the SDK's retry of 429/503/504 bounded by the settings, and a time limit on every call.
 */
final class GraphClients {

    private final GraphSettings settings;
    private final Map<String, GraphServiceClient> clients = new ConcurrentHashMap<>();

    GraphClients(GraphSettings settings) {
        this.settings = settings;
    }

    GraphServiceClient forTenant(String tenant) {
        return clients.computeIfAbsent(tenant, this::client);
    }

    private GraphServiceClient client(String tenant) {
        AzureIdentityAuthenticationProvider auth = new AzureIdentityAuthenticationProvider(credential(tenant),
                new String[] {settings.graphHost()}, settings.scope());
        RetryHandlerOption retry = new RetryHandlerOption(this::shouldRetry, settings.maxRetries(),
                settings.retryDelaySeconds());
        OkHttpClient http = GraphClientFactory.create(new RequestOption[] {retry})
                .callTimeout(settings.timeout())
                .build();
        GraphServiceClient client = new GraphServiceClient(auth, http);
        client.getRequestAdapter().setBaseUrl(settings.baseUrl());
        return client;
    }

    /** Retries 429, 503 and 504 (the SDK's rule), but not when Graph asks for a longer wait than we may take. */
    private boolean shouldRetry(long delay, int executionCount, okhttp3.Request request, Response response) {
        String retryAfter = response.header("Retry-After");
        if (retryAfter != null) {
            try {
                return Long.parseLong(retryAfter.strip()) <= settings.maxRetryAfter().toSeconds();
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    private TokenCredential credential(String tenant) {
        if (settings.usesCertificate()) {
            ClientCertificateCredentialBuilder builder = new ClientCertificateCredentialBuilder()
                    .clientId(settings.clientId()).tenantId(tenant).authorityHost(settings.authority());
            String path = settings.certificate().toString();
            if (settings.pem()) {
                builder.pemCertificate(path);
            } else {
                builder.pfxCertificate(path);
                if (settings.certificatePassword() != null && !settings.certificatePassword().isEmpty()) {
                    builder.clientCertificatePassword(settings.certificatePassword());
                }
            }
            if (!settings.instanceDiscovery()) {
                builder.disableInstanceDiscovery();
            }
            return builder.build();
        }
        ClientSecretCredentialBuilder builder = new ClientSecretCredentialBuilder().clientId(settings.clientId())
                .clientSecret(settings.clientSecret()).tenantId(tenant).authorityHost(settings.authority());
        if (!settings.instanceDiscovery()) {
            builder.disableInstanceDiscovery();
        }
        return builder.build();
    }

    /** The innermost cause of the given type in a chain, or null. */
    static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
