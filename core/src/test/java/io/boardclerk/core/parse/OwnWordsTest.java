package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.InterestKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The issue's own examples of members, owners and secretaries writing in their own words, read by the parser. */
class OwnWordsTest {

    private static final LocalDate THURSDAY = LocalDate.of(2027, 3, 11);

    private static Command read(String text) {
        List<Command> commands = CommandParser.parse(text, new ParseContext(THURSDAY,
                List.of("Jon Leigh", "Nina Hart"), List.of("JL", "NH"), List.of()));
        assertEquals(1, commands.size(), commands.toString());
        return commands.get(0);
    }

    @Test
    void apologiesForALaterMeetingNameThatMeetingAndKeepTheReason() {
        Command.OwnApologies own = assertInstanceOf(Command.OwnApologies.class,
                read("Sorry all - I'm on leave that week so please send my apologies for the July Board"));
        MeetingWords.Named named = MeetingWords.find(own.meeting(), THURSDAY).orElseThrow();
        assertEquals(YearMonth.of(2027, 7), named.month());
        assertEquals("I'm on leave that week", own.note());
    }

    @Test
    void everyWayOfNamingAMeetingIsRead() {
        assertEquals(LocalDate.of(2027, 3, 14), MeetingWords.find("the 14th March meeting", THURSDAY).orElseThrow().day());
        assertEquals(LocalDate.of(2027, 3, 18), MeetingWords.find("next Thursday's meeting", THURSDAY).orElseThrow().day());
        assertEquals(YearMonth.of(2027, 9), MeetingWords.find("September's Board", THURSDAY).orElseThrow().month());
        assertEquals(MeetingWords.Kind.NEXT, MeetingWords.find("the next one", THURSDAY).orElseThrow().kind());
        assertEquals(LocalDate.of(2027, 4, 15), MeetingWords.find("15/04", THURSDAY).orElseThrow().day());
        assertEquals(YearMonth.of(2028, 2), MeetingWords.find("the February board", THURSDAY).orElseThrow().month());
    }

    @Test
    void aReasonIsANoteNeverAName() {
        Command.OwnApologies own = assertInstanceOf(Command.OwnApologies.class,
                read("can't make the 14th April meeting - clash with the Panel"));
        assertEquals("clash with the Panel", own.note());
        assertInstanceOf(Command.OwnApologies.class, read("apologies for the July Board"));
    }

    @Test
    void apologisingForSomethingElseIsNotAnApology() {
        assertTrue(!(read("apologies for being late, train delays") instanceof Command.OwnApologies));
        assertTrue(!(read("Jon can't make it today") instanceof Command.OwnApologies));
        assertTrue(!(read("my apologies, I was on mute") instanceof Command.OwnApologies));
    }

    @Test
    void declarationsInAMembersWords() {
        Command.Declare d = assertInstanceOf(Command.Declare.class,
                read("I ought to declare something on item 6, my brother-in-law runs one of the firms bidding"));
        assertEquals("6", d.agendaItem());
        assertEquals(InterestKind.NOT_STATED, d.kind());
        assertEquals("my brother-in-law runs one of the firms bidding", d.interest());
        d = assertInstanceOf(Command.Declare.class, read("Interest to declare for 4.2: I'm a governor at the school"));
        assertEquals("4.2", d.agendaItem());
        assertEquals("I'm a governor at the school", d.interest());
        d = assertInstanceOf(Command.Declare.class, read("pecuniary interest - item 11 - shareholding in the supplier"));
        assertEquals(new Command.Declare(null, "11", InterestKind.PECUNIARY, "shareholding in the supplier"), d);
        assertInstanceOf(Command.NothingToDeclare.class, read("Nothing to declare from me"));
    }

    @Test
    void ownersOnTheirActions() {
        assertEquals(new Command.UpdateAction(14, "contractor appointed, works start in March"),
                read("Quick update on 14: contractor appointed, works start in March"));
        assertEquals(new Command.UpdateAction(9, "report with legal, back next week"),
                read("re 9 - report with legal, back next week"));
        assertEquals(new Command.ReportDone(14), read("14 is finished"));
        assertEquals(new Command.ReportDone(9), read("done with action 9"));
        assertEquals(new Command.ReportDone(9), read("I've completed the fleet review (action 9)"));
        assertEquals(new Command.MoreTime(9, "the end of June"), read("could I have until the end of June on 9?"));
    }

    @Test
    void aSentenceThatReportsOnAnActionIsNeverANewAction() {
        assertTrue(!(read("action 9 is nearly done, will finish next week") instanceof Command.RecordAction));
        assertTrue(!(read("Action 14 update contractor appointed") instanceof Command.RecordAction));
    }

    @Test
    void questions() {
        assertInstanceOf(Command.MyActions.class, read("what have I got outstanding?"));
        assertEquals(new Command.ActionLog(true, null), read("what's overdue?"));
        assertInstanceOf(Command.WhenNextMeeting.class, read("when's the next meeting?"));
        assertInstanceOf(Command.ListApologies.class, read("who's sent apologies?"));
        assertInstanceOf(Command.MyDeclarations.class, read("did I declare anything last time?"));
    }

    @Test
    void chatThatIsNotForTheRecord() {
        for (String chat : List.of("thanks", "can everyone see my screen?", "I'll pick that up",
                "the action log looks healthier this quarter")) {
            assertInstanceOf(Command.Chatter.class, read(chat), chat);
        }
    }

    @Test
    void aDecisionIsOfferedAsAnActionNotTaken() {
        Command.Unclear unclear = assertInstanceOf(Command.Unclear.class,
                read("It was agreed that the Chief Constable would write to the Home Office about funding."));
        assertEquals("Action: Chief Constable to write to the Home Office about funding.",
                unclear.choices().get(0).say());
    }

    @Test
    void hostileInputIsAnsweredQuickly() {
        assertNull(OwnWords.read("!".repeat(20_000), THURSDAY));
        read(",".repeat(500) + "apologies");
        read("a\n".repeat(2_000));
    }
}
