package io.boardclerk.bot;

import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.StoredRows;
import io.boardclerk.bot.support.TeamsChat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.boardclerk.bot.support.People.CHAIR;
import static io.boardclerk.bot.support.People.JANE;
import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.LOUISA;
import static io.boardclerk.bot.support.People.NINA;
import static io.boardclerk.bot.support.People.VIC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may become an officer, over HTTP in local mode (which keeps Teams' rules): the first chair or secretary is
 * appointed only by someone Teams vouches for (who added BoardClerk, named by the conversationUpdate or the
 * installationUpdate) or an administrator (BOARDCLERK_ADMINS, here by user principal name); guests, anonymous and
 * federated participants never hold office; a secretary cannot make themselves chair; replacing the chair takes the
 * chair or an administrator; and a newcomer who shares a name-only person's name does not inherit their actions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficerAppointmentTest {

    static final Member ADA = new Member("29:ada", "Ada Admin", "aad-ada");
    static final Member ANON = new Member("29:anon", "Anonymous Visitor", null);

    @TempDir
    static Path dir;
    RunningBot bot;

    @BeforeAll
    void start() throws Exception {
        bot = RunningBot.start(dir, Map.of("BOARDCLERK_ADMINS", "ada.admin@fenshire.example"));
    }

    @AfterAll
    void stop() {
        bot.close();
    }

    private TeamsChat chat(Member... members) {
        TeamsChat chat = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:officers-" + TeamsChat.nextId()
                + "@thread.v2", "tenant-cambs", "Officers");
        bot.connector.roster(chat.conversationId(), members);
        return chat;
    }

    private String say(TeamsChat chat, Member from, String text, Member... mentioned) throws Exception {
        int before = bot.connector.sentTo(chat.conversationId()).size();
        HttpResponse<String> response = bot.client.post(chat.message(from, text, mentioned));
        assertEquals(202, response.statusCode(), response.body());
        List<FakeConnector.Sent> sent = bot.connector.awaitSent(chat.conversationId(), before + 1,
                Duration.ofSeconds(5));
        return sent.size() > before ? sent.get(before).text() : "";
    }

    private int officers() {
        return StoredRows.count(bot.database, "SELECT count(chair_id) + count(secretary_id) FROM boards", "officers");
    }

    private void added(TeamsChat chat, Member by) throws Exception {
        assertEquals(202, bot.client.post(chat.membersAdded(by, TeamsChat.BOT_ID)).statusCode());
    }

    @Test
    void withNobodyVouchedForNobodyCanTakeTheFirstRole() throws Exception {
        TeamsChat chat = chat(JON, NINA);
        int before = officers();
        String reply = say(chat, JON, "secretary @Jon Leigh", JON);
        assertTrue(reply.contains("The first is appointed by the person who added BoardClerk"), reply);
        assertEquals(before, officers(), "nobody was appointed");
        // Someone else being added later does not make the sender the installer.
        assertEquals(202, bot.client.post(chat.membersAdded(NINA, "29:someone-new")).statusCode());
        assertTrue(say(chat, NINA, "chair @Nina Hart", NINA).contains("The first is appointed"));
        assertEquals(before, officers());
    }

    @Test
    void whoeverAddedBoardClerkAppointsTheFirstOfficersThenOnlyOfficersDo() throws Exception {
        TeamsChat chat = chat(NINA, JON, JANE);
        added(chat, NINA);
        assertTrue(say(chat, NINA, "secretary @Jane Gifford", JANE).contains("is now the secretary"));
        String late = say(chat, NINA, "chair @Nina Hart", NINA);
        assertTrue(late.contains("Only the chair or secretary can appoint the chair"), late);
        assertTrue(say(chat, JANE, "chair @Jon Leigh", JON).contains("is now the chair"));
    }

    @Test
    void theInstallationUpdateNamesTheInstallerToo() throws Exception {
        TeamsChat chat = chat(NINA, JON);
        var install = chat.membersAdded(JON);
        install.put("type", "installationUpdate");
        install.put("action", "add");
        install.remove("membersAdded");
        assertEquals(202, bot.client.post(install).statusCode());
        assertTrue(say(chat, JON, "chair @Jon Leigh", JON).contains("is now the chair"));
    }

    @Test
    void theMeetingsOrganiserAppointsTheFirstOfficersOfAMeetingChat() throws Exception {
        String meetingId = "MCM-organised-" + TeamsChat.nextId();
        TeamsChat chat = TeamsChat.meeting(bot.connector.serviceUrl(), "19:meeting_" + TeamsChat.nextId()
                + "@thread.v2", "tenant-cambs", meetingId);
        bot.connector.roster(chat.conversationId(), NINA, JON);
        bot.connector.meetingDetails(meetingId, "{\"organizer\":{\"aadObjectId\":\"aad-nina\"},"
                + "\"details\":{\"msGraphResourceId\":\"graph-1\",\"joinUrl\":\"https://teams.example.invalid/j\"}}");
        String member = say(chat, JON, "chair @Jon Leigh", JON);
        assertTrue(member.contains("The first is appointed"), member);
        assertTrue(say(chat, NINA, "chair @Jon Leigh", JON).contains("is now the chair"), "the organiser");
    }

    @Test
    void withGraphOffTheTeamsOwnerCannotBeRecognisedAndTheReplySaysWhoCanAppointInstead() throws Exception {
        String id = TeamsChat.nextId();
        TeamsChat chat = TeamsChat.channel(bot.connector.serviceUrl(), "19:channel-" + id + "@thread.tacv2",
                "tenant-cambs", "19:general-" + id + "@thread.tacv2", "group-" + id);
        // A channel's roster is its team's, listed under the team's id.
        bot.connector.roster("19:general-" + id + "@thread.tacv2", NINA, JON);
        int before = officers();
        String reply = say(chat, NINA, "secretary @Jon Leigh", JON);
        assertTrue(reply.contains("BoardClerk cannot recognise the team's owner while Microsoft Graph is off "
                + "(local mode"), reply);
        assertTrue(reply.contains("Until then the first is appointed by the person who added BoardClerk to this team "
                + "or a BoardClerk administrator"), reply);
        assertEquals(before, officers(), "nobody was appointed");
        // Whoever added BoardClerk to the team still appoints.
        added(chat, NINA);
        assertTrue(say(chat, NINA, "secretary @Jon Leigh", JON).contains("is now the secretary"));
    }

    @Test
    void guestsAnonymousAndFederatedPeopleNeverHoldOffice() throws Exception {
        TeamsChat chat = chat(NINA, VIC, LOUISA, ANON);
        bot.connector.guest(VIC.id());
        bot.connector.federated(LOUISA.id(), "tenant-elsewhere");
        added(chat, NINA);
        int before = officers();
        for (Member outsider : new Member[]{VIC, LOUISA, ANON}) {
            String reply = say(chat, NINA, "secretary @" + outsider.name(), outsider);
            assertTrue(reply.contains("never hold office"), outsider.name() + ": " + reply);
        }
        assertEquals(before, officers());
        // A guest who added BoardClerk still cannot appoint themselves.
        TeamsChat guestChat = chat(VIC, NINA);
        added(guestChat, VIC);
        String guest = say(guestChat, VIC, "chair @Vic Evers", VIC);
        assertFalse(guest.contains("is now the chair"), guest);
        // An anonymous participant can be vouched for by nobody.
        TeamsChat anonymous = chat(ANON, NINA);
        String anon = say(anonymous, ANON, "secretary @Nina Hart", NINA);
        assertTrue(anon.contains("The first is appointed"), anon);
        assertEquals(before, officers());
    }

    @Test
    void aSecretaryCannotMakeThemselvesChairAndOnlyTheChairOrAnAdminReplacesTheChair() throws Exception {
        TeamsChat chat = chat(NINA, JANE, JON, CHAIR, ADA);
        added(chat, NINA);
        assertTrue(say(chat, NINA, "secretary @Jane Gifford", JANE).contains("is now the secretary"));
        String self = say(chat, JANE, "chair @Jane Gifford", JANE);
        assertTrue(self.contains("The secretary cannot make themselves chair"), self);
        assertTrue(say(chat, JANE, "chair @Jon Leigh", JON).contains("is now the chair"));
        String replace = say(chat, JANE, "chair @Helen Marsh", CHAIR);
        assertTrue(replace.contains("Only the chair or a BoardClerk administrator can replace the chair"), replace);
        assertTrue(say(chat, JON, "chair @Helen Marsh", CHAIR).contains("is now the chair"), "the chair hands over");
        // Ada is not an officer here, but an administrator (matched by the user principal name the roster lists).
        assertTrue(say(chat, ADA, "chair @Jon Leigh", JON).contains("is now the chair"));
    }

    @Test
    void aNewcomerWithANameOnlyPersonsNameDoesNotInheritTheirActions() throws Exception {
        TeamsChat chat = chat(NINA, JANE);
        added(chat, NINA);
        assertTrue(say(chat, NINA, "secretary @Jane Gifford", JANE).contains("is now the secretary"));
        String titles = say(chat, JANE, "Members: Sam Reed, Treasurer");
        assertTrue(titles.contains("remembered by name"), titles);
        String action = say(chat, JANE, "action Check the accounts owner: Sam Reed due: 26/01/2027");
        assertTrue(action.contains("Sam Reed"), action);
        Member imposter = new Member("29:imposter", "Sam Reed", "aad-imposter");
        bot.connector.roster(chat.conversationId(), NINA, JANE, imposter);
        assertEquals(202, bot.client.post(chat.membersAdded(imposter.id())).statusCode());
        String done = say(chat, imposter, "done 1");
        assertTrue(done.contains("Only the owner of action"), done);
        assertEquals(1, StoredRows.count(bot.database, "SELECT count(*) FROM people WHERE name = 'Sam Reed' AND "
                + "teams_id IS NULL", "name-only people"), "the name-only Sam Reed is still apart");
    }
}
