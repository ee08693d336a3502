package io.boardclerk.graph.fake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Microsoft Graph's files API, routes on a {@link FakeGraphServer}: {@code /shares/{id}/driveItem},
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

    private static final String GRAPH = "graph";
    private static final String ROOT_SITE = "/v1.0/sites/root";

    private final FakeGraphServer graph;
    private final Map<String, FolderEntry> byUrl = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Chunk> chunks = new CopyOnWriteArrayList<>();
    private final List<Stored> stored = new CopyOnWriteArrayList<>();
    private final List<String> uploadRequests = new CopyOnWriteArrayList<>();
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
        graph = new FakeGraphServer(FakeGraph.TOKEN)
                .onEvery(this::record)
                .route(null, "/upload/(\\d+)", null, call -> upload(call, Integer.parseInt(call.group(1))))
                .route("GET", "/v1\\.0/sites/root", null, this::rootSite)
                .route("GET", "/v1\\.0/shares/([^/]+)/driveItem", GRAPH, this::share)
                .route("PUT", "/v1\\.0/drives/([^/]+)/items/([^/:]+):/(.+):/content", GRAPH, this::content)
                .route("POST", "/v1\\.0/drives/([^/]+)/items/([^/:]+):/(.+):/createUploadSession", GRAPH,
                        this::session)
                .otherwise(FakeDrive::notFound);
    }

    public String baseUrl() {
        return graph.baseUrl();
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
    public FakeDrive fail(int status, Map<String, String> headers, String body) {
        graph.queue(GRAPH, status, headers, body, 0);
        return this;
    }

    /** The next Graph request is answered with this after {@code delayMillis}. */
    public FakeDrive slow(long delayMillis, int status, String body) {
        graph.queue(GRAPH, status, Map.of(), body, delayMillis);
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

    /** Every request to a Graph path (not to an upload address) is received, answered or not. */
    private void record(FakeGraphServer.Call call) {
        if (call.path().startsWith("/upload/")) {
            return;
        }
        if ("GET".equals(call.method()) && ROOT_SITE.equals(call.path())) {
            rootRequests.add(new Received(call.method(), call.path(), call.rawPath(), call.rawQuery(),
                    call.authorization(), ""));
            return;
        }
        received.add(new Received(call.method(), call.path(), call.rawPath(), call.rawQuery(), call.authorization(),
                "PUT".equals(call.method()) ? "(" + call.body().length + " bytes)" : call.text()));
    }

    private void rootSite(FakeGraphServer.Call call) throws IOException {
        if (!call.bearer(FakeGraph.TOKEN)) {
            call.unauthorised();
        } else if (rootStatus != 200) {
            call.respond(rootStatus, "{\"error\":{\"code\":\"accessDenied\",\"message\":\"Access denied\"}}");
        } else {
            call.respond(200, "{\"id\":\"" + rootHost + ",root-site,root-web\",\"webUrl\":\"https://" + rootHost
                    + "\",\"siteCollection\":{\"hostname\":\"" + rootHost + "\"}}");
        }
    }

    private void content(FakeGraphServer.Call call) throws IOException {
        if (!call.bearer(FakeGraph.TOKEN)) {
            call.unauthorised();
        } else if (!knownFolder(call.group(1), call.group(2))) {
            notFound(call);
        } else {
            onUpload.run();
            stored.add(new Stored(call.group(1), call.group(2), call.group(3), call.body(), false));
            call.respond(201, item(call.group(3), call.body().length));
        }
    }

    private void session(FakeGraphServer.Call call) throws IOException {
        if (!call.bearer(FakeGraph.TOKEN)) {
            call.unauthorised();
        } else if (!knownFolder(call.group(1), call.group(2))) {
            notFound(call);
        } else if (sessionBodyOverride != null) {
            call.respond(200, sessionBodyOverride);
        } else {
            int id = sessionIds.incrementAndGet();
            sessions.put(id, new Session(call.group(1), call.group(2), call.group(3)));
            call.respond(200, "{\"@odata.context\":\"" + baseUrl() + "/$metadata#microsoft.graph.uploadSession\","
                    + "\"uploadUrl\":\"http://127.0.0.1:" + graph.port() + "/upload/" + id + "\","
                    + "\"expirationDateTime\":\"2026-11-24T09:00:00Z\",\"nextExpectedRanges\":[\"0-\"]}");
        }
    }

    private boolean knownFolder(String driveId, String itemId) {
        return byUrl.values().stream().anyMatch(f -> f.folder() && f.driveId().equals(driveId)
                && f.itemId().equals(itemId));
    }

    private void share(FakeGraphServer.Call call) throws IOException {
        if (!call.bearer(FakeGraph.TOKEN)) {
            call.unauthorised();
            return;
        }
        String id = call.group(1);
        if (!id.startsWith("u!")) {
            call.respond(400, "{\"error\":{\"code\":\"invalidRequest\"}}");
            return;
        }
        String url = new String(Base64.getUrlDecoder().decode(id.substring(2)), StandardCharsets.UTF_8);
        FolderEntry entry = byUrl.get(url);
        if (entry == null) {
            notFound(call);
            return;
        }
        call.respond(200, "{\"id\":\"" + entry.itemId() + "\",\"name\":\"" + entry.name()
                + "\",\"webUrl\":\"" + entry.webUrl().replace(" ", "%20") + "\",\"parentReference\":{\"driveId\":\""
                + entry.driveId() + "\",\"driveType\":\"documentLibrary\"}," + (entry.folder()
                ? "\"folder\":{\"childCount\":3}" : "\"file\":{\"mimeType\":\"application/pdf\"}") + "}");
    }

    private void upload(FakeGraphServer.Call call, int id) throws IOException {
        String method = call.method();
        uploadRequests.add(method + " /upload/" + id);
        Session session = sessions.get(id);
        if (session == null || session.cancelled) {
            notFound(call);
            return;
        }
        if ("DELETE".equals(method)) {
            session.cancelled = true;
            call.respond(204, "");
            return;
        }
        if ("GET".equals(method)) {
            call.respond(200, "{\"expirationDateTime\":\"2026-11-24T09:00:00Z\","
                    + "\"nextExpectedRanges\":[\"" + session.bytes.size() + "-\"]}");
            return;
        }
        byte[] body = call.body();
        String range = call.header("Content-Range");
        chunks.add(new Chunk("/upload/" + id, range, body.length, call.authorization()));
        Canned failure = chunkFailures.get(chunkCount.incrementAndGet());
        if (failure != null && failure.status() != 0) {
            answer(call, failure);
            return;
        }
        Matcher m = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)").matcher(range == null ? "" : range);
        if (!m.matches() || Long.parseLong(m.group(1)) != session.bytes.size()
                || Long.parseLong(m.group(2)) - Long.parseLong(m.group(1)) + 1 != body.length) {
            call.respond(416, "{\"error\":{\"code\":\"invalidRange\"}}");
            return;
        }
        session.bytes.write(body);
        if (failure != null) {
            answer(call, failure);
            return;
        }
        long total = Long.parseLong(m.group(3));
        if (session.bytes.size() == total) {
            stored.add(new Stored(session.driveId, session.folderId, session.name, session.bytes.toByteArray(), true));
            call.respond(201, item(session.name, total));
        } else {
            call.respond(202, "{\"expirationDateTime\":\"2026-11-24T09:00:00Z\","
                    + "\"nextExpectedRanges\":[\"" + session.bytes.size() + "-\"]}");
        }
    }

    private String item(String name, long size) {
        return "{\"id\":\"01FILE" + stored.size() + "\",\"name\":\"" + name.replace("\"", "\\\"") + "\",\"size\":"
                + size + ",\"webUrl\":\"https://fenshire.sharepoint.com/sites/Board/Shared%20Documents/Minutes/"
                + name.replace(" ", "%20").replace("\"", "%22") + "\",\"file\":{}}";
    }

    private static void notFound(FakeGraphServer.Call call) throws IOException {
        call.respond(404, "{\"error\":{\"code\":\"itemNotFound\",\"message\":\"The resource could not "
                + "be found.\"}}");
    }

    /** A chunk's failure: its status after its delay, or (status 0) a late 202. */
    private static void answer(FakeGraphServer.Call call, Canned next) throws IOException {
        if (!FakeGraphServer.pause(next.delayMillis())) {
            return;
        }
        if (next.status() == 0) {
            call.respond(202, "{\"nextExpectedRanges\":[]}");
            return;
        }
        call.respond(next.status(), next.headers(), next.body());
    }

    @Override
    public void close() {
        graph.close();
    }
}
