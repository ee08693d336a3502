package io.boardclerk.graph;

import io.boardclerk.graph.fake.FakeDrive;
import io.boardclerk.graph.fake.FakeGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The board's SharePoint folder and uploads through the real Graph SDK and azure-identity, against fakes on loopback. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GraphFilesTest {

    static final String TENANT = "11111111-2222-3333-4444-555555555555";
    static final String URL = "https://fenshire.sharepoint.com/sites/Board/Shared%20Documents/Minutes";
    static final String DRIVE = "b!drive-fenshire-board";
    static final String FOLDER = "01FOLDERMINUTES";
    static final String NAME = "2026-11-23 Business Coordination Board - minutes (draft).docx";
    /** Files above this go through an upload session in these tests. */
    static final int LIMIT = 700_000;

    private FakeGraph login;
    private FakeDrive drive;
    /** Waits between tries of an upload session's chunk. */
    private final List<Duration> waits = new ArrayList<>();
    /** Waits between the SDK's tries of a Graph call. */
    private final RecordedWaits retries = new RecordedWaits();
    private GraphFiles files;

    @BeforeEach
    void start() throws Exception {
        login = new FakeGraph();
        drive = new FakeDrive().folder(URL, DRIVE, FOLDER, "Minutes");
        files = files(Duration.ofSeconds(20));
    }

    private GraphFiles files(Duration timeout) {
        GraphSettings settings = new GraphSettings("app-id", "app-secret", null, null, "", login.authority(),
                drive.baseUrl(), timeout, 3, 1, Duration.ofSeconds(5), 100, Duration.ofMinutes(5));
        return new GraphFiles(new GraphClients(settings, retries), LIMIT, GraphFiles.CHUNK_UNIT, waits::add);
    }

    @AfterEach
    void stop() {
        drive.close();
        login.close();
    }

    private static byte[] bytes(int size) {
        byte[] out = new byte[size];
        new Random(size).nextBytes(out);
        return out;
    }

    @Test
    void the_share_id_is_u_bang_and_unpadded_base64url_as_graph_documents_it() {
        // Graph's own example: https://onedrive.live.com/redir?resid=1231244193912!12&authKey=1201919!12921!1
        assertEquals("u!aHR0cHM6Ly9vbmVkcml2ZS5saXZlLmNvbS9yZWRpcj9yZXNpZD0xMjMxMjQ0MTkzOTEyITEyJmF1dGhLZXk9MTIwMTkxOSExMjkyMSEx",
                GraphFiles.shareId("https://onedrive.live.com/redir?resid=1231244193912!12&authKey=1201919!12921!1"));
        String id = GraphFiles.shareId("https://fenshire.sharepoint.com/sites/Board/Shared%20Documents/Minutes??");
        assertTrue(id.matches("u![A-Za-z0-9_-]+"), id);
    }

    @Test
    void a_folder_is_found_through_shares_with_the_apps_token() {
        GraphFiles.Resolution found = files.resolve(TENANT, URL);

        assertEquals(new GraphFiles.Found(new GraphFiles.Folder(DRIVE, FOLDER, "Minutes", URL)), found);
        FakeDrive.Received request = drive.received().get(0);
        assertEquals("GET", request.method());
        assertEquals("/v1.0/shares/" + GraphFiles.shareId(URL) + "/driveItem", request.rawPath());
        assertEquals("Bearer " + FakeGraph.TOKEN, request.authorization(), "the token reached the configured host");
        assertEquals("/" + TENANT + "/oauth2/v2.0/token", login.tokenPaths().get(0));
    }

    @Test
    void a_site_of_another_organisation_is_refused_before_graph_is_asked_about_it() {
        GraphFiles.Resolution outside = files.resolve(TENANT,
                "https://elsewhere.sharepoint.com/sites/Shared/Shared%20Documents/Drop");

        assertEquals(new GraphFiles.OutsideTenant("elsewhere.sharepoint.com",
                List.of("fenshire.sharepoint.com", "fenshire-my.sharepoint.com")), outside);
        assertEquals(List.of(), drive.received(), "no /shares request for another organisation's address");
        assertEquals("Bearer " + FakeGraph.TOKEN, drive.rootRequests().get(0).authorization());
        assertEquals("$select=siteCollection,webUrl", drive.rootRequests().get(0).query());
    }

    @Test
    void the_organisations_own_onedrive_is_its_own_and_the_root_site_is_asked_about_once() {
        String oneDrive = "https://fenshire-my.sharepoint.com/personal/claire/Documents/Board";
        drive.folder(oneDrive, "b!onedrive", "01OD", "Board");

        assertInstanceOf(GraphFiles.Found.class, files.resolve(TENANT, oneDrive));
        assertInstanceOf(GraphFiles.Found.class, files.resolve(TENANT, URL));
        assertEquals(1, drive.rootRequests().size(), "the tenant's hosts are kept");
    }

    @Test
    void when_graph_will_not_name_the_root_site_no_folder_is_trusted_and_the_line_says_what_to_grant() {
        drive.rootStatus(403);

        GraphFiles.Resolution refused = files.resolve(TENANT, URL);

        assertInstanceOf(GraphFiles.Refused.class, refused);
        String problem = ((GraphFiles.Refused) refused).problem();
        assertTrue(problem.contains("could not tell which SharePoint sites are your organisation's")
                && problem.contains("root site") && problem.contains("Sites.Selected"), problem);
        assertEquals(List.of(), drive.received());
        drive.rootStatus(200);
        assertInstanceOf(GraphFiles.Found.class, files.resolve(TENANT, URL), "asked again once Graph answers");
    }

    @Test
    void a_file_is_not_a_folder() {
        String file = "https://fenshire.sharepoint.com/sites/Board/Shared%20Documents/agenda.pdf";
        drive.file(file, DRIVE, "01FILE", "agenda.pdf");

        assertEquals(new GraphFiles.NotAFolder("agenda.pdf"), files.resolve(TENANT, file));
    }

    @Test
    void an_unknown_folder_is_not_found() {
        assertInstanceOf(GraphFiles.NotFound.class,
                files.resolve(TENANT, "https://fenshire.sharepoint.com/sites/Board/Gone"));
    }

    @Test
    void forbidden_names_both_permissions() {
        drive.fail(403, Map.of(), "{\"error\":{\"code\":\"accessDenied\",\"message\":\"Access denied\"}}");

        GraphFiles.Refused refused = assertInstanceOf(GraphFiles.Refused.class, files.resolve(TENANT, URL));
        assertEquals(403, refused.status());
        assertTrue(refused.problem().contains("Sites.Selected") && refused.problem().contains("Sites.ReadWrite.All"),
                refused.problem());
    }

    @Test
    void unauthorised_names_the_permission_too() {
        drive.fail(401, Map.of(), "{\"error\":{\"code\":\"InvalidAuthenticationToken\"}}");

        GraphFiles.Upload outcome = files.upload(TENANT, DRIVE, FOLDER, NAME, bytes(10));
        GraphFiles.Refused refused = assertInstanceOf(GraphFiles.Refused.class, outcome);
        assertEquals(401, refused.status());
        assertTrue(refused.problem().contains("Sites.Selected"), refused.problem());
    }

    @Test
    void a_malformed_folder_answer_is_a_failure_not_a_crash() {
        drive.fail(200, Map.of(), "{\"id\":\"x\",\"name\":");
        assertInstanceOf(GraphFiles.Failed.class, files.resolve(TENANT, URL));
        drive.fail(200, Map.of(), "{\"id\":\"x\",\"name\":\"Minutes\",\"folder\":{}}");
        GraphFiles.Failed failed = assertInstanceOf(GraphFiles.Failed.class, files.resolve(TENANT, URL));
        assertTrue(failed.problem().contains("could not be read"), failed.problem());
    }

    @Test
    void a_small_file_goes_in_one_put_replacing_with_versions_kept() {
        byte[] docx = bytes(LIMIT);

        GraphFiles.Upload outcome = files.upload(TENANT, DRIVE, FOLDER, NAME, docx);

        GraphFiles.Uploaded uploaded = assertInstanceOf(GraphFiles.Uploaded.class, outcome);
        assertEquals(NAME, uploaded.name());
        assertEquals(false, uploaded.session());
        assertTrue(uploaded.webUrl().startsWith("https://fenshire.sharepoint.com/"), uploaded.webUrl());
        FakeDrive.Received put = drive.received().get(0);
        assertEquals("PUT", put.method());
        assertEquals("/v1.0/drives/b!drive-fenshire-board/items/01FOLDERMINUTES:/2026-11-23%20Business%20"
                + "Coordination%20Board%20-%20minutes%20%28draft%29.docx:/content", put.rawPath());
        assertEquals("@microsoft.graph.conflictBehavior=replace", put.query());
        assertEquals("Bearer " + FakeGraph.TOKEN, put.authorization());
        assertArrayEquals(docx, drive.stored().get(0).bytes());
        assertEquals(NAME, drive.stored().get(0).name());
        assertTrue(drive.chunks().isEmpty());
    }

    @Test
    void a_file_just_over_the_limit_goes_through_an_upload_session_in_320_kib_chunks_without_the_token() {
        byte[] docx = bytes(LIMIT + 1);

        GraphFiles.Upload outcome = files.upload(TENANT, DRIVE, FOLDER, NAME, docx);

        GraphFiles.Uploaded uploaded = assertInstanceOf(GraphFiles.Uploaded.class, outcome);
        assertTrue(uploaded.session());
        FakeDrive.Received create = drive.received().get(0);
        assertEquals("POST", create.method());
        assertEquals("/v1.0/drives/b!drive-fenshire-board/items/01FOLDERMINUTES:/2026-11-23%20Business%20"
                + "Coordination%20Board%20-%20minutes%20%28draft%29.docx:/createUploadSession", create.rawPath());
        assertEquals("Bearer " + FakeGraph.TOKEN, create.authorization());
        com.google.gson.JsonObject item = com.google.gson.JsonParser.parseString(create.body()).getAsJsonObject()
                .getAsJsonObject("item");
        assertEquals("replace", item.get("@microsoft.graph.conflictBehavior").getAsString());
        assertEquals(NAME, item.get("name").getAsString());
        assertEquals(List.of("bytes 0-327679/700001", "bytes 327680-655359/700001", "bytes 655360-700000/700001"),
                drive.chunks().stream().map(FakeDrive.Chunk::contentRange).toList());
        assertEquals(List.of(327_680, 327_680, 44_641), drive.chunks().stream().map(FakeDrive.Chunk::length).toList());
        drive.chunks().forEach(c -> assertNull(c.authorization(), "the pre-authenticated upload URL got no token"));
        assertArrayEquals(docx, drive.stored().get(0).bytes());
        assertTrue(drive.stored().get(0).viaSession());
    }

    @Test
    void a_chunk_that_fails_is_resumed_from_next_expected_ranges() {
        byte[] docx = bytes(1_000_000);
        drive.failChunk(2, 503, Map.of());

        GraphFiles.Upload outcome = files.upload(TENANT, DRIVE, FOLDER, NAME, docx);

        assertInstanceOf(GraphFiles.Uploaded.class, outcome);
        assertEquals(List.of("bytes 0-327679/1000000", "bytes 327680-655359/1000000", "bytes 327680-655359/1000000",
                        "bytes 655360-983039/1000000", "bytes 983040-999999/1000000"),
                drive.chunks().stream().map(FakeDrive.Chunk::contentRange).toList());
        assertTrue(drive.uploadRequests().contains("GET /upload/1"), "asked the session where to go on");
        assertEquals(List.of(Duration.ofSeconds(1)), waits, "backed off once");
        assertArrayEquals(docx, drive.stored().get(0).bytes());
    }

    @Test
    void a_chunk_that_times_out_after_arriving_is_resumed_after_it() {
        files = files(Duration.ofMillis(800));
        byte[] docx = bytes(1_000_000);
        drive.slowChunk(1, 3_000);

        GraphFiles.Upload outcome = files.upload(TENANT, DRIVE, FOLDER, NAME, docx);

        assertInstanceOf(GraphFiles.Uploaded.class, outcome);
        assertEquals("bytes 327680-655359/1000000", drive.chunks().get(1).contentRange(),
                "the session had the first chunk, so it was not sent again");
        assertArrayEquals(docx, drive.stored().get(0).bytes());
    }

    @Test
    void a_throttled_chunk_waits_as_retry_after_says() {
        drive.failChunk(1, 429, Map.of("Retry-After", "2"));

        assertInstanceOf(GraphFiles.Uploaded.class, files.upload(TENANT, DRIVE, FOLDER, NAME, bytes(LIMIT + 10)));
        assertEquals(List.of(Duration.ofSeconds(2)), waits);
    }

    @Test
    void chunks_that_keep_failing_give_up_and_cancel_the_session() {
        for (int n = 1; n <= 4; n++) {
            drive.failChunk(n, 504, Map.of());
        }

        GraphFiles.Failed failed = assertInstanceOf(GraphFiles.Failed.class,
                files.upload(TENANT, DRIVE, FOLDER, NAME, bytes(LIMIT + 10)));
        assertTrue(failed.problem().contains("HTTP 504"), failed.problem());
        assertEquals(4, drive.chunks().size(), "the first try and three retries");
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), waits);
        assertEquals("DELETE /upload/1", drive.uploadRequests().get(drive.uploadRequests().size() - 1));
        assertTrue(drive.stored().isEmpty());
    }

    @Test
    void throttling_of_the_simple_put_is_retried_by_the_sdk() {
        drive.fail(429, Map.of("Retry-After", "1"), "{\"error\":{\"code\":\"TooManyRequests\"}}");
        drive.fail(503, Map.of(), "{\"error\":{\"code\":\"serviceNotAvailable\"}}");

        assertInstanceOf(GraphFiles.Uploaded.class, files.upload(TENANT, DRIVE, FOLDER, NAME, bytes(100)));
        assertEquals(3, drive.received().size());
        assertEquals(1, drive.stored().size());
        List<Duration> asked = retries.all();
        assertEquals(2, asked.size(), asked.toString());
        assertEquals(Duration.ofSeconds(1), asked.get(0), "waited as Retry-After said");
        assertTrue(asked.get(1).compareTo(Duration.ofSeconds(2)) >= 0 && asked.get(1).compareTo(Duration.ofSeconds(3))
                < 0, "then the second retry's back-off: " + asked);
    }

    @Test
    void graph_busy_after_retries_is_a_failure_saying_so() {
        for (int i = 0; i < 8; i++) {
            drive.fail(503, Map.of(), "{\"error\":{\"code\":\"serviceNotAvailable\"}}");
        }

        GraphFiles.Failed failed = assertInstanceOf(GraphFiles.Failed.class,
                files.upload(TENANT, DRIVE, FOLDER, NAME, bytes(100)));
        assertTrue(failed.problem().contains("busy (HTTP 503)"), failed.problem());
        assertEquals(4, drive.received().size(), "the first try and three retries");
        retries.assertBackOff(Duration.ofSeconds(1), 3);
        assertTrue(drive.stored().isEmpty());
    }

    @Test
    void a_folder_that_is_gone_is_not_found() {
        GraphFiles.Upload outcome = files.upload(TENANT, DRIVE, "01DELETED", NAME, bytes(100));

        assertInstanceOf(GraphFiles.NotFound.class, outcome);
    }

    @Test
    void a_name_conflict_is_told_apart() {
        drive.fail(409, Map.of(), "{\"error\":{\"code\":\"nameAlreadyExists\"}}");

        GraphFiles.Conflict conflict = assertInstanceOf(GraphFiles.Conflict.class,
                files.upload(TENANT, DRIVE, FOLDER, NAME, bytes(100)));
        assertTrue(conflict.problem().contains("checked out"), conflict.problem());
    }

    @Test
    void a_graph_that_does_not_answer_in_time_is_a_failure() {
        files = files(Duration.ofMillis(800));
        drive.slow(3_000, 201, "{}");

        GraphFiles.Failed failed = assertInstanceOf(GraphFiles.Failed.class,
                files.upload(TENANT, DRIVE, FOLDER, NAME, bytes(100)));
        assertEquals("Microsoft Graph did not answer in time.", failed.problem());
    }

    @Test
    void a_malformed_upload_answer_or_session_is_a_failure() {
        drive.fail(201, Map.of(), "not json at all");
        assertInstanceOf(GraphFiles.Failed.class, files.upload(TENANT, DRIVE, FOLDER, NAME, bytes(100)));

        drive.sessionBody("{\"expirationDateTime\":\"2026-11-24T09:00:00Z\"}");
        GraphFiles.Failed failed = assertInstanceOf(GraphFiles.Failed.class,
                files.upload(TENANT, DRIVE, FOLDER, NAME, bytes(LIMIT + 1)));
        assertTrue(failed.problem().contains("no upload address"), failed.problem());
    }

    @Test
    void chunks_must_be_multiples_of_320_kib() {
        GraphSettings settings = GraphSettings.of("a", "b", null, null, "", login.authority(), drive.baseUrl());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new GraphFiles(new GraphClients(settings), LIMIT, 100_000, waits::add));
        assertTrue(Arrays.asList(GraphFiles.DEFAULT_CHUNK % GraphFiles.CHUNK_UNIT).contains(0));
    }
}
