package io.boardclerk.bot.panel;

import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static io.boardclerk.bot.support.People.CHAIR;
import static io.boardclerk.bot.support.People.JANE;
import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A meeting chat with a board in it, as the side panel's tests start from: the secretary appointed, the meeting open
 * (23rd November 2026), and action 1.0 for Jon Leigh raised at item 5 and due at this meeting.
 */
final class PanelBoard {

    static final String TENANT = "tenant-cambs";
    static final String CONVERSATION = "19:meeting_bcb@thread.v2";

    final RunningBot bot;
    final TeamsChat chat;

    PanelBoard(RunningBot bot) {
        this.bot = bot;
        this.chat = TeamsChat.meeting(bot.connector.serviceUrl(), CONVERSATION, TENANT, "MCM-bcb-1");
        bot.connector.roster(CONVERSATION, SECRETARY, CHAIR, JON, JANE);
    }

    PanelBoard open(String authorization) throws Exception {
        post(chat.membersAdded(TeamsChat.BOT_ID).toString(), authorization, false);
        assertTrue(say(authorization, SECRETARY, "secretary @Claire Dunmore", SECRETARY).contains("secretary"));
        String opened = post(chat.meetingStart("Business Coordination Board", "2026-11-23T10:00:00Z").toString(),
                authorization, true);
        assertTrue(opened.contains("opened"), opened);
        String action = say(authorization, SECRETARY, "action Report on fleet costs owner: Jon Leigh due: 23/11/2026 "
                + "item: 5");
        assertTrue(action.contains("Action **1.0**"), action);
        return this;
    }

    String say(String authorization, Member from, String text, Member... mentioned) throws Exception {
        return post(chat.message(from, text, mentioned).toString(), authorization, true);
    }

    private String post(String activity, String authorization, boolean expectReply) throws Exception {
        int before = bot.connector.sentTo(CONVERSATION).size();
        HttpResponse<String> response = bot.client.post(activity, authorization);
        assertEquals(202, response.statusCode(), response.body());
        if (!expectReply) {
            return null;
        }
        List<FakeConnector.Sent> sent = bot.connector.awaitSent(CONVERSATION, before + 1, Duration.ofSeconds(5));
        return sent.size() > before ? sent.get(sent.size() - 1).text() : "";
    }
}
