package io.boardclerk.storage.corpus;

import io.boardclerk.storage.corpus.Judge.Said;
import io.boardclerk.storage.corpus.Judge.Verdict;
import io.boardclerk.storage.corpus.RecordSnapshot.Change;
import io.boardclerk.storage.corpus.RecordSnapshot.Row;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The corpus's verdicts, on hand-made record changes: so the corpus test cannot pass a wrong record as understood. */
class JudgeTest {

    private final Judge judge = new Judge("2027-03-11");
    private static final Said TEXT = new Said(true, "Recorded.", false, 1);
    private static final Said GRAMMAR = new Said(true, "I didn't understand that.\na\nb\nc", false, 4);
    private static final Said QUESTION = new Said(true, "Which meeting?", true, 2);

    private static CorpusCase corpusCase(String header, String... expectations) {
        String text = header + "\nmessage\n" + String.join("\n", expectations) + "\n";
        return CorpusFile.parse(text).get(0);
    }

    private static Change added(String table, String key, String... columns) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.length; i += 2) {
            values.put(columns[i], columns[i + 1]);
        }
        return new Change(table, key, null, new Row(table, key, values));
    }

    private Verdict verdict(CorpusCase corpusCase, List<Change> changes, Said said) {
        return judge.judge(corpusCase, changes, said).verdict();
    }

    @Test
    void anApologyOnTheNamedMeetingWithItsNoteIsUnderstood() {
        CorpusCase c = corpusCase("> Nina Hart in board", "= apology Nina Hart for 2027-05-13 note \"on leave\"");
        assertEquals(Verdict.UNDERSTOOD, verdict(c, List.of(added("apologies", "1", "meeting", "2027-05-13",
                "person", "Nina Hart", "name", "Nina Hart", "note", "annual leave: on leave")), TEXT));
    }

    @Test
    void anApologyOnAnotherMeetingIsWrongAndNoneAtAllIsUnmet() {
        CorpusCase c = corpusCase("> Nina Hart in board", "= apology Nina Hart for 2027-05-13");
        assertEquals(Verdict.WRONG, verdict(c, List.of(added("apologies", "1", "meeting", "2027-03-11",
                "person", "Nina Hart", "name", "Nina Hart")), TEXT));
        assertEquals(Verdict.UNMET, verdict(c, List.of(), GRAMMAR));
    }

    @Test
    void aReasonTakenAsANameIsWrongAndAReasonLostIsUnmet() {
        CorpusCase c = corpusCase("> Nina Hart in board", "= apology Nina Hart for 2027-05-13 note \"on leave\"");
        assertEquals(Verdict.WRONG, verdict(c, List.of(added("apologies", "1", "meeting", "2027-05-13",
                "person", "Nina Hart", "name", "Nina Hart", "note", null), added("apologies", "2", "meeting",
                "2027-05-13", "person", "on leave", "name", "on leave", "note", null)), TEXT));
        assertEquals(Verdict.UNMET, verdict(c, List.of(added("apologies", "1", "meeting", "2027-05-13",
                "person", "Nina Hart", "name", "Nina Hart", "note", null)), TEXT));
    }

    @Test
    void aNewActionMustTakeItsOwnersAndTargetsWithItAndNothingElse() {
        CorpusCase c = corpusCase("> Sam Clerk in board", "= action \"estates plan\" owner OPCC target 2027-05-31");
        Change action = added("actions", "17", "number", "17", "meeting", "2027-03-11", "text",
                "OPCC to produce a joint estates plan", "target_date", "2027-05-31", "status", "OPEN");
        Change owner = added("action_owners", "17/0", "number", "17", "name", "OPCC", "person", "OPCC");
        Change target = added("action_targets", "9", "number", "17", "date", "2027-05-31");
        assertEquals(Verdict.UNDERSTOOD, verdict(c, List.of(action, owner, target), TEXT));
        Change stray = added("people", "40", "name", "OPCC", "title", null);
        assertEquals(Verdict.WRONG, verdict(c, List.of(action, owner, target, stray), TEXT));
    }

    @Test
    void doneIsAStatusChangeToComplete() {
        CorpusCase c = corpusCase("> Nina Hart in board", "= done 14");
        Map<String, String> before = Map.of("number", "14", "status", "OPEN", "target_date", "2027-03-11");
        Map<String, String> after = Map.of("number", "14", "status", "COMPLETE", "target_date", "2027-03-11");
        Change done = new Change("actions", "14", new Row("actions", "14", before), new Row("actions", "14", after));
        assertEquals(Verdict.UNDERSTOOD, verdict(c, List.of(done), TEXT));
        Map<String, String> moved = Map.of("number", "14", "status", "COMPLETE", "target_date", "2027-06-30");
        Change doneAndMoved = new Change("actions", "14", new Row("actions", "14", before),
                new Row("actions", "14", moved));
        assertEquals(Verdict.WRONG, verdict(c, List.of(doneAndMoved), TEXT));
    }

    @Test
    void chatIsSilentUnlessAddressedAndThenShort() {
        CorpusCase unaddressed = corpusCase("> Jon Leigh in board", "= nothing");
        assertEquals(Verdict.NOTHING, verdict(unaddressed, List.of(), Said.SILENCE));
        assertEquals(Verdict.UNMET, verdict(unaddressed, List.of(), TEXT));
        CorpusCase addressed = corpusCase("> Jon Leigh in board, mentions bot", "= nothing");
        assertEquals(Verdict.NOTHING, verdict(addressed, List.of(), TEXT));
        assertEquals(Verdict.UNMET, verdict(addressed, List.of(), GRAMMAR));
        assertEquals(Verdict.UNMET, verdict(addressed, List.of(), QUESTION));
        assertEquals(Verdict.WRONG, verdict(addressed, List.of(added("apologies", "1", "meeting", "2027-03-11",
                "person", "Jon Leigh", "name", "Jon Leigh")), TEXT));
    }

    @Test
    void askedNeedsAQuestionCardAndAnAnswerItsWords() {
        CorpusCase asked = corpusCase("> Sam Clerk in board", "= asked");
        assertEquals(Verdict.ASKED, verdict(asked, List.of(), QUESTION));
        assertEquals(Verdict.UNMET, verdict(asked, List.of(), TEXT));
        CorpusCase answer = corpusCase("> Jon Leigh in personal", "= answer \"reserves forecast\"");
        assertEquals(Verdict.UNDERSTOOD, verdict(answer, List.of(), new Said(true,
                "Refresh the Reserves Forecast for the MTFS", false, 1)));
        assertEquals(Verdict.UNMET, verdict(answer, List.of(), GRAMMAR));
    }
}
