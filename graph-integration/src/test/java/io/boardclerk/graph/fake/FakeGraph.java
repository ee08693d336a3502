package io.boardclerk.graph.fake;

import java.io.IOException;
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

/**
 * Microsoft Graph's {@code /v1.0/users}, chat and channel names and messages, and a Microsoft identity token endpoint:
 * routes on a {@link FakeGraphServer}. The authority is {@link #authority()}, Graph's base URL {@link #baseUrl()}.
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

    /** A team's membership as Graph lists it: the person's object id, name and roles ("owner", "guest"). */
    public record TeamMember(String userId, String displayName, List<String> roles) {
    }

    public record DirectoryUser(String id, String displayName, String mail, String userPrincipalName) {
    }

    private static final Pattern ADDRESS_FILTER =
            Pattern.compile("mail eq '((?:[^']|'')*)' or userPrincipalName eq '((?:[^']|'')*)'");
    private static final Pattern NAME_FILTER = Pattern.compile("startswith\\(displayName,'((?:[^']|'')*)'\\)");

    /** The queue of answers served first to user lookups and messages. */
    private static final String GRAPH = "graph";
    /** The queue of answers served first to a team's members. */
    private static final String MEMBERS = "members";
    private static final Pattern MEMBER_FILTER =
            Pattern.compile("\\(microsoft\\.graph\\.aadUserConversationMember/userId eq '((?:[^']|'')*)'\\)");

    private final FakeGraphServer graph;
    private final List<DirectoryUser> users = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Posted> posted = new CopyOnWriteArrayList<>();
    private final List<String> postAttempts = new CopyOnWriteArrayList<>();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<String> tokenPaths = new CopyOnWriteArrayList<>();
    private final AtomicInteger otherRequests = new AtomicInteger();
    private final Map<String, java.util.concurrent.CountDownLatch> stalls = new java.util.concurrent.ConcurrentHashMap<>();
    private final Deque<FakeGraphServer.Canned> exchangeAnswers = new ArrayDeque<>();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final AtomicInteger delegated = new AtomicInteger();
    private final Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> nameLookups = new CopyOnWriteArrayList<>();
    private final Map<String, List<TeamMember>> teams = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> memberLookups = new CopyOnWriteArrayList<>();
    private volatile String expectedSecret;
    private volatile String signingKeys;

    public FakeGraph() throws IOException {
        graph = new FakeGraphServer(TOKEN)
                .login(this::login)
                .onEvery(this::arrived)
                .route("GET", "/discovery/v2\\.0/keys", null, this::signingKeys)
                .route("POST", "/v1\\.0/teams/[^/]+/channels/[^/]+/messages", GRAPH, this::postMessage)
                .route("POST", "/v1\\.0/chats/[^/]+/messages", GRAPH, this::postMessage)
                .route("GET", "/v1\\.0/teams/([^/]+)/members", MEMBERS, this::members)
                .route("GET", "/v1\\.0/(chats|teams)/.*", null, this::name)
                .route("GET", "/v1\\.0/users", GRAPH, this::users)
                .otherwise(this::other);
    }

    /**
     * The identity authority, https as azure-identity demands (this JVM is made to trust its certificate): tokens
     * are served at {@code {authority}/{tenant}/oauth2/v2.0/token}.
     */
    public String authority() {
        return graph.authority();
    }

    /** Graph's base URL: plain http on loopback, which the SDK allows for loopback hosts only. */
    public String baseUrl() {
        return graph.baseUrl();
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

    /**
     * A member of the team whose Microsoft 365 group is {@code groupId}, listed at {@code GET
     * /v1.0/teams/{groupId}/members} (honouring a {@code $filter} on the member's userId, as Graph does).
     */
    public FakeGraph teamMember(String groupId, String userId, String displayName, String... roles) {
        teams.computeIfAbsent(groupId, g -> new CopyOnWriteArrayList<>())
                .add(new TeamMember(userId, displayName, List.of(roles)));
        return this;
    }

    /** The next request for a team's members is answered with this, before its own answer. */
    public FakeGraph failMembers(int status, String body) {
        graph.queue(MEMBERS, status, Map.of(), body, 0);
        return this;
    }

    /** Each request for a team's members: its path and {@code $filter}, in order. */
    public List<String> memberLookups() {
        return List.copyOf(memberLookups);
    }

    /** The next Graph request is answered with this, before any user lookup. */
    public FakeGraph fail(int status, Map<String, String> headers, String body) {
        graph.queue(GRAPH, status, headers, body, 0);
        return this;
    }

    /** The next Graph request is answered with this after {@code delayMillis} (a Graph that does not answer in time). */
    public FakeGraph slow(long delayMillis, int status, String body) {
        graph.queue(GRAPH, status, Map.of(), body, delayMillis);
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
        exchangeAnswers.add(new FakeGraphServer.Canned(status, Map.of(), body, 0));
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

    /** The identity authority: its OpenID configuration when published, and the token endpoint. */
    private void login(FakeGraphServer.Call call) throws IOException {
        String path = call.path();
        if ("GET".equals(call.method()) && signingKeys != null
                && path.matches("/[^/]+/v2\\.0/\\.well-known/openid-configuration")) {
            call.respond(200, "{\"issuer\":\"" + authority() + "/{tenantid}/v2.0\",\"jwks_uri\":\"http://127.0.0.1:"
                    + graph.port() + "/discovery/v2.0/keys\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
            return;
        }
        if (!"POST".equals(call.method()) || !path.matches("/[^/]+/oauth2/v2\\.0/token")) {
            other(call);
            return;
        }
        String form = call.text();
        Map<String, String> fields = query(form);
        if ("urn:ietf:params:oauth:grant-type:jwt-bearer".equals(fields.get("grant_type"))) {
            onBehalfOf(call, path, fields);
            return;
        }
        tokenPaths.add(path);
        tokenRequests.add(form.replaceAll("client_secret=[^&]*", "client_secret=(checked)")
                .replaceAll("client_assertion=[^&]*", "client_assertion=(checked)"));
        graph.clientCredentials(call);
    }

    /**
     * Records each user lookup and message attempt as it arrives, before any queued answer; holds a user lookup
     * whose filter is stalled until it is released.
     */
    private void arrived(FakeGraphServer.Call call) {
        if ("GET".equals(call.method()) && call.path().matches("/v1\\.0/teams/[^/]+/members")) {
            memberLookups.add(call.path() + " " + call.query().getOrDefault("$filter", ""));
        }
        if ("POST".equals(call.method()) && call.path().endsWith("/messages")) {
            postAttempts.add(call.path());
        }
        if (!"GET".equals(call.method()) || !call.path().equals("/v1.0/users")) {
            return;
        }
        Map<String, String> query = call.query();
        received.add(new Received(call.path(), query.get("$filter"), query.get("$select"), query.get("$top"),
                call.authorization(), call.header("ConsistencyLevel"), System.currentTimeMillis()));
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
    }

    private void signingKeys(FakeGraphServer.Call call) throws IOException {
        if (signingKeys == null) {
            other(call);
            return;
        }
        call.respond(200, signingKeys);
    }

    /** A chat's, team's or channel's name. */
    private void name(FakeGraphServer.Call call) throws IOException {
        nameLookups.add(call.path());
        String found = names.get(call.path());
        if (!call.bearer(TOKEN)) {
            call.unauthorised();
        } else if (found == null) {
            call.respond(404, FakeGraphServer.error("NotFound", "no such chat, team or channel"));
        } else {
            call.respond(200, found);
        }
    }

    /** A team's members, filtered by userId when the request says; 404 for a team this fake does not hold. */
    private void members(FakeGraphServer.Call call) throws IOException {
        if (!call.bearer(TOKEN)) {
            call.unauthorised();
            return;
        }
        List<TeamMember> members = teams.get(call.group(1));
        if (members == null) {
            call.respond(404, FakeGraphServer.error("NotFound", "No team found with Group Id " + call.group(1)));
            return;
        }
        Matcher filter = MEMBER_FILTER.matcher(call.query().getOrDefault("$filter", ""));
        String wanted = filter.matches() ? filter.group(1).replace("''", "'") : null;
        StringBuilder json = new StringBuilder("{\"@odata.context\":\"" + baseUrl()
                + "/$metadata#teams('" + call.group(1) + "')/members\",\"@odata.count\":1,\"value\":[");
        String separator = "";
        for (TeamMember member : members) {
            if (wanted != null && !wanted.equalsIgnoreCase(member.userId())) {
                continue;
            }
            json.append(separator).append("{\"@odata.type\":\"#microsoft.graph.aadUserConversationMember\",")
                    .append("\"id\":").append(quote("membership-" + member.userId())).append(",\"roles\":[")
                    .append(String.join(",", member.roles().stream().map(FakeHttp::quote).toList()))
                    .append("],\"displayName\":").append(quote(member.displayName())).append(",\"userId\":")
                    .append(quote(member.userId())).append('}');
            separator = ",";
        }
        call.respond(200, json.append("]}").toString());
    }

    private void users(FakeGraphServer.Call call) throws IOException {
        if (!call.bearer(TOKEN)) {
            call.unauthorised();
            return;
        }
        call.respond(200, usersJson(call.query().getOrDefault("$filter", "")));
    }

    /** Anything else (instance discovery, for one): counted, and answered 404. */
    private void other(FakeGraphServer.Call call) throws IOException {
        otherRequests.incrementAndGet();
        call.respond(404, FakeGraphServer.error("NotFound", "no such path"));
    }

    /** The on-behalf-of flow: a delegated token for the user's assertion, or a canned refusal. */
    private void onBehalfOf(FakeGraphServer.Call call, String path, Map<String, String> fields) throws IOException {
        String secret = expectedSecret;
        boolean matched = secret == null || secret.equals(fields.get("client_secret"));
        FakeGraphServer.Canned refusal;
        synchronized (this) {
            refusal = exchangeAnswers.poll();
        }
        String issued = refusal == null && matched ? DELEGATED_TOKEN + delegated.incrementAndGet() : null;
        exchanges.add(new Exchange(path, fields.get("grant_type"), fields.get("requested_token_use"),
                fields.get("assertion"), fields.get("scope"), fields.get("client_id"), matched, issued));
        if (refusal != null) {
            FakeGraphServer.serve(call, refusal);
            return;
        }
        if (!matched) {
            call.respond(401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: "
                    + "Invalid client secret provided.\",\"error_codes\":[7000215]}");
            return;
        }
        call.respond(200, "{\"token_type\":\"Bearer\",\"scope\":" + quote(fields.get("scope"))
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

    private void postMessage(FakeGraphServer.Call call) throws IOException {
        String authorization = call.authorization();
        if (!issuedHere(authorization)) {
            call.unauthorised();
            return;
        }
        posted.add(new Posted(call.path(), call.rawPath(), call.text(), authorization, System.currentTimeMillis()));
        call.respond(201, "{\"@odata.context\":\"" + baseUrl() + "/$metadata#chatMessage\","
                + "\"id\":\"" + (1_700_000_000_000L + posted.size()) + "\",\"messageType\":\"message\","
                + "\"body\":{\"contentType\":\"html\",\"content\":\"(as posted)\"}}");
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
        graph.close();
    }
}
