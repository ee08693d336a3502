package io.boardclerk.graph.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.boardclerk.graph.fake.FakeHttp.quote;
import static io.boardclerk.graph.fake.FakeHttp.query;
import static io.boardclerk.graph.fake.FakeHttp.respond;

/**
 * Microsoft Graph's {@code /v1.0/users} and a Microsoft identity token endpoint on loopback, for tests that drive the
 * real Graph SDK and azure-identity: the authority is {@link #authority()}, Graph's base URL {@link #baseUrl()}.
 * Users are answered from {@link #user}; {@link #fail} queues raw answers (429, 503, 403 ...) served first. The token
 * endpoint also answers the on-behalf-of exchange with a delegated token of its own ({@link #exchanges}), or a
 * queued refusal ({@link #failExchange}); messages are accepted with the app's token or a delegated one it issued.
 */
public final class FakeGraph implements AutoCloseable {

    public static final String TOKEN = "fake-graph-app-token";
    /** Delegated tokens issued by the on-behalf-of exchange are this and a number. */
    public static final String DELEGATED_TOKEN = "fake-graph-delegated-token-";

    /**
     * One on-behalf-of token request ({@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer}) and the
     * delegated token issued for it (null when refused).
     *
     * @param secretMatched whether the client secret sent is the one set by {@link #expectSecret}
     */
    public record Exchange(String path, String grantType, String requestedTokenUse, String assertion, String scope,
                           String clientId, boolean secretMatched, String issued) {
    }

    /** One request Graph received. */
    public record Received(String path, String filter, String select, String top, String authorization,
                           String consistencyLevel, long atMillis) {
    }

    /** A message posted into a channel or chat: the decoded path, the raw path as sent, the JSON body. */
    public record Posted(String path, String rawPath, String body, String authorization, long atMillis) {
    }

    private record Canned(int status, Map<String, String> headers, String body, long delayMillis) {
    }

    public record DirectoryUser(String id, String displayName, String mail, String userPrincipalName) {
    }

    private static final Pattern ADDRESS_FILTER =
            Pattern.compile("mail eq '((?:[^']|'')*)' or userPrincipalName eq '((?:[^']|'')*)'");
    private static final Pattern NAME_FILTER = Pattern.compile("startswith\\(displayName,'((?:[^']|'')*)'\\)");

    private final HttpServer server;
    private final HttpsServer login;
    private final List<DirectoryUser> users = new CopyOnWriteArrayList<>();
    private final Deque<Canned> canned = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Posted> posted = new CopyOnWriteArrayList<>();
    private final List<String> postAttempts = new CopyOnWriteArrayList<>();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<String> tokenPaths = new CopyOnWriteArrayList<>();
    private final AtomicInteger otherRequests = new AtomicInteger();
    private final Map<String, java.util.concurrent.CountDownLatch> stalls = new java.util.concurrent.ConcurrentHashMap<>();
    private final Deque<Canned> exchangeAnswers = new ArrayDeque<>();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final AtomicInteger delegated = new AtomicInteger();
    private final Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> nameLookups = new CopyOnWriteArrayList<>();
    private volatile String expectedSecret;
    private volatile String signingKeys;

    public FakeGraph() throws IOException {
        server = FakeHttp.graph(this::handle);
        login = FakeHttp.login(this::handle);
    }

    /**
     * The identity authority, https as azure-identity demands (this JVM is made to trust its certificate): tokens
     * are served at {@code {authority}/{tenant}/oauth2/v2.0/token}.
     */
    public String authority() {
        return "https://127.0.0.1:" + login.getAddress().getPort();
    }

    /** Graph's base URL: plain http on loopback, which the SDK allows for loopback hosts only. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0";
    }

    /** A chat's topic, served at {@code GET /v1.0/chats/{chatId}} (a meeting chat's topic is its meeting's title). */
    public FakeGraph chat(String chatId, String topic) {
        names.put("/v1.0/chats/" + chatId, "{\"id\":" + quote(chatId) + ",\"topic\":" + quote(topic) + "}");
        return this;
    }

    /** A team and one of its channels, at {@code GET /v1.0/teams/{groupId}} and {@code .../channels/{channelId}}. */
    public FakeGraph channel(String teamGroupId, String teamName, String channelId, String channelName) {
        names.put("/v1.0/teams/" + teamGroupId, "{\"id\":" + quote(teamGroupId) + ",\"displayName\":"
                + quote(teamName) + "}");
        names.put("/v1.0/teams/" + teamGroupId + "/channels/" + channelId, "{\"id\":" + quote(channelId)
                + ",\"displayName\":" + quote(channelName) + "}");
        return this;
    }

    /** The paths of chat, team and channel reads, in order (found or not). */
    public List<String> nameLookups() {
        return List.copyOf(nameLookups);
    }

    public FakeGraph user(String id, String displayName, String mail, String upn) {
        users.add(new DirectoryUser(id, displayName, mail, upn));
        return this;
    }

    /** The next Graph request is answered with this, before any user lookup. */
    public synchronized FakeGraph fail(int status, Map<String, String> headers, String body) {
        canned.add(new Canned(status, headers, body, 0));
        return this;
    }

    /** The next Graph request is answered with this after {@code delayMillis} (a Graph that does not answer in time). */
    public synchronized FakeGraph slow(long delayMillis, int status, String body) {
        canned.add(new Canned(status, Map.of(), body, delayMillis));
        return this;
    }

    /** Messages posted into channels and chats (answered 201), in order. */
    public List<Posted> posted() {
        return List.copyOf(posted);
    }

    /** Every POST of a message, answered or refused: its path. */
    public List<String> postAttempts() {
        return List.copyOf(postAttempts);
    }

    /**
     * A users request whose filter contains {@code words} is held, unanswered, until {@code release} is counted down
     * (a Graph that stalls, as a throttled one effectively does).
     */
    public FakeGraph stall(String words, java.util.concurrent.CountDownLatch release) {
        stalls.put(words, release);
        return this;
    }

    /** The client secret the token endpoint expects (recorded as matched or not; never kept). */
    public FakeGraph expectSecret(String secret) {
        this.expectedSecret = secret;
        return this;
    }

    /** The next on-behalf-of exchange is answered with this (a refusal such as AADSTS65001) instead of a token. */
    public synchronized FakeGraph failExchange(int status, String body) {
        exchangeAnswers.add(new Canned(status, Map.of(), body, 0));
        return this;
    }

    /** The on-behalf-of exchanges the token endpoint received, in order. */
    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /**
     * Publishes Entra ID's OpenID configuration under the authority with these signing keys (a JWK set), as
     * login.microsoftonline.com does: what Teams single sign-on tokens are checked against when this fake is the
     * login authority. The key set itself is served from Graph's (plain http) side.
     */
    public FakeGraph publishSigningKeys(String jwkSet) {
        this.signingKeys = jwkSet;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The form bodies of the token requests (client id, grant, scope; the secret is only checked, not kept). */
    public List<String> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    /** The paths token requests came to: {@code /{tenant}/oauth2/v2.0/token} under {@link #authority()}. */
    public List<String> tokenPaths() {
        return List.copyOf(tokenPaths);
    }

    /** Requests to anything but the token endpoint and /users (instance discovery, for one): there should be none. */
    public int otherRequests() {
        return otherRequests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("GET".equals(method) && signingKeys != null && path.matches("/[^/]+/v2\\.0/\\.well-known/"
                    + "openid-configuration")) {
                respond(exchange, 200, Map.of(), "{\"issuer\":\"" + authority() + "/{tenantid}/v2.0\",\"jwks_uri\":\""
                        + "http://127.0.0.1:" + server.getAddress().getPort() + "/discovery/v2.0/keys\","
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
                return;
            }
            if ("GET".equals(method) && signingKeys != null && path.equals("/discovery/v2.0/keys")) {
                respond(exchange, 200, Map.of(), signingKeys);
                return;
            }
            if ("POST".equals(method) && path.matches("/[^/]+/oauth2/v2\\.0/token")) {
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> fields = query(form);
                if ("urn:ietf:params:oauth:grant-type:jwt-bearer".equals(fields.get("grant_type"))) {
                    onBehalfOf(exchange, path, fields);
                    return;
                }
                tokenPaths.add(path);
                tokenRequests.add(form.replaceAll("client_secret=[^&]*", "client_secret=(checked)")
                        .replaceAll("client_assertion=[^&]*", "client_assertion=(checked)"));
                respond(exchange, 200, Map.of(), "{\"token_type\":\"Bearer\",\"expires_in\":3600,"
                        + "\"ext_expires_in\":3600,\"access_token\":\"" + TOKEN + "\"}");
                return;
            }
            boolean message = "POST".equals(method) && (path.matches("/v1\\.0/teams/[^/]+/channels/[^/]+/messages")
                    || path.matches("/v1\\.0/chats/[^/]+/messages"));
            if (message) {
                postMessage(exchange, path);
                return;
            }
            if ("GET".equals(method) && (path.startsWith("/v1.0/chats/") || path.startsWith("/v1.0/teams/"))) {
                nameLookups.add(path);
                String found = names.get(path);
                if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    respond(exchange, 401, Map.of(), "{\"error\":{\"code\":\"InvalidAuthenticationToken\","
                            + "\"message\":\"Access token is empty.\"}}");
                } else if (found == null) {
                    respond(exchange, 404, Map.of(), "{\"error\":{\"code\":\"NotFound\",\"message\":\"no such "
                            + "chat, team or channel\"}}");
                } else {
                    respond(exchange, 200, Map.of(), found);
                }
                return;
            }
            if (!"GET".equals(method) || !path.equals("/v1.0/users")) {
                otherRequests.incrementAndGet();
                respond(exchange, 404, Map.of(), "{\"error\":{\"code\":\"NotFound\",\"message\":\"no such path\"}}");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            received.add(new Received(path, query.get("$filter"), query.get("$select"), query.get("$top"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("ConsistencyLevel"), System.currentTimeMillis()));
            for (Map.Entry<String, java.util.concurrent.CountDownLatch> stall : stalls.entrySet()) {
                if (query.getOrDefault("$filter", "").contains(stall.getKey())) {
                    try {
                        stall.getValue().await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
            Canned next;
            synchronized (this) {
                next = canned.poll();
            }
            if (next != null) {
                answer(exchange, next);
                return;
            }
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, Map.of(), "{\"error\":{\"code\":\"InvalidAuthenticationToken\","
                        + "\"message\":\"Access token is empty.\"}}");
                return;
            }
            respond(exchange, 200, Map.of(), usersJson(query.getOrDefault("$filter", "")));
        }
    }

    /** The on-behalf-of flow: a delegated token for the user's assertion, or a canned refusal. */
    private void onBehalfOf(HttpExchange exchange, String path, Map<String, String> fields) throws IOException {
        String secret = expectedSecret;
        boolean matched = secret == null || secret.equals(fields.get("client_secret"));
        Canned refusal;
        synchronized (this) {
            refusal = exchangeAnswers.poll();
        }
        String issued = refusal == null && matched ? DELEGATED_TOKEN + delegated.incrementAndGet() : null;
        exchanges.add(new Exchange(path, fields.get("grant_type"), fields.get("requested_token_use"),
                fields.get("assertion"), fields.get("scope"), fields.get("client_id"), matched, issued));
        if (refusal != null) {
            answer(exchange, refusal);
            return;
        }
        if (!matched) {
            respond(exchange, 401, Map.of(), "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: "
                    + "Invalid client secret provided.\",\"error_codes\":[7000215]}");
            return;
        }
        respond(exchange, 200, Map.of(), "{\"token_type\":\"Bearer\",\"scope\":" + quote(fields.get("scope"))
                + ",\"expires_in\":3600,\"ext_expires_in\":3600,\"access_token\":\"" + issued + "\"}");
    }

    /** Whether {@code authorization} carries the app's token or a delegated one this fake issued. */
    private boolean issuedHere(String authorization) {
        if (("Bearer " + TOKEN).equals(authorization)) {
            return true;
        }
        return authorization != null && exchanges.stream().anyMatch(e -> e.issued() != null
                && authorization.equals("Bearer " + e.issued()));
    }

    private void postMessage(HttpExchange exchange, String path) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        postAttempts.add(path);
        Canned next;
        synchronized (this) {
            next = canned.poll();
        }
        if (next != null) {
            answer(exchange, next);
            return;
        }
        if (!issuedHere(authorization)) {
            respond(exchange, 401, Map.of(), "{\"error\":{\"code\":\"InvalidAuthenticationToken\","
                    + "\"message\":\"Access token is empty.\"}}");
            return;
        }
        posted.add(new Posted(path, exchange.getRequestURI().getRawPath(), body, authorization,
                System.currentTimeMillis()));
        respond(exchange, 201, Map.of(), "{\"@odata.context\":\"" + baseUrl() + "/$metadata#chatMessage\","
                + "\"id\":\"" + (1_700_000_000_000L + posted.size()) + "\",\"messageType\":\"message\","
                + "\"body\":{\"contentType\":\"html\",\"content\":\"(as posted)\"}}");
    }

    private static void answer(HttpExchange exchange, Canned next) throws IOException {
        if (next.delayMillis() > 0) {
            try {
                Thread.sleep(next.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        respond(exchange, next.status(), next.headers(), next.body());
    }

    private String usersJson(String filter) {
        List<DirectoryUser> matching = new ArrayList<>();
        Matcher address = ADDRESS_FILTER.matcher(filter);
        Matcher name = NAME_FILTER.matcher(filter);
        if (address.matches()) {
            String wanted = address.group(1).replace("''", "'");
            users.stream().filter(u -> wanted.equalsIgnoreCase(u.mail()) || wanted.equalsIgnoreCase(
                    u.userPrincipalName())).forEach(matching::add);
        } else if (name.matches()) {
            String prefix = name.group(1).replace("''", "'").toLowerCase(Locale.ROOT);
            users.stream().filter(u -> u.displayName().toLowerCase(Locale.ROOT).startsWith(prefix))
                    .forEach(matching::add);
        }
        StringBuilder json = new StringBuilder("{\"@odata.context\":\"" + baseUrl() + "/$metadata#users\",\"value\":[");
        for (int i = 0; i < matching.size(); i++) {
            DirectoryUser u = matching.get(i);
            json.append(i == 0 ? "" : ",").append("{\"id\":").append(quote(u.id())).append(",\"displayName\":")
                    .append(quote(u.displayName())).append(",\"mail\":").append(quote(u.mail()))
                    .append(",\"userPrincipalName\":").append(quote(u.userPrincipalName())).append('}');
        }
        return json.append("]}").toString();
    }

    @Override
    public void close() {
        FakeHttp.stop(server, login);
    }
}
