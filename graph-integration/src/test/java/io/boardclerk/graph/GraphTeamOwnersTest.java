package io.boardclerk.graph;

import io.boardclerk.graph.fake.FakeGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A team's owners through the real Graph SDK and azure-identity, against a fake Graph on loopback. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GraphTeamOwnersTest {

    static final String TENANT = "11111111-2222-3333-4444-555555555555";
    static final String GROUP = "group-0000-pcc";

    private FakeGraph graph;
    private GraphTeamOwners owners;
    private final RecordedWaits retries = new RecordedWaits();

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph()
                .teamMember(GROUP, "aad-owner", "Olive Owner", "owner")
                .teamMember(GROUP, "aad-member", "Mo Member")
                .teamMember(GROUP, "aad-guest", "Gus Guest", "guest");
        owners = new GraphTeamOwners(new GraphClients(GraphDirectoryTest.settings(graph), retries));
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void an_owner_is_found_by_object_id_with_one_filtered_request_and_the_apps_token() {
        assertInstanceOf(GraphTeamOwners.Owner.class, owners.owns(TENANT, GROUP, "aad-owner"));
        assertEquals(List.of("/v1.0/teams/" + GROUP
                        + "/members (microsoft.graph.aadUserConversationMember/userId eq 'aad-owner')"),
                graph.memberLookups(), "one request for the one membership");
    }

    @Test
    void a_member_a_guest_and_a_stranger_are_not_owners() {
        assertInstanceOf(GraphTeamOwners.NotOwner.class, owners.owns(TENANT, GROUP, "aad-member"));
        assertInstanceOf(GraphTeamOwners.NotOwner.class, owners.owns(TENANT, GROUP, "aad-guest"));
        assertInstanceOf(GraphTeamOwners.NotOwner.class, owners.owns(TENANT, GROUP, "aad-stranger"));
    }

    @Test
    void a_quote_in_an_object_id_cannot_widen_the_filter() {
        assertInstanceOf(GraphTeamOwners.NotOwner.class,
                owners.owns(TENANT, GROUP, "x') or (microsoft.graph.aadUserConversationMember/userId eq 'aad-owner"));
        assertTrue(graph.memberLookups().get(0).contains("eq 'x'') or ("), graph.memberLookups().toString());
    }

    @Test
    void a_refusal_names_the_permission_and_is_never_owner() {
        graph.failMembers(403, "{\"error\":{\"code\":\"Forbidden\",\"message\":\"Missing role permissions\"}}");
        String reason = assertInstanceOf(GraphTeamOwners.Failed.class, owners.owns(TENANT, GROUP, "aad-owner"))
                .reason();
        assertTrue(reason.contains("HTTP 403") && reason.contains(GraphTeamOwners.PERMISSION), reason);
    }

    @Test
    void an_unknown_team_an_unreadable_answer_and_a_busy_graph_are_failures() {
        assertInstanceOf(GraphTeamOwners.Failed.class, owners.owns(TENANT, "group-unknown", "aad-owner"));
        graph.failMembers(200, "{\"value\":[{not json");
        assertInstanceOf(GraphTeamOwners.Failed.class, owners.owns(TENANT, GROUP, "aad-owner"));
        for (int i = 0; i < 4; i++) {
            graph.failMembers(503, "");
        }
        String busy = assertInstanceOf(GraphTeamOwners.Failed.class, owners.owns(TENANT, GROUP, "aad-owner"))
                .reason();
        assertTrue(busy.contains("busy"), busy);
        assertInstanceOf(GraphTeamOwners.Owner.class, owners.owns(TENANT, GROUP, "aad-owner"), "answers again");
    }

    @Test
    void without_a_group_or_a_tenant_nothing_is_asked() {
        assertInstanceOf(GraphTeamOwners.Failed.class, owners.owns(TENANT, null, "aad-owner"));
        assertInstanceOf(GraphTeamOwners.Failed.class, owners.owns("", GROUP, "aad-owner"));
        assertEquals(List.of(), graph.memberLookups());
    }
}
