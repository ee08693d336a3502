package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Member;
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

import static io.boardclerk.bot.support.People.CHAIR;
import static io.boardclerk.bot.support.People.JANE;
import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Members in their own words, end to end over HTTP: a question card asks instead of guessing, its buttons record
 * through Teams' {@code adaptiveCard/action} invoke with the presser's roles, and chat that is not for the record
 * and not addressed to BoardClerk gets no reply.
 */
class OwnWordsFlowTest {

    @TempDir
    Path dir;
    RunningBot bot;
    TeamsChat chat;

    @BeforeEach
    void start() throws Exception {
        bot = RunningBot.local(dir);
        chat = TeamsChat.meeting(bot.connector.serviceUrl(), "19:meeting_words@thread.v2", "tenant-cambs",
                "MCM-words-1");
        bot.connector.roster(chat.conversationId(), SECRETARY, CHAIR, JON, JANE);
        assertEquals(202, bot.client.post(chat.membersAdded(TeamsChat.BOT_ID)).statusCode());
        send(chat.message(SECRETARY, "secretary @Claire Dunmore", SECRETARY));
        send(chat.message(SECRETARY, "chair @Helen Marsh", CHAIR));
        send(chat.message(SECRETARY, "next meeting 14/01/2027 10:00"));
        send(chat.meetingStart("Business Coordination Board", "2026-11-23T10:00:00Z"));
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    List<FakeConnector.Sent> send(ObjectNode activity) throws Exception {
        int before = bot.connector.sentTo(chat.conversationId()).size();
        HttpResponse<String> response = bot.client.post(activity);
        assertEquals(202, response.statusCode(), response.body());
        List<FakeConnector.Sent> sent = bot.connector.sentTo(chat.conversationId());
        return List.copyOf(sent.subList(before, sent.size()));
    }

    /** Presses a button; the invoke response's body (Universal Actions answer HTTP 200 either way). */
    JsonNode press(ObjectNode invoke) throws Exception {
        HttpResponse<String> response = bot.client.post(invoke);
        assertEquals(200, response.statusCode(), response.body());
        return CardsFlowTest.JSON.readTree(response.body());
    }

    String apologies() throws Exception {
        return CardsFlowTest.text(send(chat.message(SECRETARY, "apologies")));
    }

    @Test
    void anApologyNamingNoMeetingWhileOneIsUnderWayIsAskedAndAPressRecordsIt() throws Exception {
        List<FakeConnector.Sent> asked = send(chat.message(JON, "please send my apologies, I'm unwell"));

        assertTrue(CardsFlowTest.text(asked).contains("Which meeting"), CardsFlowTest.text(asked));
        assertFalse(apologies().contains("Jon Leigh"), "nothing is recorded before the answer");
        JsonNode card = CardsFlowTest.cards(asked).get(0);
        JsonNode next = null;
        for (JsonNode action : card.path("actions")) {
            assertEquals(Card.Verbs.SAY, action.path("verb").asText(), card.toString());
            if (action.path("title").asText().contains("January")) {
                next = action;
            }
        }
        assertEquals("my apologies for 14/01/2027 (I'm unwell)", next.path("data").path("say").asText());

        JsonNode settled = CardsFlowTest.card(press(chat.cardAction(JON,
                Card.Verbs.SAY, CardsFlowTest.data(next))));
        assertTrue(settled.toString().contains("Answered by Jon Leigh"), settled.toString());
        assertFalse(apologies().contains("Jon Leigh"), "the meeting under way has none");
        String forJanuary = CardsFlowTest.text(send(chat.message(JON, "who's sent apologies for the 14th January?")));
        assertTrue(forJanuary.contains("Jon Leigh") && forJanuary.contains("unwell"), forJanuary);
    }

    @Test
    void aPressRunsWithThePressersRolesNotTheAskers() throws Exception {
        List<FakeConnector.Sent> asked = send(chat.message(SECRETARY, "apologies Jon, Jane, the Director of Estates"));
        JsonNode card = CardsFlowTest.cards(asked).get(0);
        ObjectNode data = CardsFlowTest.data(card.path("actions").get(0));
        data.put("say", "close 1");

        JsonNode refused = press(chat.cardAction(JANE, Card.Verbs.SAY, data));
        assertTrue(refused.toString().contains("Only the chair or secretary"), refused.toString());
    }

    @Test
    void aCardFromAnotherBoardActsOnNothing() throws Exception {
        ObjectNode forged = TeamsChat.data().put("say", "my apologies for today").put("board", 999);
        JsonNode refused = press(chat.cardAction(JON, Card.Verbs.SAY, forged));
        assertTrue(refused.toString().contains("another board"), refused.toString());
        assertFalse(apologies().contains("Jon Leigh"));
    }

    @Test
    void chatNotForTheRecordIsUnansweredUnlessAddressed() throws Exception {
        assertEquals(List.of(), send(chat.unaddressed(JANE, "can everyone see my screen?")));
        assertEquals(List.of(), send(chat.unaddressed(JON, "thanks all, good meeting")));
        String thanks = CardsFlowTest.text(send(chat.message(JON, "thanks")));
        assertTrue(thanks.contains("welcome"), thanks);
    }

    @Test
    void aMembersOwnApologyIsRecordedWithoutAMention() throws Exception {
        String reply = CardsFlowTest.text(send(chat.unaddressed(JANE,
                "Sorry all - I can't make the January Board, I'm on leave")));
        assertTrue(reply.contains("14th January 2027") && reply.contains("on leave"), reply);
    }

    @Test
    void aDeclarationWithNoKindOffersTheKinds() throws Exception {
        List<FakeConnector.Sent> declared = send(chat.message(JANE,
                "I ought to declare something on item 6, my brother-in-law runs one of the firms bidding"));
        assertTrue(CardsFlowTest.text(declared).contains("not stated"), CardsFlowTest.text(declared));
        JsonNode card = CardsFlowTest.cards(declared).get(0);
        JsonNode personal = null;
        for (JsonNode action : card.path("actions")) {
            if (action.path("title").asText().equals("Personal")) {
                personal = action;
            }
        }
        CardsFlowTest.card(press(chat.cardAction(JANE, Card.Verbs.SAY, CardsFlowTest.data(personal))));
        String declarations = CardsFlowTest.text(send(chat.message(SECRETARY, "declarations")));
        assertTrue(declarations.contains("a personal interest in item 6"), declarations);
        assertFalse(declarations.contains("not stated"), declarations);
    }
}
