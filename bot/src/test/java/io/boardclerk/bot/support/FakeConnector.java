package io.boardclerk.bot.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Bot Connector on loopback, as Teams' service URL would be: it serves conversation rosters (paged), takes the
 * bot's replies and records them, and issues client-credentials tokens as a login authority would.
 */
public final class FakeConnector implements AutoCloseable {

    public static final String BOT_TOKEN = "fake-outbound-bot-token";

    /**
     * A message the bot posted, with the Authorization header it carried, the activity it replied to (null for a new
     * message) and its size on the wire.
     */
    public record Sent(String conversationId, JsonNode activity, String authorization, String inReplyTo, int bytes) {
        public String text() {
            return activity.path("text").asText();
        }

        /** The Adaptive Card the message carries, or null for a text message. */
        public JsonNode card() {
            JsonNode attachment = activity.path("attachments").path(0);
            return "application/vnd.microsoft.card.adaptive".equals(attachment.path("contentType").asText())
                    ? attachment.path("content") : null;
        }
    }

    /** A proactive request the bot made ({@code POST /v3/conversations} or a post into a personal chat), when. */
    public record Proactive(long nanos, String path, String conversationId, JsonNode body, String authorization) {
        /** The member a create-conversation call named. */
        public String member() {
            return body.path("members").path(0).path("id").asText();
        }
    }

    /**
     * What the connector answers to a proactive request instead of succeeding: a status with an optional
     * Retry-After, or no answer at all ({@code hang}).
     */
    public record Canned(int status, String retryAfter, boolean hang) {
        public static Canned status(int status) {
            return new Canned(status, null, false);
        }

        public static Canned throttled(String retryAfter) {
            return new Canned(429, retryAfter, false);
        }

        public static Canned noAnswer() {
            return new Canned(0, null, true);
        }
    }

    /** Decides, for each proactive request, whether to fail it (a {@link Canned} answer) or let it through (null). */
    public interface Script {
        Canned answer(Proactive request);
    }

    /** A roster member as the connector lists it. */
    public record Member(String id, String name, String aadObjectId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ACTIVITIES = Pattern.compile("/v3/conversations/([^/]+)/activities(?:/([^/]+))?");
    private static final Pattern MEMBERS = Pattern.compile("/v3/conversations/([^/]+)/pagedmembers");

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor = Executors.newFixedThreadPool(8);
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Sent> edited = new CopyOnWriteArrayList<>();
    private final Map<String, List<Member>> rosters = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, String> userRoles = new ConcurrentHashMap<>();
    private final Map<String, String> memberTenants = new ConcurrentHashMap<>();
    private final AtomicInteger rosterRequests = new AtomicInteger();
    private volatile int rosterPageSize = 2;
    private volatile int replyStatus = 200;
    private volatile String signingKeys;
    private final Map<String, String> meetings = new ConcurrentHashMap<>();
    private final List<String> meetingRequests = new CopyOnWriteArrayList<>();
    private final List<Proactive> proactive = new CopyOnWriteArrayList<>();
    private final List<Proactive> created = new CopyOnWriteArrayList<>();
    private volatile Script script = request -> null;

    static {
        // The JDK server writes a response's headers and body separately; with Nagle's algorithm on, the body
        // waits for the client's delayed acknowledgement (~40 ms), which no real connector adds.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public FakeConnector() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String serviceUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** This connector as a BOARDCLERK_SERVICE_URL_HOSTS entry: its loopback host and port. */
    public String hostEntry() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** The login authority to configure (tokens are served under it). */
    public String authority() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/login";
    }

    public void roster(String conversationId, Member... members) {
        rosters.put(conversationId, List.of(members));
    }

    /**
     * Publishes Entra ID's OpenID configuration under the authority, as login.microsoftonline.com does, with these
     * signing keys (a JWK set): what Teams single sign-on tokens are checked against.
     */
    /** Teams' meeting details ({@code GET /v1/meetings/{id}}): the JSON answered for that meeting id. */
    public void meetingDetails(String meetingId, String json) {
        meetings.put(meetingId, json);
    }

    /** The meeting-details requests received, as "path|Authorization". */
    public List<String> meetingRequests() {
        return List.copyOf(meetingRequests);
    }

    public void publishSigningKeys(String jwkSet) {
        this.signingKeys = jwkSet;
    }

    /** How many members each roster page holds, to exercise continuation tokens. */
    /** Makes the connector answer every reply with this status (200 restores it). */
    public void replyStatus(int status) {
        this.replyStatus = status;
    }

    /** Scripts the answers to proactive requests (null from the script: succeed as usual). */
    public void script(Script script) {
        this.script = script;
    }

    /** Every proactive request, in the order they arrived, whatever the answer. */
    public List<Proactive> proactive() {
        return List.copyOf(proactive);
    }

    /** The create-conversation calls that succeeded. */
    public List<Proactive> created() {
        return List.copyOf(created);
    }

    /** The personal conversation id this connector gives {@code memberId}: the same one every time, as Teams does. */
    public static String personalConversationId(String memberId) {
        return "a:personal-" + memberId.replace(':', '-');
    }

    public void rosterPageSize(int size) {
        rosterPageSize = size;
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The bot's edits of its own messages (PUT), each with the id of the message edited in {@code inReplyTo}. */
    public List<Sent> edited() {
        return List.copyOf(edited);
    }

    public List<Sent> sentTo(String conversationId) {
        return sent.stream().filter(s -> s.conversationId().equals(conversationId)).toList();
    }

    /** Lists the member as Teams lists a guest ({@code userRole} guest). */
    public void guest(String memberId) {
        userRoles.put(memberId, "guest");
    }

    /** Lists the member as belonging to another organisation (a federated user): their own tenant id. */
    public void federated(String memberId, String tenantId) {
        memberTenants.put(memberId, tenantId);
    }

    /** Every request this connector received, of any kind (token, roster, reply, proactive). */
    public int requests() {
        return requests.get();
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    public int rosterRequests() {
        return rosterRequests.get();
    }

    public void clear() {
        sent.clear();
        edited.clear();
        proactive.clear();
        created.clear();
    }

    /** Waits until at least {@code count} replies have reached the conversation. */
    public List<Sent> awaitSent(String conversationId, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sentTo(conversationId).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return sentTo(conversationId);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Matcher activities = ACTIVITIES.matcher(path);
            Matcher members = MEMBERS.matcher(path);
            if (method.equals("POST") && path.startsWith("/login/") && path.endsWith("/oauth2/v2.0/token")) {
                tokenRequests.incrementAndGet();
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (!form.contains("grant_type=client_credentials") || !form.contains("client_secret=")) {
                    respond(exchange, 400, "{\"error\":\"invalid_request\"}");
                    return;
                }
                respond(exchange, 200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"access_token\":\""
                        + BOT_TOKEN + "\"}");
            } else if (method.equals("GET") && signingKeys != null && path.startsWith("/login/")
                    && path.endsWith("/v2.0/.well-known/openid-configuration")) {
                respond(exchange, 200, "{\"issuer\":\"" + authority() + "/{tenantid}/v2.0\",\"jwks_uri\":\""
                        + authority() + "/common/discovery/v2.0/keys\",\"id_token_signing_alg_values_supported\":"
                        + "[\"RS256\"]}");
            } else if (method.equals("GET") && signingKeys != null
                    && path.equals("/login/common/discovery/v2.0/keys")) {
                respond(exchange, 200, signingKeys);
            } else if (method.equals("POST") && path.equals("/v3/conversations")) {
                JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
                Proactive request = new Proactive(System.nanoTime(), path, null, body,
                        exchange.getRequestHeaders().getFirst("Authorization"));
                proactive.add(request);
                if (!canned(exchange, request)) {
                    created.add(request);
                    respond(exchange, 201, JSON.createObjectNode().put("id",
                            personalConversationId(request.member())).put("activityId", "").toString());
                }
            } else if (method.equals("POST") && activities.matches() && URLDecoder.decode(activities.group(1), StandardCharsets.UTF_8).startsWith("a:")
                    && activities.group(2) == null && personal(exchange, activities)) {
                return;
            } else if (method.equals("POST") && activities.matches() && replyStatus != 200) {
                exchange.getRequestBody().readAllBytes();
                respond(exchange, replyStatus, "{\"error\":{\"code\":\"ServiceError\"}}");
            } else if (method.equals("POST") && activities.matches()) {
                String conversation = URLDecoder.decode(activities.group(1), StandardCharsets.UTF_8);
                byte[] bytes = exchange.getRequestBody().readAllBytes();
                JsonNode body = JSON.readTree(bytes);
                String inReplyTo = activities.group(2) == null ? null
                        : URLDecoder.decode(activities.group(2), StandardCharsets.UTF_8);
                sent.add(new Sent(conversation, body, exchange.getRequestHeaders().getFirst("Authorization"),
                        inReplyTo, bytes.length));
                respond(exchange, 200, "{\"id\":\"reply-" + ids.incrementAndGet() + "\"}");
            } else if (method.equals("PUT") && activities.matches() && activities.group(2) != null) {
                byte[] bytes = exchange.getRequestBody().readAllBytes();
                edited.add(new Sent(URLDecoder.decode(activities.group(1), StandardCharsets.UTF_8),
                        JSON.readTree(bytes), exchange.getRequestHeaders().getFirst("Authorization"),
                        URLDecoder.decode(activities.group(2), StandardCharsets.UTF_8), bytes.length));
                respond(exchange, 200, "{\"id\":\"" + activities.group(2) + "\"}");
            } else if (method.equals("GET") && path.startsWith("/v1/meetings/")) {
                String id = URLDecoder.decode(exchange.getRequestURI().getRawPath().substring("/v1/meetings/"
                        .length()), StandardCharsets.UTF_8);
                meetingRequests.add(exchange.getRequestURI().getRawPath() + "|"
                        + exchange.getRequestHeaders().getFirst("Authorization"));
                String details = meetings.get(id);
                respond(exchange, details == null ? 404 : 200, details == null
                        ? "{\"error\":{\"code\":\"NotFound\"}}" : details);
            } else if (method.equals("GET") && members.matches()) {
                rosterRequests.incrementAndGet();
                String conversation = URLDecoder.decode(members.group(1), StandardCharsets.UTF_8);
                respond(exchange, 200, page(conversation, query(exchange, "continuationToken")));
            } else {
                respond(exchange, 404, "{\"error\":\"not found\"}");
            }
        }
    }

    /**
     * A post into a personal chat (ids "a:..."): recorded among the proactive requests, answered by the script,
     * and when it succeeds also recorded as sent.
     */
    private boolean personal(HttpExchange exchange, Matcher activities) throws IOException {
        String conversation = URLDecoder.decode(activities.group(1), StandardCharsets.UTF_8);
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        JsonNode body = JSON.readTree(bytes);
        Proactive request = new Proactive(System.nanoTime(), activities.group(0), conversation, body,
                exchange.getRequestHeaders().getFirst("Authorization"));
        proactive.add(request);
        if (canned(exchange, request)) {
            return true;
        }
        sent.add(new Sent(conversation, body, exchange.getRequestHeaders().getFirst("Authorization"), null,
                bytes.length));
        respond(exchange, 201, "{\"id\":\"reply-" + ids.incrementAndGet() + "\"}");
        return true;
    }

    /** Answers as the script says; false when it lets the request through. */
    private boolean canned(HttpExchange exchange, Proactive request) throws IOException {
        Canned canned = script.answer(request);
        if (canned == null) {
            return false;
        }
        if (canned.hang()) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        }
        if (canned.retryAfter() != null) {
            exchange.getResponseHeaders().set("Retry-After", canned.retryAfter());
        }
        respond(exchange, canned.status(), "{\"error\":{\"code\":\"Canned\",\"message\":\"scripted\"}}");
        return true;
    }

    private String page(String conversation, String continuation) {
        List<Member> all = rosters.getOrDefault(conversation, List.of());
        int from = continuation == null ? 0 : Integer.parseInt(continuation);
        int to = Math.min(all.size(), from + rosterPageSize);
        ObjectNode page = JSON.createObjectNode();
        ArrayNode list = page.putArray("members");
        for (Member m : all.subList(from, to)) {
            ObjectNode node = list.addObject();
            node.put("id", m.id());
            node.put("name", m.name());
            node.put("aadObjectId", m.aadObjectId());
            node.put("email", m.name().toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@fenshire.example");
            node.put("userRole", userRoles.getOrDefault(m.id(), "user"));
            node.put("userPrincipalName", m.name().toLowerCase(java.util.Locale.ROOT).replace(' ', '.')
                    + "@fenshire.example");
            if (memberTenants.containsKey(m.id())) {
                node.put("tenantId", memberTenants.get(m.id()));
            }
            if (m.aadObjectId() == null) {
                node.remove("aadObjectId");
            }
        }
        if (to < all.size()) {
            page.put("continuationToken", String.valueOf(to));
        }
        return page.toString();
    }

    private static String query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name) && kv.length == 2) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    public static List<Member> members(String... idAndNames) {
        List<Member> out = new ArrayList<>();
        for (int i = 0; i < idAndNames.length; i += 2) {
            out.add(new Member(idAndNames[i], idAndNames[i + 1], "aad-" + idAndNames[i]));
        }
        return out;
    }
}
