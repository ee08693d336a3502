package io.boardclerk.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A member on two boards sends apologies from a personal chat; boards and tenants never mix. */
class PersonalChatAndIsolationTest {

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
            say(chat, chat.message(SECRETARY, "secretary @Claire Dunmore", SECRETARY));
            say(chat, chat.message(SECRETARY, "next meeting 10/12/2026 14:00"));
        }
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private String say(TeamsChat chat, ObjectNode activity) throws Exception {
        int before = bot.connector.sentTo(chat.conversationId()).size();
        assertEquals(202, bot.client.post(activity).statusCode());
        var sent = bot.connector.awaitSent(chat.conversationId(), before + 1, Duration.ofSeconds(5));
        return sent.size() > before ? sent.get(sent.size() - 1).text() : null;
    }

    @Test
    void personalApologiesAskWhichBoardThenRecordThere() throws Exception {
        String asked = say(personal, personal.message(JON, "my apologies"));
        assertTrue(asked.contains("You sit on 2 boards"), asked);
        assertTrue(asked.contains("Business Coordination Board") && asked.contains("Finance Sub-Group"), asked);
        assertFalse(asked.contains("Bedfordshire"), "another tenant's board never shows: " + asked);

        String recorded = say(personal, personal.message(JON, "apologies 2"));
        assertTrue(recorded.contains("Your apologies are recorded for the next meeting (10th December 2026) of "
                + "Finance Sub-Group"), recorded);

        assertTrue(say(finance, finance.message(SECRETARY, "apologies")).contains("Jon Leigh"));
        assertTrue(say(coordination, coordination.message(SECRETARY, "apologies")).contains("No apologies"),
                "the other board is untouched");
    }

    @Test
    void aBoardsRecordStaysInItsOwnConversation() throws Exception {
        say(finance, finance.message(SECRETARY, "action Review reserves owner: OPCC"));
        assertTrue(say(coordination, coordination.message(SECRETARY, "action log")).contains("no open actions"));
        assertTrue(say(otherTenant, otherTenant.message(SECRETARY, "action log")).contains("no open actions"));
        assertTrue(say(coordination, coordination.message(SECRETARY, "action Another owner: OPCC"))
                .contains("Action **1.0**"), "each board numbers its own log");
    }

    @Test
    void aPersonOnTwoBoardsActsOnEachBoardsActionsOnlyInThatBoardsConversation() throws Exception {
        say(finance, finance.message(SECRETARY, "action Review reserves owner: Jon Leigh due: 10/12/2026"));
        say(coordination, coordination.message(SECRETARY, "action Bring the estates report owner: Jon Leigh"
                + " due: 10/12/2026"));
        say(otherTenant, otherTenant.message(SECRETARY, "action Bedfordshire's own owner: Jon Leigh due: 10/12/2026"));

        assertTrue(say(coordination, coordination.message(JON, "update 1 Estates draft ready"))
                .contains("Update recorded on action **1.0**"));
        assertTrue(say(coordination, coordination.message(JON, "done 1")).contains("reported **complete**"));

        String financeHistory = say(finance, finance.message(JON, "history 1"));
        assertTrue(financeHistory.contains("Review reserves") && financeHistory.contains("Now: open"), financeHistory);
        assertFalse(financeHistory.contains("Estates"), "the other board's update never shows: " + financeHistory);
        String bedsHistory = say(otherTenant, otherTenant.message(JON, "history 1"));
        assertTrue(bedsHistory.contains("Now: open") && !bedsHistory.contains("Estates"), bedsHistory);
        String coordinationHistory = say(coordination, coordination.message(JON, "history 1"));
        assertTrue(coordinationHistory.contains("Estates draft ready") && coordinationHistory.contains("Now: complete"),
                coordinationHistory);
    }
}
