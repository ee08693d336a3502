package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import io.boardclerk.core.clerk.Card;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cards never cross boards or tenants: "my actions" in a personal chat, and a press in the wrong conversation. */
class CardsAcrossBoardsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    RunningBot bot;
    TeamsChat finance;
    TeamsChat coordination;
    TeamsChat otherTenant;
    TeamsChat personal;

    @BeforeEach
    void start() throws Exception {
        bot = RunningBot.local(dir);
        String url = bot.connector.serviceUrl();
        finance = TeamsChat.groupChat(url, "19:finance@thread.v2", "tenant-cambs", "Finance Sub-Group");
        coordination = TeamsChat.groupChat(url, "19:bcb@thread.v2", "tenant-cambs", "Business Coordination Board");
        otherTenant = TeamsChat.groupChat(url, "19:elsewhere@thread.v2", "tenant-beds", "Bedfordshire Board");
        personal = TeamsChat.personal(url, "a:personal-jon", "tenant-cambs");
        for (TeamsChat chat : new TeamsChat[]{finance, coordination, otherTenant}) {
            bot.connector.roster(chat.conversationId(), SECRETARY, JON);
            post(chat.message(SECRETARY, "secretary @Claire Dunmore", SECRETARY));
        }
        post(finance.message(SECRETARY, "action Review the reserves policy owner: @Jon Leigh due: 02/11/2026", JON));
        post(coordination.message(SECRETARY, "action Bring the fleet report owner: @Jon Leigh due: 30/06/2027",
                JON));
        post(otherTenant.message(SECRETARY, "action Bedfordshire secret owner: @Jon Leigh due: 30/06/2027", JON));
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private List<FakeConnector.Sent> post(ObjectNode activity) throws Exception {
        String conversation = activity.path("conversation").path("id").asText();
        int before = bot.connector.sentTo(conversation).size();
        HttpResponse<String> response = bot.client.post(activity);
        assertEquals(202, response.statusCode(), response.body());
        List<FakeConnector.Sent> sent = bot.connector.sentTo(conversation);
        return sent.subList(before, sent.size());
    }

    @Test
    void myActionsInAPersonalChatIsOneCardGroupedByBoardWithinTheTenant() throws Exception {
        List<JsonNode> cards = post(personal.message(JON, "my actions")).stream().map(FakeConnector.Sent::card)
                .filter(c -> c != null).toList();
        assertEquals(1, cards.size());
        String card = cards.get(0).toString();
        assertTrue(card.contains("Finance Sub-Group") && card.contains("Business Coordination Board"), card);
        assertTrue(card.contains("Review the reserves policy") && card.contains("Bring the fleet report"), card);
        assertFalse(card.contains("Bedfordshire"), "another tenant's board never shows: " + card);
    }

    @Test
    void aPressInAnotherBoardsConversationCannotReachThisBoardsAction() throws Exception {
        // Board "Business Coordination Board" has action 1.0 (the fleet report); a forged press in the
        // other tenant's chat acts only on that chat's own log.
        ObjectNode data = TeamsChat.data().put(Card.Verbs.NUMBER, 1).put(Card.Verbs.VERSION, 1)
                .put(Card.Verbs.TEXT, "Forged update");
        HttpResponse<String> response = bot.client.post(otherTenant.cardAction(SECRETARY, Card.Verbs.UPDATE, data));
        assertEquals(200, response.statusCode());
        HttpResponse<String> export = bot.client.get("/api/boards/2/export");
        JsonNode coordinationAction = JSON.readTree(export.body()).path("boards").get(0).path("actions").get(0);
        assertEquals("Bring the fleet report", coordinationAction.path("text").asText(), coordinationAction.toString());
        assertEquals(0, coordinationAction.path("updates").size(), "the other board's action is untouched");
        JsonNode refresh = JSON.readTree(bot.client.post(personal.cardAction(JON, Card.Verbs.REFRESH,
                TeamsChat.data().put(Card.Verbs.NUMBER, 1))).body());
        assertEquals(400, refresh.path("statusCode").asInt(), "a review card's button means nothing in a personal "
                + "chat: " + refresh);
    }

    @Test
    void aReviewCardForwardedIntoAnotherBoardsConversationActsOnNothing() throws Exception {
        // The Business Coordination Board's (board 2) review card for its action 1.0, pressed in the Finance
        // Sub-Group, whose own action 1.0 has the same number and version: the card's board does not match.
        ObjectNode data = TeamsChat.data().put(Card.Verbs.BOARD, 2).put(Card.Verbs.NUMBER, 1)
                .put(Card.Verbs.VERSION, 0).put(Card.Verbs.TEXT, "Meant for the other board");
        JsonNode response = JSON.readTree(bot.client.post(finance.cardAction(SECRETARY, Card.Verbs.UPDATE, data))
                .body());
        assertEquals(400, response.path("statusCode").asInt(), response.toString());
        assertTrue(response.toString().contains("belongs to another board"), response.toString());
        for (int board = 1; board <= 2; board++) {
            JsonNode action = JSON.readTree(bot.client.get("/api/boards/" + board + "/export").body()).path("boards")
                    .get(0).path("actions").get(0);
            assertEquals(0, action.path("updates").size(), "board " + board + ": " + action);
        }
    }
}
