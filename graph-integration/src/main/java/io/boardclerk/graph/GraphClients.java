package io.boardclerk.graph;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.OnBehalfOfCredentialBuilder;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.kiota.http.middleware.RetryHandler;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The Graph SDK's clients, one per tenant, signed in as BoardClerk's app (client credentials: a secret or a
 * certificate) at the configured authority, and sending the app's token to the configured Graph host only. Shared by
 * every Graph feature, so each tenant's token is fetched once and cached by azure-identity.
 *
 * <p>Resource-specific consent needs nothing else here: an app-only token asks for Graph's {@code /.default} scope,
 * and Graph checks, per chat or team, whether the app holds the RSC permission (granted when BoardClerk was installed
 * there) for the call.
 *
 * <p>Delegated calls ({@link #delegated}) get a client of their own for one signed-in person and one call: its
 * on-behalf-of credential holds that person's token and the Graph token it is exchanged for, so it is built per call
 * and dropped after, never shared between people or kept.
 */
final class GraphClients {

    private final GraphSettings settings;
    private final Sleeper sleeper;
    private final Map<String, GraphServiceClient> clients = new ConcurrentHashMap<>();
    private volatile OkHttpClient http;

    GraphClients(GraphSettings settings) {
        this(settings, Sleeper.REAL);
    }

    /** @param sleeper waits between tries of a throttled or unavailable call ({@link GraphRetry}) */
    GraphClients(GraphSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
    }

    GraphSettings settings() {
        return settings;
    }

    /** The organisation to sign in to: the configured single tenant, else the board's. Empty when neither is known. */
    String tenant(String boardTenant) {
        if (!settings.tenantId().isEmpty()) {
            return settings.tenantId();
        }
        return boardTenant == null ? "" : boardTenant.strip();
    }

    GraphServiceClient client(String tenant) {
        return clients.computeIfAbsent(tenant, this::create);
    }

    /**
     * A client that acts as {@code user}, with the delegated {@code permission} on Graph's resource, its token got by
     * the on-behalf-of flow from the user's Teams sign-in token at the user's own organisation. Sent to the
     * configured Graph host only; used for one call and then dropped.
     */
    GraphServiceClient delegated(OnBehalfOf user, String permission) {
        return client(onBehalfOf(user), settings.delegatedScope(permission));
    }

    private GraphServiceClient create(String tenant) {
        return client(credential(tenant), settings.scope());
    }

    private GraphServiceClient client(TokenCredential credential, String scope) {
        AzureIdentityAuthenticationProvider auth = new AzureIdentityAuthenticationProvider(credential,
                new String[] {settings.graphHost()}, scope);
        GraphServiceClient client = new GraphServiceClient(auth, http());
        client.getRequestAdapter().setBaseUrl(settings.baseUrl());
        return client;
    }

    /**
     * One HTTP client (connections, threads, retries) for every Graph client: tokens are added per client. The SDK's
     * handlers, but {@link GraphRetry} in place of its retry handler.
     */
    private OkHttpClient http() {
        OkHttpClient h = http;
        if (h == null) {
            synchronized (this) {
                if (http == null) {
                    List<Interceptor> handlers = new ArrayList<>();
                    Interceptor[] sdks = GraphClientFactory.createDefaultGraphInterceptors(new RequestOption[0]);
                    for (Interceptor handler : sdks) {
                        handlers.add(handler instanceof RetryHandler ? new GraphRetry(settings, sleeper) : handler);
                    }
                    http = GraphClientFactory.create(handlers)
                            .callTimeout(settings.timeout())
                            .addInterceptor(this::counted)
                            .addNetworkInterceptor(GraphClients::noSecondRetryInsideOkHttp)
                            .build();
                }
                h = http;
            }
        }
        return h;
    }

    /**
     * Tells the settings' observer how each try went: added after the SDK's own handlers (its retry handler among
     * them), this interceptor sees every try, a failed connection included.
     */
    private Response counted(okhttp3.Interceptor.Chain chain) throws java.io.IOException {
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (java.io.IOException | RuntimeException e) {
            settings.calls().ended(GraphCalls.Outcome.NO_ANSWER);
            throw e;
        }
        settings.calls().ended(GraphCalls.of(response.code()));
        return response;
    }

    /**
     * OkHttp itself repeats a request once, at once, when a 503 says {@code Retry-After: 0}, beneath the retry
     * handler, so each of its tries became two and {@code maxRetries} no longer bounded what Graph was sent. Dropping
     * that header from a 503 leaves the decision to {@link GraphRetry} alone, which then waits its own back-off.
     */
    private static Response noSecondRetryInsideOkHttp(okhttp3.Interceptor.Chain chain) throws java.io.IOException {
        Response response = chain.proceed(chain.request());
        String retryAfter = response.header("Retry-After");
        if (response.code() == 503 && retryAfter != null && retryAfter.strip().matches("0+")) {
            return response.newBuilder().removeHeader("Retry-After").build();
        }
        return response;
    }

    private TokenCredential credential(String tenant) {
        if (settings.usesCertificate()) {
            ClientCertificateCredentialBuilder builder = new ClientCertificateCredentialBuilder()
                    .clientId(settings.clientId()).tenantId(tenant).authorityHost(settings.authority());
            certificate(builder::pemCertificate, builder::pfxCertificate, builder::clientCertificatePassword);
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

    /**
     * Hands the app's certificate to a credential builder (azure-identity's builders share no interface for it): a PEM
     * file, or a PFX file and its password when it has one.
     */
    private void certificate(Consumer<String> pem, Consumer<String> pfx, Consumer<String> password) {
        String path = settings.certificate().toString();
        if (settings.pem()) {
            pem.accept(path);
            return;
        }
        pfx.accept(path);
        if (settings.certificatePassword() != null && !settings.certificatePassword().isEmpty()) {
            password.accept(settings.certificatePassword());
        }
    }

    /** The on-behalf-of credential for one person: the app's own secret or certificate, and the person's token. */
    private TokenCredential onBehalfOf(OnBehalfOf user) {
        OnBehalfOfCredentialBuilder builder = new OnBehalfOfCredentialBuilder().clientId(settings.clientId())
                .tenantId(user.tenantId()).authorityHost(settings.authority()).userAssertion(user.userToken());
        if (settings.usesCertificate()) {
            certificate(builder::pemCertificate, builder::pfxCertificate, builder::clientCertificatePassword);
        } else {
            builder.clientSecret(settings.clientSecret());
        }
        if (!settings.instanceDiscovery()) {
            builder.disableInstanceDiscovery();
        }
        return builder.build();
    }

    /** An answer that arrived but is not the JSON Graph speaks (Gson's parse errors are IOExceptions too). */
    static boolean unreadable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (name.startsWith("com.google.gson.") || t instanceof java.io.EOFException) {
                return true;
            }
        }
        return false;
    }

    static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
