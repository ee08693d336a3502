package io.boardclerk.graph;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.graph.drives.item.items.item.createuploadsession.CreateUploadSessionPostRequestBody;
import com.microsoft.graph.models.DriveItem;
import com.microsoft.graph.models.DriveItemUploadableProperties;
import com.microsoft.graph.models.UploadSession;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * A board's SharePoint folder through Microsoft Graph, as BoardClerk's app: finding the folder a person copied from
 * the browser, and uploading Word documents into it.
 *
 * <p>The folder is found through {@code GET /shares/u!{base64url of the address}/driveItem}, which takes any address
 * of a SharePoint or OneDrive item and answers with the item, its drive and whether it is a folder; BoardClerk keeps
 * the drive id and item id, which outlive renames of the folder's path. Before that, the address's host must be one of
 * the organisation's own SharePoint hosts ({@link TenantSharePointHosts}); another is {@link OutsideTenant}, and Graph
 * is not asked about it.
 *
 * <p>Files up to {@link #SIMPLE_UPLOAD_LIMIT} go in one {@code PUT .../items/{parent}:/{name}:/content}; larger ones
 * through an upload session ({@code createUploadSession}), sent in chunks that are multiples of 320 KiB as Graph
 * requires. The session's upload address is pre-authenticated: Graph's documentation says not to send the app's
 * token with it, so the chunks go through a plain HTTP client, not the SDK's (whose authentication provider would add
 * the token to any address on Graph's host). A chunk that fails is resumed from the session's
 * {@code nextExpectedRanges}, a bounded number of times. An existing file of the same name is replaced, which keeps
 * its earlier contents in SharePoint's version history.
 *
 * <p>Nothing here throws: every failure is an outcome with one line for the chair, naming the permission when Graph
 * refuses. App-only access needs {@value #PERMISSION} or, narrower, {@value #SELECTED_PERMISSION} with the site
 * granted to BoardClerk.
 */
public final class GraphFiles {

    /** The tenant-wide application permission for reading and writing files in every site. */
    public static final String PERMISSION = "Sites.ReadWrite.All";
    /** The narrower application permission: only the sites an administrator grants BoardClerk, one by one. */
    public static final String SELECTED_PERMISSION = "Sites.Selected";
    /** Graph's limit for a one-request upload; larger files need an upload session. */
    public static final long SIMPLE_UPLOAD_LIMIT = 4L * 1024 * 1024;
    /** Upload session chunks must be multiples of this (320 KiB). */
    public static final int CHUNK_UNIT = 320 * 1024;
    /** The chunk size used: 10 × 320 KiB, inside Graph's 60 MiB per request. */
    public static final int DEFAULT_CHUNK = 10 * CHUNK_UNIT;

    private static final Logger LOG = LoggerFactory.getLogger(GraphFiles.class);

    /** A folder in a SharePoint document library or OneDrive. */
    public record Folder(String driveId, String itemId, String name, String webUrl) {
    }

    /** What finding a folder came to. */
    public sealed interface Resolution {
    }

    /** What an upload came to. */
    public sealed interface Upload {
    }

    public record Found(Folder folder) implements Resolution {
    }

    /** The address names a file, not a folder. */
    public record NotAFolder(String name) implements Resolution {
    }

    /**
     * The file is in the folder.
     *
     * @param session whether it went through an upload session (larger than the simple-upload limit)
     */
    public record Uploaded(String name, String webUrl, long bytes, boolean session) implements Upload {
    }

    /** Graph refused (401 or 403): the line names the permission. */
    public record Refused(int status, String problem) implements Resolution, Upload {
    }

    /** 404: no such folder (deleted, moved out of reach, or never shared with the app). */
    public record NotFound(String problem) implements Resolution, Upload {
    }

    /** 409: something of that name is in the way (a folder, or a file checked out to someone). */
    public record Conflict(String problem) implements Upload {
    }

    /**
     * The address is on a host that is not one of the organisation's own SharePoint hosts ({@code tenantHosts}): another
     * organisation's site, or a sharing link into one. Graph is not asked about it.
     */
    public record OutsideTenant(String host, java.util.List<String> tenantHosts) implements Resolution {
        public OutsideTenant {
            tenantHosts = java.util.List.copyOf(tenantHosts);
        }
    }

    /** Busy after retries, an error, no answer in time, or an answer that could not be read. */
    public record Failed(String problem) implements Resolution, Upload {
    }

    private final GraphClients clients;
    private final long simpleUploadLimit;
    private final int chunkSize;
    private final Sleeper sleeper;
    private final HttpClient uploads;
    private final TenantSharePointHosts tenantHosts;

    public GraphFiles(GraphSettings settings) {
        this(new GraphClients(settings), SIMPLE_UPLOAD_LIMIT, DEFAULT_CHUNK, Sleeper.REAL);
    }

    /**
     * @param simpleUploadLimit files larger than this go through an upload session (tests set it low)
     * @param chunkSize         bytes per chunk of an upload session, a multiple of {@link #CHUNK_UNIT}
     * @param sleeper           waits between tries of a failed chunk; a test's records them instead
     */
    GraphFiles(GraphClients clients, long simpleUploadLimit, int chunkSize, Sleeper sleeper) {
        if (chunkSize <= 0 || chunkSize % CHUNK_UNIT != 0) {
            throw new IllegalArgumentException("an upload chunk must be a multiple of 320 KiB, not " + chunkSize);
        }
        this.clients = clients;
        this.simpleUploadLimit = simpleUploadLimit;
        this.chunkSize = chunkSize;
        this.sleeper = sleeper;
        this.tenantHosts = new TenantSharePointHosts(clients);
        this.uploads = HttpClient.newBuilder().connectTimeout(clients.settings().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** {@code u!} and the address in unpadded base64url: how {@code /shares} takes a sharing or item address. */
    public static String shareId(String url) {
        return "u!" + Base64.getUrlEncoder().withoutPadding().encodeToString(url.getBytes(StandardCharsets.UTF_8));
    }

    /** Finds the folder at {@code url} (a SharePoint or OneDrive address as copied from the browser). */
    public Resolution resolve(String tenantId, String url) {
        String tenant = clients.tenant(tenantId);
        if (tenant.isEmpty()) {
            return new Failed("the board's organisation (tenant) is not known, and MicrosoftAppTenantId is not set.");
        }
        GraphServiceClient client = clients.client(tenant);
        Resolution outside = tenantHosts.refusal(tenant, client, url,
                e -> GraphFileFailures.of(e, "name the organisation's root site"));
        if (outside != null) {
            return outside;
        }
        String id = shareId(url);
        DriveItem item;
        try {
            item = client.shares().bySharedDriveItemId(id).driveItem()
                    .withUrl(clients.settings().baseUrl() + "/shares/" + id + "/driveItem").get();
        } catch (RuntimeException e) {
            return (Resolution) GraphFileFailures.of(e, "find the folder");
        }
        if (item == null || item.getId() == null || item.getParentReference() == null
                || item.getParentReference().getDriveId() == null) {
            LOG.warn("Microsoft Graph's answer for a SharePoint folder had no item or drive id");
            return new Failed("Microsoft Graph's answer could not be read (it named no folder).");
        }
        if (item.getFolder() == null) {
            return new NotAFolder(item.getName() == null ? "" : item.getName());
        }
        return new Found(new Folder(item.getParentReference().getDriveId(), item.getId(),
                item.getName() == null ? "" : item.getName(), item.getWebUrl() == null ? url : item.getWebUrl()));
    }

    /** Uploads {@code bytes} as {@code name} into the folder, replacing a file of that name (kept as a version). */
    public Upload upload(String tenantId, String driveId, String folderId, String name, byte[] bytes) {
        String tenant = clients.tenant(tenantId);
        if (tenant.isEmpty()) {
            return new Failed("the board's organisation (tenant) is not known, and MicrosoftAppTenantId is not set.");
        }
        GraphServiceClient client = clients.client(tenant);
        String item = clients.settings().baseUrl() + "/drives/" + segment(driveId) + "/items/" + segment(folderId)
                + ":/" + segment(name) + ":";
        try {
            if (bytes.length <= simpleUploadLimit) {
                DriveItem put = client.drives().byDriveId(driveId).items().byDriveItemId(folderId).content()
                        .withUrl(item + "/content?@microsoft.graph.conflictBehavior=replace")
                        .put(new ByteArrayInputStream(bytes));
                if (put == null || put.getId() == null) {
                    return new Failed("Microsoft Graph's answer could not be read (the file may or may not have "
                            + "arrived).");
                }
                return new Uploaded(put.getName() == null ? name : put.getName(), put.getWebUrl(), bytes.length,
                        false);
            }
            DriveItemUploadableProperties properties = new DriveItemUploadableProperties();
            properties.setName(name);
            properties.setAdditionalData(new HashMap<>(Map.of("@microsoft.graph.conflictBehavior", "replace")));
            CreateUploadSessionPostRequestBody body = new CreateUploadSessionPostRequestBody();
            body.setItem(properties);
            UploadSession session = client.drives().byDriveId(driveId).items().byDriveItemId(folderId)
                    .createUploadSession().withUrl(item + "/createUploadSession").post(body);
            if (session == null || session.getUploadUrl() == null || !session.getUploadUrl().startsWith("http")) {
                return new Failed("Microsoft Graph's answer could not be read (it gave no upload address).");
            }
            return new ChunkedUpload(session.getUploadUrl(), name, bytes).send();
        } catch (RuntimeException e) {
            return (Upload) GraphFileFailures.of(e, "upload to the folder");
        }
    }

    /** One path segment, percent-encoded (spaces as %20, never +; "!" kept, as in Graph's drive ids "b!..."). */
    static String segment(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%21", "!");
    }

    /**
     * Sends one file through an upload session: chunk after chunk, each with its {@code Content-Range}; after a
     * chunk fails (no answer, 5xx, 429), asks the session which bytes it still expects and goes on from there, at
     * most {@link GraphSettings#maxRetries()} times in all; gives up by deleting the session.
     */
    private final class ChunkedUpload {

        private final String uploadUrl;
        private final String name;
        private final byte[] bytes;
        private int failures;

        ChunkedUpload(String uploadUrl, String name, byte[] bytes) {
            this.uploadUrl = uploadUrl;
            this.name = name;
            this.bytes = bytes;
        }

        Upload send() {
            long offset = 0;
            while (true) {
                int length = (int) Math.min(chunkSize, bytes.length - offset);
                HttpResponse<String> response;
                try {
                    response = uploads.send(HttpRequest.newBuilder(URI.create(uploadUrl))
                            .timeout(clients.settings().timeout())
                            .header("Content-Range", "bytes " + offset + "-" + (offset + length - 1) + "/"
                                    + bytes.length)
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes, (int) offset, length)).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    LOG.warn("A chunk of an upload session got no answer: {}", e.getClass().getSimpleName());
                    response = null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Failed("the upload was interrupted.");
                }
                int status = response == null ? 0 : response.statusCode();
                if (status == 200 || status == 201) {
                    return done(response.body());
                }
                if (status == 202) {
                    Long next = nextExpected(response.body());
                    if (next == null || next <= offset) {
                        cancel();
                        return new Failed("Microsoft Graph's answer to a chunk could not be read (it named no next "
                                + "range); the upload was abandoned.");
                    }
                    offset = next;
                    continue;
                }
                if (status == 404) {
                    return new Failed("the upload session expired or was cancelled before the file was complete; "
                            + "try again.");
                }
                if (status == 409) {
                    return new Conflict("SharePoint would not replace the file (HTTP 409): something of that name "
                            + "is in the way, such as a folder or a copy checked out to someone.");
                }
                boolean retryable = status == 0 || status == 429 || status >= 500;
                if (!retryable) {
                    cancel();
                    return new Failed("SharePoint refused a chunk of the upload (HTTP " + status + ").");
                }
                if (++failures > clients.settings().maxRetries()) {
                    cancel();
                    return new Failed(status == 0 ? "SharePoint did not answer in time during the upload, after "
                            + "retrying." : "SharePoint was busy (HTTP " + status + ") during the upload, after "
                            + "retrying.");
                }
                try {
                    sleeper.sleep(wait(response));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Failed("the upload was interrupted.");
                }
                Long resume = status();
                if (resume == null) {
                    cancel();
                    return new Failed("the upload session could not say which bytes it still needs; the upload was "
                            + "abandoned.");
                }
                offset = resume;
            }
        }

        /** Retry-After when SharePoint gives one (bounded), else back-off doubling from the configured delay. */
        private Duration wait(HttpResponse<String> response) {
            GraphSettings settings = clients.settings();
            if (response != null) {
                String after = response.headers().firstValue("Retry-After").orElse(null);
                if (after != null) {
                    try {
                        Duration asked = Duration.ofSeconds(Long.parseLong(after.strip()));
                        return asked.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : asked;
                    } catch (NumberFormatException e) {
                        return settings.maxRetryAfter();
                    }
                }
            }
            return Duration.ofSeconds(settings.retryDelaySeconds() << Math.min(failures - 1, 6));
        }

        /** Asks the session which bytes it expects next ({@code GET} on the upload address, no token). */
        private Long status() {
            try {
                HttpResponse<String> response = uploads.send(HttpRequest.newBuilder(URI.create(uploadUrl))
                        .timeout(clients.settings().timeout()).GET().build(), HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 ? nextExpected(response.body()) : null;
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        private void cancel() {
            try {
                uploads.send(HttpRequest.newBuilder(URI.create(uploadUrl)).timeout(clients.settings().timeout())
                        .DELETE().build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                LOG.info("Could not cancel an abandoned upload session (it expires by itself)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private Upload done(String body) {
            try {
                JsonObject item = JsonParser.parseString(body).getAsJsonObject();
                if (!item.has("id")) {
                    return new Failed("Microsoft Graph's answer to the last chunk could not be read (the file may "
                            + "or may not have arrived).");
                }
                return new Uploaded(text(item, "name", name), text(item, "webUrl", null), bytes.length, true);
            } catch (RuntimeException e) {
                return new Failed("Microsoft Graph's answer to the last chunk could not be read (the file may or "
                        + "may not have arrived).");
            }
        }

        /** The start of the first of {@code nextExpectedRanges} ("26-", "0-327679"), or null. */
        private Long nextExpected(String body) {
            try {
                JsonArray ranges = JsonParser.parseString(body).getAsJsonObject()
                        .getAsJsonArray("nextExpectedRanges");
                if (ranges == null || ranges.isEmpty()) {
                    return null;
                }
                String first = ranges.get(0).getAsString();
                long start = Long.parseLong(first.substring(0, first.indexOf('-')).strip());
                return start >= 0 && start < bytes.length ? start : null;
            } catch (RuntimeException e) {
                return null;
            }
        }

        private static String text(JsonObject object, String field, String otherwise) {
            JsonElement value = object.get(field);
            return value == null || value.isJsonNull() ? otherwise : value.getAsString();
        }
    }
}
