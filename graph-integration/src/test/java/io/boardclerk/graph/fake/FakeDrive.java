package io.boardclerk.graph.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.boardclerk.graph.fake.FakeHttp.respond;

/**
 * Microsoft Graph's files API on loopback, for tests that drive the real Graph SDK: {@code /shares/{id}/driveItem},
 * the simple upload ({@code PUT /drives/{d}/items/{parent}:/{name}:/content}), {@code createUploadSession}, and the
 * session's pre-authenticated upload address ({@code /upload/{n}} on the same host, so a token sent there would be
 * seen). Tokens come from a {@link FakeGraph}'s identity endpoint: point the SDK's authority there and its base URL
 * at {@link #baseUrl()}.
 */
public final class FakeDrive implements AutoCloseable {

    /** A request to a Graph path (not an upload address). */
    public record Received(String method, String path, String rawPath, String query, String authorization,
                           String body) {
    }

    /** A chunk sent to an upload address. */
    public record Chunk(String path, String contentRange, int length, String authorization) {
    }

    /** A file as it arrived: where, its bytes, how. */
    public record Stored(String driveId, String folderId, String name, byte[] bytes, boolean viaSession) {
    }

    private record Canned(int status, Map<String, String> headers, String body, long delayMillis) {
    }

    private record FolderEntry(String driveId, String itemId, String name, String webUrl, boolean folder) {
    }

    private static final Pattern SHARES = Pattern.compile("/v1\\.0/shares/([^/]+)/driveItem");
    private static final Pattern CONTENT = Pattern.compile("/v1\\.0/drives/([^/]+)/items/([^/:]+):/(.+):/content");
    private static final Pattern SESSION = Pattern.compile(
            "/v1\\.0/drives/([^/]+)/items/([^/:]+):/(.+):/createUploadSession");
    private static final Pattern UPLOAD = Pattern.compile("/upload/(\\d+)");
    private static final String ROOT_SITE = "/v1.0/sites/root";

    private final HttpServer server;
    private final Map<String, FolderEntry> byUrl = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Chunk> chunks = new CopyOnWriteArrayList<>();
    private final List<Stored> stored = new CopyOnWriteArrayList<>();
    private final List<String> uploadRequests = new CopyOnWriteArrayList<>();
    private final Deque<Canned> canned = new ArrayDeque<>();
    private final Map<Integer, Canned> chunkFailures = new ConcurrentHashMap<>();
    private final AtomicInteger chunkCount = new AtomicInteger();
    private final Map<Integer, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger sessionIds = new AtomicInteger();
    private volatile String sessionBodyOverride;
    private volatile Runnable onUpload = () -> { };
    private volatile String rootHost = "fenshire.sharepoint.com";
    private volatile int rootStatus = 200;
    private final List<Received> rootRequests = new CopyOnWriteArrayList<>();

    private static final class Session {
        final String driveId;
        final String folderId;
        final String name;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean cancelled;

        Session(String driveId, String folderId, String name) {
            this.driveId = driveId;
            this.folderId = folderId;
            this.name = name;
        }
    }

    public FakeDrive() throws IOException {
        server = FakeHttp.graph(this::handle);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0";
    }

    /** A folder that {@code /shares} finds by {@code url} (the address exactly as the app encodes it). */
    public FakeDrive folder(String url, String driveId, String itemId, String name) {
        byUrl.put(url, new FolderEntry(driveId, itemId, name, url, true));
        return this;
    }

    /** A file (not a folder) at {@code url}. */
    public FakeDrive file(String url, String driveId, String itemId, String name) {
        byUrl.put(url, new FolderEntry(driveId, itemId, name, url, false));
        return this;
    }

    /**
     * The host of the organisation's root site, as {@code GET /sites/root} names it (default
     * {@code fenshire.sharepoint.com}). That request is answered apart from the others: neither {@link #fail} nor
     * {@link #received} sees it ({@link #rootRequests} does).
     */
    public FakeDrive rootHost(String host) {
        this.rootHost = host;
        return this;
    }

    /** {@code GET /sites/root} is answered with this status from now on (403: the app was not granted the site). */
    public FakeDrive rootStatus(int status) {
        this.rootStatus = status;
        return this;
    }

    public List<Received> rootRequests() {
        return List.copyOf(rootRequests);
    }

    /** The next Graph request (not an upload address) is answered with this. */
    public synchronized FakeDrive fail(int status, Map<String, String> headers, String body) {
        canned.add(new Canned(status, headers, body, 0));
        return this;
    }

    /** The next Graph request is answered with this after {@code delayMillis}. */
    public synchronized FakeDrive slow(long delayMillis, int status, String body) {
        canned.add(new Canned(status, Map.of(), body, delayMillis));
        return this;
    }

    /** The {@code n}th chunk sent to any upload address (counting from 1) is answered with this, unstored. */
    public FakeDrive failChunk(int n, int status, Map<String, String> headers) {
        chunkFailures.put(n, new Canned(status, headers, "{\"error\":{\"code\":\"serviceNotAvailable\"}}", 0));
        return this;
    }

    /** The {@code n}th chunk is stored but answered only after {@code delayMillis} (a client timing out). */
    public FakeDrive slowChunk(int n, long delayMillis) {
        chunkFailures.put(n, new Canned(0, Map.of(), "", delayMillis));
        return this;
    }

    /** createUploadSession answers with this body instead of a session. */
    public FakeDrive sessionBody(String body) {
        this.sessionBodyOverride = body;
        return this;
    }

    /** Runs while a simple upload is being received, before it is answered (to look at the caller's state then). */
    public FakeDrive onUpload(Runnable check) {
        this.onUpload = check;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Chunk> chunks() {
        return List.copyOf(chunks);
    }

    public List<Stored> stored() {
        return List.copyOf(stored);
    }

    /** Every request to an upload address: "METHOD /upload/n". */
    public List<String> uploadRequests() {
        return List.copyOf(uploadRequests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Matcher upload = UPLOAD.matcher(path);
            if (upload.matches()) {
                upload(exchange, method, Integer.parseInt(upload.group(1)));
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if ("GET".equals(method) && ROOT_SITE.equals(path)) {
                rootRequests.add(new Received(method, path, exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(), authorization, ""));
                rootSite(exchange, authorization);
                return;
            }
            received.add(new Received(method, path, exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), authorization,
                    "PUT".equals(method) ? "(" + body.length + " bytes)" : new String(body, StandardCharsets.UTF_8)));
            Canned next;
            synchronized (this) {
                next = canned.poll();
            }
            if (next != null) {
                answer(exchange, next);
                return;
            }
            if (!("Bearer " + FakeGraph.TOKEN).equals(authorization)) {
                respond(exchange, 401, Map.of(), "{\"error\":{\"code\":\"InvalidAuthenticationToken\"}}");
                return;
            }
            Matcher shares = SHARES.matcher(path);
            Matcher content = CONTENT.matcher(path);
            Matcher session = SESSION.matcher(path);
            if ("GET".equals(method) && shares.matches()) {
                share(exchange, shares.group(1));
            } else if ("PUT".equals(method) && content.matches()) {
                if (!knownFolder(content.group(1), content.group(2))) {
                    notFound(exchange);
                    return;
                }
                onUpload.run();
                stored.add(new Stored(content.group(1), content.group(2), content.group(3), body, false));
                respond(exchange, 201, Map.of(), item(content.group(3), body.length));
            } else if ("POST".equals(method) && session.matches()) {
                if (!knownFolder(session.group(1), session.group(2))) {
                    notFound(exchange);
                    return;
                }
                if (sessionBodyOverride != null) {
                    respond(exchange, 200, Map.of(), sessionBodyOverride);
                    return;
                }
                int id = sessionIds.incrementAndGet();
                sessions.put(id, new Session(session.group(1), session.group(2), session.group(3)));
                respond(exchange, 200, Map.of(), "{\"@odata.context\":\"" + baseUrl()
                        + "/$metadata#microsoft.graph.uploadSession\",\"uploadUrl\":\"http://127.0.0.1:"
                        + server.getAddress().getPort() + "/upload/" + id + "\",\"expirationDateTime\":"
                        + "\"2026-11-24T09:00:00Z\",\"nextExpectedRanges\":[\"0-\"]}");
            } else {
                notFound(exchange);
            }
        }
    }

    private void rootSite(HttpExchange exchange, String authorization) throws IOException {
        if (!("Bearer " + FakeGraph.TOKEN).equals(authorization)) {
            respond(exchange, 401, Map.of(), "{\"error\":{\"code\":\"InvalidAuthenticationToken\"}}");
        } else if (rootStatus != 200) {
            respond(exchange, rootStatus, Map.of(), "{\"error\":{\"code\":\"accessDenied\",\"message\":\"Access"
                    + " denied\"}}");
        } else {
            respond(exchange, 200, Map.of(), "{\"id\":\"" + rootHost + ",root-site,root-web\",\"webUrl\":\"https://"
                    + rootHost + "\",\"siteCollection\":{\"hostname\":\"" + rootHost + "\"}}");
        }
    }

    private boolean knownFolder(String driveId, String itemId) {
        return byUrl.values().stream().anyMatch(f -> f.folder() && f.driveId().equals(driveId)
                && f.itemId().equals(itemId));
    }

    private void share(HttpExchange exchange, String id) throws IOException {
        if (!id.startsWith("u!")) {
            respond(exchange, 400, Map.of(), "{\"error\":{\"code\":\"invalidRequest\"}}");
            return;
        }
        String url = new String(Base64.getUrlDecoder().decode(id.substring(2)), StandardCharsets.UTF_8);
        FolderEntry entry = byUrl.get(url);
        if (entry == null) {
            notFound(exchange);
            return;
        }
        respond(exchange, 200, Map.of(), "{\"id\":\"" + entry.itemId() + "\",\"name\":\"" + entry.name()
                + "\",\"webUrl\":\"" + entry.webUrl().replace(" ", "%20") + "\",\"parentReference\":{\"driveId\":\""
                + entry.driveId() + "\",\"driveType\":\"documentLibrary\"}," + (entry.folder()
                ? "\"folder\":{\"childCount\":3}" : "\"file\":{\"mimeType\":\"application/pdf\"}") + "}");
    }

    private void upload(HttpExchange exchange, String method, int id) throws IOException {
        uploadRequests.add(method + " /upload/" + id);
        Session session = sessions.get(id);
        if (session == null || session.cancelled) {
            notFound(exchange);
            return;
        }
        if ("DELETE".equals(method)) {
            session.cancelled = true;
            respond(exchange, 204, Map.of(), "");
            return;
        }
        if ("GET".equals(method)) {
            respond(exchange, 200, Map.of(), "{\"expirationDateTime\":\"2026-11-24T09:00:00Z\","
                    + "\"nextExpectedRanges\":[\"" + session.bytes.size() + "-\"]}");
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        String range = exchange.getRequestHeaders().getFirst("Content-Range");
        chunks.add(new Chunk("/upload/" + id, range, body.length,
                exchange.getRequestHeaders().getFirst("Authorization")));
        Canned failure = chunkFailures.get(chunkCount.incrementAndGet());
        if (failure != null && failure.status() != 0) {
            answer(exchange, failure);
            return;
        }
        Matcher m = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)").matcher(range == null ? "" : range);
        if (!m.matches() || Long.parseLong(m.group(1)) != session.bytes.size()
                || Long.parseLong(m.group(2)) - Long.parseLong(m.group(1)) + 1 != body.length) {
            respond(exchange, 416, Map.of(), "{\"error\":{\"code\":\"invalidRange\"}}");
            return;
        }
        session.bytes.write(body);
        if (failure != null) {
            answer(exchange, failure);
            return;
        }
        long total = Long.parseLong(m.group(3));
        if (session.bytes.size() == total) {
            stored.add(new Stored(session.driveId, session.folderId, session.name, session.bytes.toByteArray(), true));
            respond(exchange, 201, Map.of(), item(session.name, total));
        } else {
            respond(exchange, 202, Map.of(), "{\"expirationDateTime\":\"2026-11-24T09:00:00Z\","
                    + "\"nextExpectedRanges\":[\"" + session.bytes.size() + "-\"]}");
        }
    }

    private String item(String name, long size) {
        return "{\"id\":\"01FILE" + stored.size() + "\",\"name\":\"" + name.replace("\"", "\\\"") + "\",\"size\":"
                + size + ",\"webUrl\":\"https://fenshire.sharepoint.com/sites/Board/Shared%20Documents/Minutes/"
                + name.replace(" ", "%20").replace("\"", "%22") + "\",\"file\":{}}";
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        respond(exchange, 404, Map.of(), "{\"error\":{\"code\":\"itemNotFound\",\"message\":\"The resource could not "
                + "be found.\"}}");
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
        if (next.status() == 0) {
            respond(exchange, 202, Map.of(), "{\"nextExpectedRanges\":[]}");
            return;
        }
        respond(exchange, next.status(), next.headers(), next.body());
    }

    @Override
    public void close() {
        FakeHttp.stop(server);
    }
}
