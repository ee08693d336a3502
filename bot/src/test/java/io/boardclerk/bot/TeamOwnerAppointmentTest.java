package io.boardclerk.bot;

import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.FakeOpenIdProvider;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.StoredRows;
import io.boardclerk.bot.support.TeamsChat;
import io.boardclerk.graph.GraphTeamOwners;
import io.boardclerk.graph.fake.FakeGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.boardclerk.bot.support.People.CHAIR;
import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The owner of a channel's team appoints the board's first officers, over HTTP with a fake Graph on loopback: Graph's
 * list of the team's members says who owns it; a member who is not an owner is refused, and so is everyone when Graph
 * refuses (a failure never grants standing), with a message that says why and who can appoint instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamOwnerAppointmentTest {

    static final String APP_ID = "00000000-1111-2222-3333-444444444444";
    static final String TENANT = "tenant-fenshire";

    @TempDir
    static Path dir;
    FakeGraph graph;
    FakeOpenIdProvider openId;
    RunningBot bot;

    @BeforeAll
    void start() throws Exception {
        graph = new FakeGraph();
        openId = new FakeOpenIdProvider();
        bot = RunningBot.start(dir, Map.of("MicrosoftAppId", APP_ID, "MicrosoftAppPassword", "s3cret-value",
                "MicrosoftAppTenantId", TENANT, "BOARDCLERK_BOT_OPENID_METADATA", openId.metadataUrl(),
                "BOARDCLERK_LOGIN_AUTHORITY", graph.authority(), "BOARDCLERK_GRAPH", "on",
                "BOARDCLERK_GRAPH_BASE_URL", graph.baseUrl()));
    }

    @AfterAll
    void stop() {
        bot.close();
        openId.close();
        graph.close();
    }

    /** A channel of a team whose group Graph lists with Helen as its owner and Jon as a member. */
    private TeamsChat channel() {
        String id = TeamsChat.nextId();
        String group = "group-" + id;
        graph.teamMember(group, CHAIR.aadObjectId(), CHAIR.name(), "owner")
                .teamMember(group, JON.aadObjectId(), JON.name());
        TeamsChat chat = TeamsChat.channel(bot.connector.serviceUrl(), "19:board-" + id + "@thread.tacv2", TENANT,
                "19:general-" + id + "@thread.tacv2", group);
        // A channel's roster is its team's, listed under the team's id.
        bot.connector.roster("19:general-" + id + "@thread.tacv2", CHAIR, JON, SECRETARY);
        return chat;
    }

    private String say(TeamsChat chat, Member from, String text, Member... mentioned) throws Exception {
        int before = bot.connector.sentTo(chat.conversationId()).size();
        String authorization = "Bearer " + openId.token(APP_ID, bot.connector.serviceUrl(),
                Instant.now().plusSeconds(3600));
        HttpResponse<String> response = bot.client.post(chat.message(from, text, mentioned).toString(),
                authorization);
        assertEquals(202, response.statusCode(), response.body());
        List<FakeConnector.Sent> sent = bot.connector.awaitSent(chat.conversationId(), before + 1,
                Duration.ofSeconds(20));
        assertTrue(sent.size() > before, "BoardClerk answered \"" + text + "\"");
        return sent.get(before).text();
    }

    private int officers(TeamsChat chat) {
        return StoredRows.count(bot.database, "SELECT count(chair_id) + count(secretary_id) FROM boards WHERE "
                + "conversation_id = '" + chat.conversationId() + "'", "officers");
    }

    @Test
    void theTeamsOwnerAppointsTheSecretaryAndAMemberWhoIsNotAnOwnerIsRefused() throws Exception {
        TeamsChat chat = channel();
        String member = say(chat, JON, "secretary @Jon Leigh", JON);
        assertTrue(member.contains("The first is appointed by the person who added BoardClerk to this chat, the "
                + "team's owner"), member);
        assertEquals(0, officers(chat), "nobody was appointed");

        String owner = say(chat, CHAIR, "secretary @Claire Dunmore", SECRETARY);
        assertTrue(owner.contains("Claire Dunmore is now the secretary"), owner);
        assertEquals(1, officers(chat));
        assertTrue(graph.memberLookups().stream().anyMatch(lookup -> lookup.contains("userId eq 'aad-helen'")),
                graph.memberLookups().toString());

        // Once the board has officers, Graph is not asked again: the officers appoint.
        int asked = graph.memberLookups().size();
        String secretary = say(chat, SECRETARY, "chair @Helen Marsh", CHAIR);
        assertTrue(secretary.contains("Helen Marsh is now the chair"), secretary);
        assertEquals(asked, graph.memberLookups().size(), "no Graph call once the board has officers");
    }

    @Test
    void whenGraphRefusesTheOwnerIsRefusedWithTheReasonAndNothingIsStored() throws Exception {
        TeamsChat chat = channel();
        graph.failMembers(403, "{\"error\":{\"code\":\"Forbidden\",\"message\":\"Missing role permissions\"}}");
        String refused = say(chat, CHAIR, "secretary @Claire Dunmore", SECRETARY);
        assertTrue(refused.contains("could not ask Microsoft Graph whether you own this team"), refused);
        assertTrue(refused.contains("HTTP 403") && refused.contains(GraphTeamOwners.PERMISSION), refused);
        assertTrue(refused.contains("Until then the first is appointed by the person who added BoardClerk to this "
                + "team or a BoardClerk administrator"), refused);
        assertFalse(refused.contains("is now the secretary"), refused);
        assertEquals(0, officers(chat), "a Graph failure never grants standing");

        // The failure is not remembered: once Graph answers, the owner appoints.
        String owner = say(chat, CHAIR, "secretary @Claire Dunmore", SECRETARY);
        assertTrue(owner.contains("is now the secretary"), owner);
    }

    @Test
    void talkThatNamesNoOfficeDoesNotAskGraph() throws Exception {
        TeamsChat chat = channel();
        int asked = graph.memberLookups().size();
        say(chat, JON, "help");
        assertEquals(asked, graph.memberLookups().size());
    }
}
