package io.boardclerk.graph;

import io.boardclerk.graph.fake.FakeGraph;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The identity authority and Graph address of national clouds reach azure-identity and the SDK as configured. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GraphSettingsTest {

    @Test
    void instance_discovery_is_used_only_for_the_public_authority() {
        assertTrue(GraphSettings.of("id", "pw", null, null, "", "https://login.microsoftonline.com/",
                GraphSettings.PUBLIC_BASE_URL).instanceDiscovery());
        for (String national : List.of("https://login.microsoftonline.us", "https://login.chinacloudapi.cn",
                "https://login.partner.microsoftonline.cn")) {
            assertFalse(GraphSettings.of("id", "pw", null, null, "", national, GraphSettings.PUBLIC_BASE_URL)
                    .instanceDiscovery(), national);
        }
    }

    @Test
    void a_national_clouds_graph_gets_its_own_scope_and_host() {
        GraphSettings us = GraphSettings.of("id", "pw", null, null, "", "https://login.microsoftonline.us",
                "https://graph.microsoft.us/v1.0/");

        assertEquals("https://graph.microsoft.us/v1.0", us.baseUrl());
        assertEquals("https://graph.microsoft.us/.default", us.scope());
        assertEquals("https://graph.microsoft.us/ChatMessage.Send", us.delegatedScope("ChatMessage.Send"),
                "a delegated scope is on the national cloud's own Graph resource");
        assertEquals("graph.microsoft.us", us.graphHost());
        assertEquals("https://login.microsoftonline.us", us.authority());
    }

    @Test
    void the_configured_authority_issues_the_token_for_the_boards_tenant_with_no_instance_discovery()
            throws Exception {
        try (FakeGraph graph = new FakeGraph()) {
            GraphChatPoster poster = new GraphChatPoster(new GraphSettings("app-id", "app-secret", null, null, "",
                    graph.authority(), graph.baseUrl(), Duration.ofSeconds(20), 3, 1, Duration.ofSeconds(5), 100,
                    Duration.ofMinutes(5)));

            assertInstanceOf(GraphChatPoster.Posted.class, poster.post("tenant-fenshire",
                    new ChatTarget.Chat("19:c@thread.v2"), List.of("<p>Hello</p>")));

            assertEquals(List.of("/tenant-fenshire/oauth2/v2.0/token"), graph.tokenPaths(),
                    "the token came from the configured (non-public) authority, for the board's tenant");
            assertEquals(0, graph.otherRequests(), "no instance discovery or metadata call to Microsoft's cloud");
        }
    }
}
