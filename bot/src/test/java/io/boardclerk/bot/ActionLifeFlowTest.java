package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.BotInChat;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import io.boardclerk.core.export.Exporter;
import io.boardclerk.core.view.MinutesDraft;
import io.boardclerk.storage.SqliteLedgerStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static io.boardclerk.bot.support.People.CHAIR;
import static io.boardclerk.bot.support.People.JANE;
import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.LOUISA;
import static io.boardclerk.bot.support.People.NINA;
import static io.boardclerk.bot.support.People.SECRETARY;
import static io.boardclerk.bot.support.People.VIC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An action's whole life, typed in a board's chat: raised, updated by its owner (or by someone who answers for the
 * body that owns it), reported done, closed only by the chair or secretary, reopened, re-targeted, its history;
 * every refusal changes nothing. Then the minutes draft assembled from realistic minute lines.
 */
class ActionLifeFlowTest {

    @RegisterExtension
    final BotInChat board = BotInChat.groupChat("19:bcb-chat@thread.v2", "tenant-cambs", "Business Coordination Board",
            SECRETARY, CHAIR, JON, JANE, VIC, NINA, LOUISA);
    RunningBot bot;
    TeamsChat chat;

    @BeforeEach
    void start() throws Exception {
        bot = board.bot();
        chat = board.chat();
        assertTrue(say(SECRETARY, "secretary @Claire Dunmore", SECRETARY).contains("is now the secretary"));
        assertTrue(say(SECRETARY, "chair @Helen Marsh", CHAIR).contains("is now the chair"));
    }

    /** The first message BoardClerk sends back (cards, if any, follow it). */
    String say(Member from, String text, Member... mentioned) throws Exception {
        return board.say(from, text, mentioned);
    }

    JsonNode exportedActions() throws Exception {
        HttpResponse<String> export = bot.client.get("/api/boards/1/export");
        assertEquals(200, export.statusCode(), export.body());
        return new ObjectMapper().readTree(export.body()).path("boards").get(0).path("actions");
    }

    @Test
    void anActionLivesFromRaisingToClosingAndEveryRefusalChangesNothing() throws Exception {
        assertTrue(say(SECRETARY, "action Bring the estates report owner: Jon Leigh due: 26/01/2027 item: 7")
                .contains("Action **1.0** recorded"));
        String two = say(SECRETARY, "action Review the fleet owner: Constabulary and OPCC due: 26/02/2027 item: 8");
        assertTrue(two.contains("Owner: Constabulary (body); OPCC (body)"), two);
        String mapped = say(SECRETARY, "owner Constabulary = @Louisa Barry, @Jane Gifford", LOUISA, JANE);
        assertTrue(mapped.contains("**Constabulary** answers through Louisa Barry, Jane Gifford"), mapped);

        String notTheOwner = say(NINA, "update 1 I have a view on this");
        assertTrue(notTheOwner.contains("Only the owner of action 1.0 (Jon Leigh), the chair or the secretary can"
                + " post an update"), notTheOwner);
        String byOwner = say(JON, "update 1 Draft circulated to members.");
        assertTrue(byOwner.contains("Update recorded on action **1.0** (23/11/2026, Jon Leigh): Draft circulated to"
                + " members."), byOwner);
        assertTrue(say(LOUISA, "update 2 Fleet review started").contains("Update recorded on action **2.0**"),
                "Louisa answers for the Constabulary, which owns action 2");

        bot.clock.advance(Duration.ofDays(1));
        assertTrue(say(JON, "update 1 Report finalised").contains("(24/11/2026, Jon Leigh)"));
        String done = say(JON, "done 1");
        assertTrue(done.contains("reported **complete** by Jon Leigh"), done);
        String memberCloses = say(JON, "close 1");
        assertTrue(memberCloses.contains("Only the chair or secretary can close an action"), memberCloses);
        assertTrue(memberCloses.contains("The chair is Helen Marsh; the secretary is Claire Dunmore."), memberCloses);
        assertEquals("complete", exportedActions().get(0).path("status").asText(), "the refusal changed nothing");

        assertTrue(say(CHAIR, "close 1").contains("Action **1.0** is **closed**"));
        String closedUpdate = say(JON, "update 1 one more thing");
        assertTrue(closedUpdate.contains("Action 1.0 is closed, so it takes no more updates"), closedUpdate);
        assertTrue(say(SECRETARY, "reopen 1").contains("Action **1.0** is **open** again"));
        String retarget = say(SECRETARY, "action 1 due 28/02/2027");
        assertTrue(retarget.contains("is now due 28/02/2027 (originally 26/01/2027)"), retarget);

        String undo = say(SECRETARY, "undo");
        assertTrue(undo.contains("Action 2.0 has been updated or changed since you raised it"), undo);
        assertEquals(2, exportedActions().size(), "undo never throws away an action's history");

        String unknown = say(JON, "update 99 anything");
        assertTrue(unknown.contains("There is no action 99.0 on the log of Business Coordination Board"), unknown);
        String impossible = say(SECRETARY, "action 1 due 31/02/2027");
        assertTrue(impossible.contains("31/02/2027"), impossible);

        String history = say(NINA, "history 1");
        for (String line : List.of("Claire Dunmore · raised: Bring the estates report (by message)",
                "Jon Leigh · update: Draft circulated to members. (by message)",
                "Jon Leigh · update: Draft circulated to members. → Report finalised (by message)",
                "Jon Leigh · status: open → complete (by message)",
                "Helen Marsh · status: complete → closed (by message)",
                "Claire Dunmore · status: closed → open (by message)",
                "Claire Dunmore · target: 26/01/2027 → 28/02/2027 (by message)",
                "Targets: 26/01/2027 → 28/02/2027", "Now: open")) {
            assertTrue(history.contains(line), line + " in\n" + history);
        }

        JsonNode actions = exportedActions();
        assertEquals(2, actions.size());
        JsonNode first = actions.get(0);
        assertEquals("open", first.path("status").asText());
        assertEquals("2027-02-28", first.path("targetDate").asText());
        assertEquals(List.of("Draft circulated to members.", "Report finalised"), texts(first.path("updates")));
        assertEquals(List.of("Jon Leigh", "Jon Leigh"), by(first.path("updates")));
        assertEquals("Constabulary; OPCC", actions.get(1).path("owner").asText());
    }

    @Test
    void anOnGoingActionAndARecurringTargetFollowTheBoardsSchedule() throws Exception {
        say(SECRETARY, "next meeting 11/02/2027 10:00 at Police Headquarters");
        String recurring = say(SECRETARY, "Action: Constabulary to report on knife crime to the August and February"
                + " Boards.");
        assertTrue(recurring.contains("Target: the August and February Boards (11/02/2027)"), recurring);
        String ongoing = say(SECRETARY, "action Monitor the estates programme owner: Jon Leigh due: on-going");
        assertTrue(ongoing.contains("Target: on-going"), ongoing);
        JsonNode actions = exportedActions();
        assertEquals("open", actions.get(0).path("status").asText());
        assertEquals("ongoing", actions.get(1).path("status").asText());

        String moved = say(SECRETARY, "move meeting 11/02/2027 to 18/02/2027");
        assertTrue(moved.contains("1 action target(s) move with it"), moved);
        assertEquals("2027-02-18", exportedActions().get(0).path("targetDate").asText());

        String review = say(CHAIR, "review actions");
        assertTrue(review.contains("2 actions are due at this meeting, overdue or on-going"), "the next meeting's"
                + " recurring target and the on-going action come up for review: " + review);
    }

    @Test
    void theMinutesDraftIsAssembledFromRealisticMinuteLines() throws Exception {
        say(SECRETARY, "marking OFFICIAL");
        say(SECRETARY, "Members: Helen Marsh, Police and Crime Commissioner; Jon Leigh, Chief Finance Officer; Vic"
                + " Evers, Assistant Chief Constable In attendance: Claire Dunmore, Business Support Officer");
        say(SECRETARY, "start meeting 16/12/2026");
        say(SECRETARY, "4.3 Action: Constabulary to provide a summary perspective around Knife Crime to the Board in"
                + " 3 months.");
        say(SECRETARY, "end meeting");

        bot.clock.set(java.time.Instant.parse("2027-02-10T10:00:00Z"));
        say(SECRETARY, "next meeting 12/05/2027 10:00 at Police Headquarters");
        say(SECRETARY, "start meeting");
        say(SECRETARY, "Apologies were received from Vic Evers, Assistant Chief Constable; Matthew Ward, Chief"
                + " Finance Officer.");
        say(JON, "I declare a personal interest in item 6 as a trustee of the Fenshire Youth Trust.");
        String reviewed = say(SECRETARY, """
                - Action 1.0, Agenda Item 4.3, 16th December 2026 – Further narrative is required

                Update: A paper was initially requested. The Constabulary advised that they would provide a verbal \
                update.""");
        assertTrue(reviewed.contains("Update recorded on action **1.0**"), reviewed);
        assertTrue(say(CHAIR, "keep 1 open").contains("stays **open**"));
        say(SECRETARY, "5.2 Action: Jon Leigh to circulate the revised estates strategy by 31/03/2027.");
        String ended = say(SECRETARY, "end meeting");
        assertTrue(ended.contains("closed: 2 apologies"), ended);

        String refused = say(SECRETARY, "approve minutes 10/02/2027");
        assertTrue(refused.contains("Only the chair can approve the minutes"), refused);
        String wrongDate = say(CHAIR, "approve minutes 11/02/2027");
        assertTrue(wrongDate.contains("No meeting of Business Coordination Board was held on 11th February 2027."
                + " Meetings held: 16/12/2026, 10/02/2027."), wrongDate);

        long held = meetingOn("2027-02-10");
        MinutesDraft draft = draft(held);
        assertEquals("OFFICIAL – DRAFT until approved", draft.marking());
        assertEquals("10th February 2027 at 10:00", draft.when());
        assertEquals("Via Microsoft Teams", draft.location());
        assertEquals("Helen Marsh, Police and Crime Commissioner", draft.members().get(0), "the chair first");
        assertTrue(draft.members().contains("Jon Leigh, Chief Finance Officer"), draft.members().toString());
        assertFalse(draft.members().contains("Vic Evers, Assistant Chief Constable"), "Vic sent apologies");
        assertEquals(List.of("Claire Dunmore, Business Support Officer"), draft.inAttendance());
        assertEquals(List.of("1 Welcome and Apologies", "2 Declarations of Interest",
                "3 Business Coordination Board Action Log", "4 Actions raised", "5 Date of next meeting"),
                draft.sections().stream().map(s -> s.number() + " " + s.heading()).toList());
        assertEquals("Apologies were received from Vic Evers, Assistant Chief Constable; Matthew Ward, Chief Finance"
                + " Officer.", text(draft, 0));
        assertEquals("Jon Leigh declared a personal interest in Agenda Item 6: a trustee of the Fenshire Youth"
                + " Trust.", text(draft, 1));
        String review = text(draft, 2);
        assertTrue(review.contains("Action 1.0, Agenda Item 4.3, 16th December 2026 – Constabulary to provide a"
                + " summary perspective"), review);
        assertTrue(review.contains("Update: A paper was initially requested. The Constabulary advised that they"
                + " would provide a verbal update."), review);
        assertTrue(review.contains("Decision: The Board agreed that the action remains open."), review);
        String raised = text(draft, 3);
        assertTrue(raised.contains("Agenda Item 5.2"), raised);
        assertTrue(raised.contains("Action: Jon Leigh to circulate the revised estates strategy by 31/03/2027"
                + " (Action 2.0; owner: Jon Leigh; target: 31/03/2027)."), raised);
        assertEquals("The next meeting will be held on 12th May 2027 at 10:00 at Police Headquarters.",
                text(draft, 4));

        String approved = say(CHAIR, "approve minutes 10/02/2027");
        assertTrue(approved.contains("are **approved** as a true record by Helen Marsh"), approved);
        MinutesDraft after = draft(held);
        assertEquals("OFFICIAL", after.marking());
        assertEquals("Helen Marsh", after.approvedBy());
    }

    @Test
    void theReviewPastedWhenWritingUpAfterTheMeetingGoesIntoThatMeetingsMinutes() throws Exception {
        say(SECRETARY, "start meeting 16/12/2026");
        say(SECRETARY, "4.3 Action: Constabulary to map out performance reporting by 31/01/2027.");
        say(SECRETARY, "end meeting");
        bot.clock.set(java.time.Instant.parse("2027-02-10T10:00:00Z"));
        say(SECRETARY, "start meeting");
        say(SECRETARY, "end meeting");

        bot.clock.set(java.time.Instant.parse("2027-02-12T15:00:00Z"));
        String written = say(SECRETARY, """
                - Action 1.0; Agenda Item 4.3, 16th December 2026 – Performance Reporting

                Update: This is mapped out; the first of the new reports came to this meeting.""");
        assertTrue(written.contains("Reviewing action **1.0** for the meeting of 10th February 2027"), written);
        assertTrue(written.contains("Update recorded on action **1.0**"), written);

        String review = text(draft(meetingOn("2027-02-10")), 2);
        assertTrue(review.contains("Action 1.0, Agenda Item 4.3, 16th December 2026"), review);
        assertTrue(review.contains("Update: This is mapped out; the first of the new reports came to this meeting."),
                review);
    }

    private long meetingOn(String isoDate) throws Exception {
        HttpResponse<String> export = bot.client.get("/api/boards/1/export");
        for (JsonNode meeting : new ObjectMapper().readTree(export.body()).path("boards").get(0).path("meetings")) {
            if (meeting.path("date").asText().equals(isoDate)) {
                return meeting.path("id").asLong();
            }
        }
        throw new AssertionError("no meeting on " + isoDate + " in " + export.body());
    }

    private MinutesDraft draft(long meetingId) {
        try (SqliteLedgerStore store = SqliteLedgerStore.open(bot.database)) {
            return new Exporter(store).minutes(1, meetingId).orElseThrow();
        }
    }

    private static String text(MinutesDraft draft, int section) {
        return draft.sections().get(section).paragraphs().stream()
                .map(p -> (p.label() == null ? "" : p.label() + " ") + p.text()).collect(Collectors.joining("\n"));
    }

    private static List<String> texts(JsonNode updates) {
        return java.util.stream.StreamSupport.stream(updates.spliterator(), false).map(u -> u.path("text").asText())
                .toList();
    }

    private static List<String> by(JsonNode updates) {
        return java.util.stream.StreamSupport.stream(updates.spliterator(), false).map(u -> u.path("by").asText())
                .toList();
    }
}
