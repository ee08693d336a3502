package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.BotInChat;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.List;

import static io.boardclerk.bot.support.People.CHAIR;
import static io.boardclerk.bot.support.People.JANE;
import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.NINA;
import static io.boardclerk.bot.support.People.SECRETARY;
import static io.boardclerk.bot.support.People.VIC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A board meeting recorded end to end: real server, real SQLite file, Teams-shaped activities, fake connector. */
class MeetingChatFlowTest {

    @RegisterExtension
    final BotInChat board = BotInChat.meeting("19:meeting_bcb@thread.v2", "tenant-cambs", "MCM-bcb-1",
            SECRETARY, CHAIR, JON, JANE, VIC, NINA);
    RunningBot bot;
    TeamsChat chat;

    @BeforeEach
    void start() {
        bot = board.bot();
        chat = board.chat();
    }

    String say(Member from, String text, Member... mentioned) throws Exception {
        return send(chat.message(from, text, mentioned));
    }

    String send(ObjectNode activity) throws Exception {
        // The reply's text; a question card, if any, follows it as a message of its own.
        List<String> texts = board.send(activity).stream().filter(m -> m.card() == null)
                .map(FakeConnector.Sent::text).toList();
        return texts.isEmpty() ? null : String.join("\n", texts);
    }

    void appointSecretaryAndOpen() throws Exception {
        assertEquals(202, bot.client.post(chat.membersAdded(TeamsChat.BOT_ID)).statusCode());
        assertTrue(say(SECRETARY, "secretary @Claire Dunmore", SECRETARY).contains("Claire Dunmore is now the secretary"));
        String opened = send(chat.meetingStart("Business Coordination Board", "2026-11-23T10:00:00Z"));
        assertTrue(opened.contains("opened: 23rd November 2026"), opened);
    }

    @Test
    void recordsTheStandingPartsOfTheMinutesFromMinuteLanguage() throws Exception {
        bot.connector.rosterPageSize(2); // the roster arrives over three pages
        appointSecretaryAndOpen();

        String titles = say(SECRETARY, "Members: Helen Marsh, Police and Crime Commissioner (the “Commissioner”); "
                + "Jon Leigh, Chief Finance Officer and Director of Resources; Jane Gifford, Deputy Chief Constable "
                + "In attendance: Claire Dunmore, Business Support Officer");
        assertTrue(titles.contains("Jon Leigh, Chief Finance Officer and Director of Resources"), titles);

        String apologies = say(SECRETARY, "1.1 Apologies were received from Vic Evers, Assistant Chief Constable; "
                + "Fenshire Constabulary (the “Constabulary”); Matthew Ward, Chief Finance Officer, Office of "
                + "the Police and Crime Commissioner (OPCC); and Colin Lusk, Director of Estates, Fenshire "
                + "Constabulary");
        assertTrue(apologies.contains("**Vic Evers**, Assistant Chief Constable, Fenshire Constabulary"),
                apologies);
        assertTrue(apologies.contains("**Matthew Ward**, Chief Finance Officer, Office of the Police and Crime "
                + "Commissioner ⚠ not anyone I know"), apologies);
        assertTrue(apologies.contains("**Colin Lusk**, Director of Estates"), apologies);
        assertFalse(apologies.contains("**Fenshire"), "a role is not an extra person: " + apologies);

        String role = say(SECRETARY, "There were apologies from Police and Crime Commissioner (the “Commissioner”) "
                + "Darryl Prest; and NH");
        assertTrue(role.contains("**Darryl Prest**, Police and Crime Commissioner"), role);
        assertTrue(role.contains("**Nina Hart**"), role);

        assertTrue(say(SECRETARY, "2.1 There were no declarations of interest.").contains("no declarations"));
        String declared = say(JON, "I declare a pecuniary interest in item 8 as a shareholder of Fenland Fleet Ltd");
        assertTrue(declared.contains("**Jon Leigh**: a pecuniary interest in item 8: a shareholder of Fenland Fleet Ltd"),
                declared);

        String action = say(SECRETARY, "5.7 The Assistant Chief Constable advised that the Constabulary has a "
                + "Neighbourhood Prevention Group.\nAction: Constabulary to bring a report on Safer Streets Project to "
                + "the next Board in May.");
        assertTrue(action.contains("Action **1.0** recorded"), action);
        assertTrue(action.contains("Owner: Constabulary (body)"), action);
        assertTrue(action.contains("Agenda item: 5.7"), action);
        assertTrue(action.contains("the next Board in May (date to follow"), action);

        String scheduled = say(SECRETARY, "The next meeting will be held on 26th May 2027 at 10:00 at Police "
                + "Headquarters.");
        assertTrue(scheduled.contains("26th May 2027 at 10:00, Police Headquarters"), scheduled);
        assertTrue(scheduled.contains("1 action target(s) now follow this date"), scheduled);

        String shortForm = say(SECRETARY, "action Review the estates strategy owner: the Director of Estates "
                + "due: 30/06/2027 item: 6");
        assertTrue(shortForm.contains("Action **2.0**"), shortForm);
        assertTrue(shortForm.contains("Owner: Colin Lusk"), "title learned from the apologies: " + shortForm);

        String history = say(CHAIR, "history 1");
        assertTrue(history.contains("History of action 1.0**: Constabulary to bring a report"), history);
        assertTrue(history.contains("target follows the schedule: the next Board in May (date to follow) → the next"
                + " Board in May (26/05/2027)"), history);

        HttpResponse<String> export = bot.client.get("/api/boards/1/export");
        assertEquals(200, export.statusCode());
        JsonNode board = new ObjectMapper().readTree(export.body()).path("boards").get(0);
        assertEquals("19:meeting_bcb@thread.v2", board.path("conversationId").asText());
        JsonNode meeting = board.path("meetings").get(0);
        assertEquals("2026-11-23", meeting.path("date").asText());
        assertEquals(5, meeting.path("apologies").size());
        assertFalse(meeting.path("noDeclarations").asBoolean(), "the declaration replaced 'none'");
        assertEquals("pecuniary", meeting.path("declarations").get(0).path("kind").asText());
        JsonNode first = board.path("actions").get(0);
        assertEquals("1.0", first.path("number").asText());
        assertEquals("2026-11-23", first.path("raisedOn").asText());
        assertEquals("2027-05-26", first.path("targetDate").asText());
        assertEquals("the next Board in May", first.path("targetText").asText());
        assertEquals("open", first.path("status").asText());
        assertTrue(first.path("updates").isArray());
    }

    @Test
    void onlyTheChairOrSecretaryRecordsForOthersAndTheRefusalSaysWho() throws Exception {
        appointSecretaryAndOpen();
        String refused = say(JANE, "Action: Constabulary to bring a report to the next Board.");
        assertTrue(refused.contains("Only the chair or secretary can record actions"), refused);
        assertTrue(refused.contains("the secretary is Claire Dunmore"), refused);
        String othersApologies = say(JANE, "apologies Jon Leigh");
        assertTrue(othersApologies.contains("Only the chair or secretary"), othersApologies);
        String own = say(JANE, "my apologies");
        assertTrue(own.contains("Which meeting are your apologies for?"),
                "while a meeting is under way, a member's own apologies naming no meeting are asked about: " + own);
        assertTrue(say(JANE, "my apologies for today").contains("Your apologies are recorded"));
        String reassign = say(JANE, "secretary @Jane Gifford", JANE);
        assertTrue(reassign.contains("Only the chair or secretary can appoint the secretary"), reassign);
        assertTrue(say(SECRETARY, "action log").contains("no open actions"));
    }

    @Test
    void asksInsteadOfGuessingAnOwnerThenTakesTheAnswer() throws Exception {
        appointSecretaryAndOpen();
        String asked = say(SECRETARY, "Action: The Head of Business Change to map out performance reporting "
                + "in 3 months.");
        assertTrue(asked.contains("I have not recorded this action yet"), asked);
        assertTrue(asked.contains("Who is \"The Head of Business Change\"?"), asked);

        String answered = say(SECRETARY, "owner @Jon Leigh", JON);
        assertTrue(answered.contains("Action **1.0** recorded"), answered);
        assertTrue(answered.contains("Owner: Jon Leigh"), answered);
        assertTrue(answered.contains("Target: in 3 months (23/02/2027)"), answered);
    }

    @Test
    void badInputGetsAClearAnswerAndChangesNothing() throws Exception {
        appointSecretaryAndOpen();
        String impossible = say(SECRETARY, "next meeting 31/02/2027");
        assertTrue(impossible.contains("\"31/02/2027\" is not a date on the calendar"), impossible);
        assertTrue(impossible.contains("day first"), impossible);
        String longAction = say(SECRETARY, "action " + "x".repeat(2100) + " owner: Constabulary");
        assertTrue(longAction.contains("an action can have at most 2000"), longAction);
        String unknown = say(SECRETARY, "please make the tea");
        assertTrue(unknown.contains("I didn't catch that, so nothing is recorded"), unknown);
        assertTrue(unknown.lines().count() <= 3, "at most three lines, the nearest readings as buttons: " + unknown);
        String noSuch = say(SECRETARY, "action 99 due 01/03/2027");
        assertTrue(noSuch.contains("There is no action 99.0"), noSuch);
        String badDue = say(SECRETARY, "action Report owner: Constabulary due: someday soon");
        assertTrue(badDue.contains("I can't read \"someday soon\" as a target"), badDue);
        assertTrue(say(SECRETARY, "action log").contains("no open actions"), "nothing was half-written");
    }

    @Test
    void undoAndCorrections() throws Exception {
        appointSecretaryAndOpen();
        say(SECRETARY, "action Bring the fleet report owner: Constabulary due: 12/01/2027 item: 4");
        assertTrue(say(SECRETARY, "action 1 owner @Jon Leigh", JON).contains("now belongs to Jon Leigh"));
        assertTrue(say(SECRETARY, "action 1 due the March 2027 Board").contains("the March 2027 Board (date to "
                + "follow"));
        say(SECRETARY, "apologies Vic Evers, Nina Hart");
        String undone = say(SECRETARY, "undo");
        assertTrue(undone.contains("Undone: your last recording (apologies"), undone);
        assertTrue(say(SECRETARY, "apologies").contains("No apologies"));
        say(SECRETARY, "action Second action owner: OPCC");
        say(SECRETARY, "undo");
        String third = say(SECRETARY, "action Third action owner: OPCC");
        assertTrue(third.contains("Action **3.0**"), "numbers are never reused: " + third);
        say(SECRETARY, "apologies Vic Evers");
        assertTrue(say(SECRETARY, "remove apology Vic Evers").contains("Removed the apologies from Vic Evers"));
    }
}
