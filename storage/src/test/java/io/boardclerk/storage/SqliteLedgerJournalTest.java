package io.boardclerk.storage;

import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Recording;
import io.boardclerk.core.model.RecordingKind;
import io.boardclerk.core.model.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Redelivery detection, recordings and undo lookup, and questions waiting for an answer. */
class SqliteLedgerJournalTest extends LedgerStoreTestSupport {

    private Board board;

    @BeforeEach
    void createBoard() {
        board = newBoard("conv-1");
    }

    // ---- claiming activities

    @Test
    void anActivityCanBeClaimedOnlyOncePerConversation() {
        assertTrue(claim("conv-1", "activity-1", T0), "first delivery");
        assertFalse(claim("conv-1", "activity-1", T0.plusSeconds(5)), "redelivery");
        assertTrue(claim("conv-2", "activity-1", T0), "same id, other conversation");
        assertTrue(claim("conv-1", "activity-2", T0), "other id, same conversation");
        assertEquals(3, count("processed_activities"));
    }

    @Test
    void anActivityWithoutAnIdIsAlwaysClaimedAndNothingIsStored() {
        assertTrue(claim("conv-1", null, T0));
        assertTrue(claim("conv-1", null, T0));
        assertTrue(claim("conv-1", "  ", T0));
        assertEquals(0, count("processed_activities"));
    }

    @Test
    void aClaimInAFailedTurnIsNotKept() {
        try {
            writeDo(l -> {
                l.claimActivity("conv-1", "activity-1", T0);
                throw new IllegalStateException("turn failed");
            });
        } catch (IllegalStateException expected) {
            // the turn's writes were rolled back
        }
        assertTrue(claim("conv-1", "activity-1", T0), "the redelivery is processed");
    }

    // ---- recordings and undo

    @Test
    void aRecordingKeepsItsSource() {
        Instant received = Instant.parse("2026-11-23T10:15:30.250Z");
        Source source = new Source("activity-9", "29:amy", "Amy Pond", "apologies from Rory", received);
        long id = write(l -> l.addRecording(board.id(), RecordingKind.APOLOGIES, source));

        Recording recording = read(l -> l.lastUndoableRecording(board.id(), "29:amy")).orElseThrow();

        assertEquals(new Recording(id, board.id(), RecordingKind.APOLOGIES, source, null), recording);
    }

    @Test
    void aRecordingWithoutTextIsStoredWithEmptyText() {
        write(l -> l.addRecording(board.id(), RecordingKind.ACTION, new Source(null, "29:amy", null, null, T0)));

        Recording recording = read(l -> l.lastUndoableRecording(board.id(), "29:amy")).orElseThrow();
        assertEquals("", recording.source().text());
        assertNull(recording.source().activityId());
    }

    @Test
    void theLastUndoableRecordingIsTheSendersLatestUndoneKind() {
        long apologies = write(l -> record(l, board.id(), RecordingKind.APOLOGIES, "29:amy"));
        long action = write(l -> record(l, board.id(), RecordingKind.ACTION, "29:amy"));
        write(l -> record(l, board.id(), RecordingKind.OTHER, "29:amy"));

        assertEquals(action, lastUndoable("29:amy"), "an OTHER recording cannot be undone and is skipped");

        writeDo(l -> l.markUndone(action, T0));
        assertEquals(apologies, lastUndoable("29:amy"), "an undone recording is skipped");

        writeDo(l -> l.markUndone(apologies, T0));
        assertTrue(read(l -> l.lastUndoableRecording(board.id(), "29:amy")).isEmpty());
    }

    @Test
    void everyUndoableKindCanBeUndone() {
        for (RecordingKind kind : new RecordingKind[] {RecordingKind.APOLOGIES, RecordingKind.DECLARATION,
                RecordingKind.NO_DECLARATIONS, RecordingKind.ACTION}) {
            long id = write(l -> record(l, board.id(), kind, "29:amy"));
            assertEquals(id, lastUndoable("29:amy"), kind + " is undoable");
        }
    }

    @Test
    void theLastUndoableRecordingIsPerSenderAndPerBoard() {
        Board other = newBoard("conv-2");
        long amysHere = write(l -> record(l, board.id(), RecordingKind.APOLOGIES, "29:amy"));
        long rorysHere = write(l -> record(l, board.id(), RecordingKind.ACTION, "29:rory"));
        long amysElsewhere = write(l -> record(l, other.id(), RecordingKind.DECLARATION, "29:amy"));

        assertEquals(amysHere, lastUndoable("29:amy"));
        assertEquals(rorysHere, lastUndoable("29:rory"));
        assertEquals(amysElsewhere, read(l -> l.lastUndoableRecording(other.id(), "29:amy")).orElseThrow().id());
        assertTrue(read(l -> l.lastUndoableRecording(other.id(), "29:rory")).isEmpty());
        assertTrue(read(l -> l.lastUndoableRecording(board.id(), null)).isEmpty());
    }

    @Test
    void markUndoneRecordsWhen() {
        long id = write(l -> record(l, board.id(), RecordingKind.ACTION, "29:amy"));
        Instant at = Instant.parse("2026-11-23T11:00:00.5Z");
        writeDo(l -> l.markUndone(id, at));
        assertEquals(at.toString(), queryString("SELECT undone_at FROM recordings WHERE id = " + id));
    }

    private long lastUndoable(String sender) {
        return read(l -> l.lastUndoableRecording(board.id(), sender)).orElseThrow().id();
    }

    // ---- pending questions

    @Test
    void aPendingQuestionCanBeSavedReplacedReadAndCleared() {
        assertTrue(read(l -> l.pendingQuestion(board.id(), "29:amy")).isEmpty());

        writeDo(l -> l.savePendingQuestion(board.id(), "29:amy", "{\"ask\":\"who?\"}", T0));
        assertEquals("{\"ask\":\"who?\"}", read(l -> l.pendingQuestion(board.id(), "29:amy")).orElseThrow());

        writeDo(l -> l.savePendingQuestion(board.id(), "29:amy", "{\"ask\":\"when?\"}", T0.plusSeconds(60)));
        assertEquals("{\"ask\":\"when?\"}", read(l -> l.pendingQuestion(board.id(), "29:amy")).orElseThrow());
        assertEquals(1, count("pending_questions"), "a new question replaces the old one");
        assertEquals(T0.plusSeconds(60).toString(), queryString("SELECT asked_at FROM pending_questions"));

        writeDo(l -> l.clearPendingQuestion(board.id(), "29:amy"));
        assertTrue(read(l -> l.pendingQuestion(board.id(), "29:amy")).isEmpty());
        writeDo(l -> l.clearPendingQuestion(board.id(), "29:amy"));
    }

    @Test
    void pendingQuestionsArePerSenderAndPerBoard() {
        Board other = newBoard("conv-2");
        writeDo(l -> {
            l.savePendingQuestion(board.id(), "29:amy", "amy here", T0);
            l.savePendingQuestion(board.id(), "29:rory", "rory here", T0);
            l.savePendingQuestion(other.id(), "29:amy", "amy elsewhere", T0);
        });

        writeDo(l -> l.clearPendingQuestion(board.id(), "29:amy"));

        assertTrue(read(l -> l.pendingQuestion(board.id(), "29:amy")).isEmpty());
        assertEquals("rory here", read(l -> l.pendingQuestion(board.id(), "29:rory")).orElseThrow());
        assertEquals("amy elsewhere", read(l -> l.pendingQuestion(other.id(), "29:amy")).orElseThrow());
    }
}
