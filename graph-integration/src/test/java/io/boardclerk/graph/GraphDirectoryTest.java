package io.boardclerk.graph;

import io.boardclerk.core.port.DirectoryLookup;
import io.boardclerk.core.port.DirectoryPerson;
import io.boardclerk.graph.fake.FakeGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The directory through the real Graph SDK and azure-identity, against a fake Graph and token endpoint on loopback. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GraphDirectoryTest {

    static final String TENANT = "11111111-2222-3333-4444-555555555555";
    static final String ANN_ID = "a1a1a1a1-0000-0000-0000-000000000001";

    private FakeGraph graph;
    private GraphDirectory directory;
    private final RecordedWaits retries = new RecordedWaits();

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph()
                .user(ANN_ID, "Ann Other", "ann.other@fenshire.example", "aother@fenshire.onmicrosoft.example")
                .user("b2", "Jon Leigh", "jon.leigh@fenshire.example", "jleigh@fenshire.onmicrosoft.example")
                .user("b3", "Jon Leigh", "jon.leigh2@fenshire.example", "jleigh2@fenshire.onmicrosoft.example")
                .user("c4", "Colin Lusk (Estates)", "colin.lusk@fenshire.example", "clusk@fenshire.example")
                .user("d5", "Niamh O'Brien", null, "nobrien@fenshire.example");
        directory = new GraphDirectory(new GraphClients(settings(graph), retries));
    }

    static GraphSettings settings(FakeGraph graph) {
        return new GraphSettings("app-id", "app-secret", null, null, "", graph.authority(), graph.baseUrl(),
                Duration.ofSeconds(20), 3, 1, Duration.ofSeconds(5), 100, Duration.ofMinutes(5));
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void an_email_address_is_matched_exactly_with_the_apps_token_and_no_instance_discovery() {
        DirectoryLookup found = directory.find(TENANT, "ann.other@fenshire.example");

        DirectoryPerson ann = assertInstanceOf(DirectoryLookup.Found.class, found).person();
        assertEquals(new DirectoryPerson("Ann Other", "ann.other@fenshire.example",
                "aother@fenshire.onmicrosoft.example", ANN_ID), ann);
        FakeGraph.Received request = graph.received().get(0);
        assertEquals("mail eq 'ann.other@fenshire.example' or userPrincipalName eq 'ann.other@fenshire.example'",
                request.filter());
        assertEquals("id,displayName,mail,userPrincipalName", request.select());
        assertEquals("10", request.top());
        assertEquals("Bearer " + FakeGraph.TOKEN, request.authorization(), "the SDK sent the app's token to the "
                + "configured Graph host");
        assertEquals(1, graph.tokenRequests().size());
        String token = graph.tokenRequests().get(0);
        assertTrue(token.contains("client_id=app-id"), token);
        assertTrue(token.contains("grant_type=client_credentials"), token);
        assertEquals(0, graph.otherRequests(), "no instance discovery or other call for a non-public authority");
    }

    @Test
    void a_pfx_certificate_signs_the_apps_token_request_instead_of_a_secret(@TempDir Path dir) throws Exception {
        Path pfx = dir.resolve("boardclerk.pfx");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "boardclerk", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=BoardClerk",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", pfx.toString(), "-storepass", "pfx-password",
                "-keypass", "pfx-password").redirectErrorStream(true).start();
        assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes()));
        GraphSettings withCertificate = new GraphSettings("app-id", null, pfx, "pfx-password", "", graph.authority(),
                graph.baseUrl(), Duration.ofSeconds(20), 3, 1, Duration.ofSeconds(5), 100, Duration.ofMinutes(5));

        DirectoryLookup found = new GraphDirectory(withCertificate).find(TENANT, "ann.other@fenshire.example");

        assertInstanceOf(DirectoryLookup.Found.class, found);
        assertEquals("Bearer " + FakeGraph.TOKEN, graph.received().get(0).authorization());
        String token = graph.tokenRequests().get(0);
        assertTrue(token.contains("client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type"
                + "%3Ajwt-bearer"), token);
        assertTrue(token.contains("client_assertion=(checked)"), token);
        assertFalse(token.contains("client_secret"), token);
    }

    @Test
    void a_user_principal_name_is_matched_exactly() {
        DirectoryLookup found = directory.find(TENANT, "nobrien@fenshire.example");

        assertEquals("Niamh O'Brien", assertInstanceOf(DirectoryLookup.Found.class, found).person().displayName());
    }

    @Test
    void a_display_name_that_one_person_has_is_found() {
        DirectoryLookup found = directory.find(TENANT, "ann  other");

        assertEquals(ANN_ID, assertInstanceOf(DirectoryLookup.Found.class, found).person().objectId());
        assertEquals("startswith(displayName,'ann other')", graph.received().get(0).filter());
    }

    @Test
    void quotes_in_a_name_are_escaped_in_the_odata_filter() {
        DirectoryLookup found = directory.find(TENANT, "Niamh O'Brien");

        assertEquals("startswith(displayName,'Niamh O''Brien')", graph.received().get(0).filter());
        assertEquals("nobrien@fenshire.example",
                assertInstanceOf(DirectoryLookup.Found.class, found).person().address());
    }

    @Test
    void a_name_two_people_have_is_a_question_not_a_guess() {
        DirectoryLookup found = directory.find(TENANT, "Jon Leigh");

        List<DirectoryPerson> people = assertInstanceOf(DirectoryLookup.Several.class, found).people();
        assertEquals(List.of("jon.leigh@fenshire.example", "jon.leigh2@fenshire.example"),
                people.stream().map(DirectoryPerson::address).toList());
    }

    @Test
    void a_name_that_only_starts_a_display_name_is_not_found_so_nobody_is_listed_by_prefix() {
        DirectoryLookup found = directory.find(TENANT, "Colin Lusk");

        assertInstanceOf(DirectoryLookup.NotFound.class, found, "\"Colin Lusk (Estates)\" is not an exact match");
    }

    @Test
    void nobody_matching_is_not_found() {
        assertInstanceOf(DirectoryLookup.NotFound.class, directory.find(TENANT, "Zed Nobody"));
        assertInstanceOf(DirectoryLookup.NotFound.class, directory.find(TENANT, "zed@fenshire.example"));
    }

    @Test
    void throttling_honours_retry_after_then_succeeds() {
        graph.fail(429, Map.of("Retry-After", "2"), "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow\"}}");

        DirectoryLookup found = directory.find(TENANT, "ann.other@fenshire.example");

        assertInstanceOf(DirectoryLookup.Found.class, found);
        assertEquals(2, graph.received().size());
        assertEquals(List.of(Duration.ofSeconds(2)), retries.all(), "waited as Retry-After said");
    }

    @Test
    void a_service_unavailable_twice_is_retried_then_succeeds() {
        graph.fail(503, Map.of(), "{\"error\":{\"code\":\"serviceNotAvailable\",\"message\":\"down\"}}")
                .fail(503, Map.of(), "");

        DirectoryLookup found = directory.find(TENANT, "ann.other@fenshire.example");

        assertInstanceOf(DirectoryLookup.Found.class, found);
        assertEquals(3, graph.received().size());
        retries.assertBackOff(Duration.ofSeconds(1), 2);
    }

    @Test
    void retries_are_bounded_and_end_in_a_clear_failure() {
        for (int i = 0; i < 8; i++) {
            graph.fail(504, Map.of(), "");
        }
        DirectoryLookup found = directory.find(TENANT, "ann.other@fenshire.example");

        assertTrue(assertInstanceOf(DirectoryLookup.Failed.class, found).problem().contains("busy"));
        assertEquals(4, graph.received().size(), "the first try and three retries");
        retries.assertBackOff(Duration.ofSeconds(1), 3);
    }

    @Test
    void a_retry_after_longer_than_we_may_wait_is_not_waited_for() {
        graph.fail(429, Map.of("Retry-After", "3600"), "");

        DirectoryLookup found = directory.find(TENANT, "ann.other@fenshire.example");

        assertInstanceOf(DirectoryLookup.Failed.class, found);
        assertEquals(List.of(), retries.all(), "no wait asked for");
        assertEquals(1, graph.received().size());
    }

    @Test
    void forbidden_names_the_missing_permission_and_is_not_cached() {
        graph.fail(403, Map.of(), "{\"error\":{\"code\":\"Authorization_RequestDenied\","
                + "\"message\":\"Insufficient privileges to complete the operation.\"}}");

        DirectoryLookup found = directory.find(TENANT, "ann.other@fenshire.example");

        String problem = assertInstanceOf(DirectoryLookup.Failed.class, found).problem();
        assertTrue(problem.contains("User.Read.All") && problem.contains("application permission"), problem);
        assertTrue(!problem.contains("app-secret") && !problem.contains(FakeGraph.TOKEN), problem);
        assertInstanceOf(DirectoryLookup.Found.class, directory.find(TENANT, "ann.other@fenshire.example"),
                "a failure is not remembered: the next lookup asks again");
    }

    @Test
    void unauthorised_also_names_the_permission() {
        graph.fail(401, Map.of(), "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"no\"}}");

        String problem = assertInstanceOf(DirectoryLookup.Failed.class,
                directory.find(TENANT, "ann.other@fenshire.example")).problem();
        assertTrue(problem.contains("User.Read.All"), problem);
    }

    @Test
    void a_cached_answer_needs_no_second_call() {
        assertInstanceOf(DirectoryLookup.Found.class, directory.find(TENANT, "Ann.Other@fenshire.example"));
        assertInstanceOf(DirectoryLookup.Found.class, directory.find(TENANT, "ann.other@fenshire.example "));

        assertEquals(1, graph.received().size());
    }

    @Test
    void a_configured_tenant_is_used_and_an_unknown_one_fails_plainly() {
        GraphDirectory single = new GraphDirectory(new GraphSettings("app-id", "app-secret", null, null, TENANT,
                graph.authority(), graph.baseUrl(), Duration.ofSeconds(20), 3, 1, Duration.ofSeconds(5), 100,
                Duration.ofMinutes(5)));
        assertInstanceOf(DirectoryLookup.Found.class, single.find(null, "ann.other@fenshire.example"));

        assertInstanceOf(DirectoryLookup.Failed.class, directory.find("", "ann.other@fenshire.example"));
    }
}
