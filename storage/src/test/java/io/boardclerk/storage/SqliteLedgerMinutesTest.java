package io.boardclerk.storage;

import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.Apology;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Declaration;
import io.boardclerk.core.model.InterestKind;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.model.RecordingKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Apologies, declarations of interest, "no declarations", and undoing what one recording made. */
class SqliteLedgerMinutesTest extends LedgerStoreTestSupport {

    private Board board;
    private Meeting meeting;

    @BeforeEach
    void createBoardAndMeeting() {
        board = newBoard("conv-1");
        meeting = write(l -> l.createOpenMeeting(board.id(), TODAY, null, "Board", null, T0));
    }

    private long recording(RecordingKind kind) {
        return write(l -> record(l, board.id(), kind, "29:sec"));
    }

    // ---- apologies

    @Test
    void apologiesAreListedInTheOrderRecordedAndCanBeRemoved() {
        Person amy = write(l -> l.upsertRosterMember(board.id(), "29:amy", null, "Amy Pond"));
        long recording = recording(RecordingKind.APOLOGIES);
        Apology first = write(l -> l.addApology(meeting.id(), amy.id(), "Amy Pond", "Chief Constable", recording));
        Apology second = write(l -> l.addApology(meeting.id(), null, "Someone Unknown", null, recording));
        Apology third = write(l -> l.addApology(meeting.id(), null, "Rory Williams", "Treasurer", recording));

        assertEquals(new Apology(first.id(), meeting.id(), amy.id(), "Amy Pond", "Chief Constable", recording), first);
        assertEquals(List.of(first, second, third), read(l -> l.apologies(meeting.id())));

        writeDo(l -> l.removeApology(second.id()));

        assertEquals(List.of(first, third), read(l -> l.apologies(meeting.id())));
    }

    @Test
    void apologiesBelongToTheirMeeting() {
        Meeting other = write(l -> l.scheduleMeeting(board.id(), TODAY.plusMonths(1), null, null, null));
        long recording = recording(RecordingKind.APOLOGIES);
        writeDo(l -> l.addApology(other.id(), null, "Amy Pond", null, recording));

        assertEquals(List.of(), read(l -> l.apologies(meeting.id())));
        assertEquals(1, read(l -> l.apologies(other.id())).size());
    }

    // ---- declarations

    @Test
    void declarationsAreListedInTheOrderRecorded() {
        Person amy = write(l -> l.upsertRosterMember(board.id(), "29:amy", null, "Amy Pond"));
        long recording = recording(RecordingKind.DECLARATION);
        Declaration first = write(l -> l.addDeclaration(meeting.id(), amy.id(), "Amy Pond", "7",
                InterestKind.PECUNIARY, "Shares in the supplier", recording));
        Declaration second = write(l -> l.addDeclaration(meeting.id(), null, "Someone Unknown", null,
                InterestKind.OTHER, "Related to an officer", recording));

        assertEquals(new Declaration(first.id(), meeting.id(), amy.id(), "Amy Pond", "7", InterestKind.PECUNIARY,
                "Shares in the supplier", recording), first);
        assertEquals(List.of(first, second), read(l -> l.declarations(meeting.id())));
    }

    // ---- no declarations

    @Test
    void noDeclarationsCanBeSetResetAndCleared() {
        assertFalse(noDeclarations(meeting.id()));

        long first = recording(RecordingKind.NO_DECLARATIONS);
        writeDo(l -> l.setNoDeclarations(meeting.id(), first));
        assertTrue(noDeclarations(meeting.id()));

        long second = recording(RecordingKind.NO_DECLARATIONS);
        writeDo(l -> l.setNoDeclarations(meeting.id(), second));
        assertTrue(noDeclarations(meeting.id()));
        assertEquals(1, count("no_declarations"), "setting it again does not duplicate the mark");

        writeDo(l -> l.setNoDeclarations(meeting.id(), null));
        assertFalse(noDeclarations(meeting.id()));

        writeDo(l -> l.setNoDeclarations(meeting.id(), null));
        assertFalse(noDeclarations(meeting.id()), "clearing twice is harmless");
    }

    @Test
    void noDeclarationsIsPerMeeting() {
        Meeting other = write(l -> l.scheduleMeeting(board.id(), TODAY.plusMonths(1), null, null, null));
        long recording = recording(RecordingKind.NO_DECLARATIONS);
        writeDo(l -> l.setNoDeclarations(other.id(), recording));

        assertFalse(noDeclarations(meeting.id()));
        assertTrue(noDeclarations(other.id()));
    }

    // ---- undo

    @Test
    void deletingARecordingsItemsRemovesExactlyWhatThatRecordingMade() {
        Meeting other = write(l -> l.scheduleMeeting(board.id(), TODAY.plusMonths(1), null, null, null));
        long undone = recording(RecordingKind.APOLOGIES);
        long kept = recording(RecordingKind.APOLOGIES);
        writeDo(l -> {
            l.addApology(meeting.id(), null, "Undone One", null, undone);
            l.addApology(meeting.id(), null, "Kept One", null, kept);
            l.addApology(meeting.id(), null, "Undone Two", null, undone);
            l.addDeclaration(meeting.id(), null, "Undone Three", "4", InterestKind.PERSONAL, "Friend", undone);
            l.addDeclaration(meeting.id(), null, "Kept Two", "4", InterestKind.PERSONAL, "Neighbour", kept);
            l.setNoDeclarations(other.id(), undone);
            l.addAction(board.id(), l.takeActionNumber(board.id()), meeting.id(), TODAY, null, "Undone action", List.of(),
                    null, undone, T0, "Amy");
            l.addAction(board.id(), l.takeActionNumber(board.id()), meeting.id(), TODAY, null, "Kept action", List.of(),
                    null, kept, T0, "Amy");
        });

        writeDo(l -> l.deleteRecordedItems(undone));

        assertEquals(List.of("Kept One"), read(l -> l.apologies(meeting.id())).stream().map(Apology::name).toList());
        assertEquals(List.of("Kept Two"),
                read(l -> l.declarations(meeting.id())).stream().map(Declaration::member).toList());
        assertFalse(noDeclarations(other.id()));
        assertEquals(List.of("Kept action"),
                read(l -> l.actions(board.id())).stream().map(ActionItem::text).toList());
        assertEquals(2, count("recordings"), "the recordings themselves stay, for the record of what was undone");
    }

    @Test
    void undoingTheLatestNoDeclarationsRecordingClearsTheMark() {
        long first = recording(RecordingKind.NO_DECLARATIONS);
        long second = recording(RecordingKind.NO_DECLARATIONS);
        writeDo(l -> l.setNoDeclarations(meeting.id(), first));
        writeDo(l -> l.setNoDeclarations(meeting.id(), second));

        writeDo(l -> l.deleteRecordedItems(second));

        assertFalse(noDeclarations(meeting.id()));
    }
}
