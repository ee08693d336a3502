package io.boardclerk.storage;

import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.model.ActionUpdate;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.Owner;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.model.RecordingKind;
import io.boardclerk.core.model.Target;
import io.boardclerk.core.port.Ledger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The numbered action log: numbering, ordering, updates, owners and targets. */
class SqliteLedgerActionsTest extends LedgerStoreTestSupport {

    private Board board;

    @BeforeEach
    void createBoard() {
        board = newBoard("conv-1");
    }

    private static ActionItem addAction(Ledger l, long boardId, int number, String text, Owner owner, Target target) {
        long recording = record(l, boardId, RecordingKind.ACTION, "29:amy");
        return l.addAction(boardId, number, null, TODAY, null, text, owner == null ? List.of() : List.of(owner), target,
                recording, Instant.parse("2026-05-26T09:00:00Z"), "Amy");
    }

    private ActionItem newAction(long boardId, String text) {
        return write(l -> addAction(l, boardId, l.takeActionNumber(boardId), text, null, null));
    }

    // ---- numbering

    @Test
    void actionNumbersStartAtOneAndCountUp() {
        assertEquals(1, takeNumber(board.id()));
        assertEquals(2, takeNumber(board.id()));
        assertEquals(3, takeNumber(board.id()));
    }

    @Test
    void aDeletedActionsNumberIsNeverHandedOutAgain() {
        newAction(board.id(), "First");
        ActionItem second = newAction(board.id(), "Second");
        writeDo(l -> l.deleteAction(second.id()));

        assertEquals(List.of(1), read(l -> l.actions(board.id())).stream().map(ActionItem::number).toList());
        assertEquals(3, takeNumber(board.id()));
    }

    @Test
    void anUndoneActionsNumberIsNeverHandedOutAgain() {
        ActionItem action = newAction(board.id(), "Recorded then undone");
        writeDo(l -> {
            l.deleteRecordedItems(action.recordingId());
            l.markUndone(action.recordingId(), T0);
        });

        assertTrue(read(l -> l.actions(board.id())).isEmpty());
        assertEquals(2, takeNumber(board.id()));
    }

    @Test
    void eachBoardCountsItsOwnActions() {
        Board other = newBoard("conv-2");
        assertEquals(1, takeNumber(board.id()));
        assertEquals(2, takeNumber(board.id()));
        assertEquals(1, takeNumber(other.id()));
        assertEquals(3, takeNumber(board.id()));
        assertEquals(2, takeNumber(other.id()));
    }

    @Test
    void takingANumberForAnUnknownBoardFails() {
        assertThrows(StorageException.class, () -> takeNumber(999_999L));
    }

    @Test
    void aNumberCannotBeUsedTwiceOnOneBoardButCanOnAnother() {
        Board other = newBoard("conv-2");
        writeDo(l -> addAction(l, board.id(), 7, "First seven", null, null));

        assertThrows(StorageException.class, () -> writeDo(l -> addAction(l, board.id(), 7, "Second seven", null, null)));
        writeDo(l -> addAction(l, other.id(), 7, "Seven elsewhere", null, null));

        assertEquals("First seven", read(l -> l.action(board.id(), 7)).orElseThrow().text());
        assertEquals("Seven elsewhere", read(l -> l.action(other.id(), 7)).orElseThrow().text());
    }

    // ---- reading

    @Test
    void addActionReturnsTheStoredItem() {
        Meeting meeting = write(l -> l.scheduleMeeting(board.id(), TODAY, null, null, null));
        ActionItem added = write(l -> {
            long recording = record(l, board.id(), RecordingKind.ACTION, "29:amy");
            return l.addAction(board.id(), l.takeActionNumber(board.id()), meeting.id(), LocalDate.of(2026, 5, 26),
                    "5.7", "Circulate the report", List.of(Owner.body("Constabulary")),
                    new Target("the May Board", LocalDate.of(2027, 5, 25)), recording,
                    Instant.parse("2026-05-26T09:00:00Z"), "Amy");
        });

        assertEquals(board.id(), added.boardId());
        assertEquals(1, added.number());
        assertEquals(meeting.id(), added.meetingId());
        assertEquals(LocalDate.of(2026, 5, 26), added.raisedOn());
        assertEquals("5.7", added.agendaItem());
        assertEquals("Circulate the report", added.text());
        assertEquals(ActionStatus.OPEN, added.status());
        assertEquals(List.of(), added.updates());
        assertEquals(added, read(l -> l.action(board.id(), 1)).orElseThrow());
        assertEquals(List.of(added), read(l -> l.actions(board.id())));
    }

    @Test
    void anUnknownActionNumberIsEmpty() {
        assertTrue(read(l -> l.action(board.id(), 42)).isEmpty());
    }

    @Test
    void actionsAreListedByNumberWithTheirOwnUpdates() {
        // Inserted out of number order, so that id order and number order differ.
        long third = write(l -> addAction(l, board.id(), 3, "Third", null, null)).id();
        long first = write(l -> addAction(l, board.id(), 1, "First", null, null)).id();
        write(l -> addAction(l, board.id(), 2, "Second", null, null));
        Board other = newBoard("conv-2");
        long elsewhere = write(l -> addAction(l, other.id(), 1, "Elsewhere", null, null)).id();

        // No port method writes updates yet: put them in the file directly.
        insertUpdate(first, "2026-12-01", "Drafted", "Amy Pond");
        insertUpdate(third, "2026-12-02", "Started", null);
        insertUpdate(first, "2026-12-03", "Sent to the panel", "Rory Williams");
        insertUpdate(elsewhere, "2026-12-04", "Other board's update", "Someone");

        List<ActionItem> actions = read(l -> l.actions(board.id()));

        assertEquals(List.of(1, 2, 3), actions.stream().map(ActionItem::number).toList());
        assertEquals(List.of("First", "Second", "Third"), actions.stream().map(ActionItem::text).toList());
        List<ActionUpdate> firstUpdates = List.of(
                new ActionUpdate(LocalDate.of(2026, 12, 1), "Drafted", "Amy Pond"),
                new ActionUpdate(LocalDate.of(2026, 12, 3), "Sent to the panel", "Rory Williams"));
        assertEquals(firstUpdates, actions.get(0).updates());
        assertEquals(List.of(), actions.get(1).updates());
        assertEquals(List.of(new ActionUpdate(LocalDate.of(2026, 12, 2), "Started", null)), actions.get(2).updates());

        // The single-action lookup maps the same updates as the whole-log listing.
        assertEquals(actions.get(0), read(l -> l.action(board.id(), 1)).orElseThrow());
        assertEquals(actions.get(2), read(l -> l.action(board.id(), 3)).orElseThrow());
        assertEquals(List.of(new ActionUpdate(LocalDate.of(2026, 12, 4), "Other board's update", "Someone")),
                read(l -> l.actions(other.id())).get(0).updates());
    }

    @Test
    void deletingAnActionDeletesItsUpdates() {
        ActionItem action = newAction(board.id(), "With updates");
        insertUpdate(action.id(), "2026-12-01", "Drafted", null);

        writeDo(l -> l.deleteAction(action.id()));

        assertEquals(0, count("action_updates"));
        assertTrue(read(l -> l.action(board.id(), action.number())).isEmpty());
    }

    private void insertUpdate(long actionId, String date, String text, String by) {
        rawUpdate("INSERT INTO action_updates (action_id, date, text, by_name) VALUES (?, ?, ?, ?)",
                actionId, date, text, by);
    }

    // ---- targets

    @Test
    void aMissingTargetComesBackAsAnEmptyTargetNeverNull() {
        ActionItem withNull = write(l -> addAction(l, board.id(), 1, "No target given", null, null));
        ActionItem withEmpty = write(l -> addAction(l, board.id(), 2, "Empty target", null, new Target(null, null)));

        for (ActionItem action : read(l -> l.actions(board.id()))) {
            assertNotNull(action.target());
            assertEquals(new Target(null, null), action.target());
        }
        assertEquals(new Target(null, null), withNull.target());
        assertEquals(new Target(null, null), withEmpty.target());
        assertEquals(new Target(null, null), read(l -> l.action(board.id(), 1)).orElseThrow().target());
    }

    @Test
    void targetsRoundTripWithAndWithoutADate() {
        Target words = new Target("the May Board", null);
        Target dated = new Target("by 30 June", LocalDate.of(2027, 6, 30));
        write(l -> addAction(l, board.id(), 1, "Words only", null, words));
        write(l -> addAction(l, board.id(), 2, "Dated", null, dated));

        assertEquals(List.of(words, dated), read(l -> l.actions(board.id())).stream().map(ActionItem::target).toList());
    }

    @Test
    void setTargetReplacesAndClearsTheTarget() {
        ActionItem action = newAction(board.id(), "Retargeted");
        Target target = new Target("the June Board", LocalDate.of(2027, 6, 22));

        writeDo(l -> l.setTarget(action.id(), target, Instant.parse("2026-05-27T09:00:00Z"), "Amy"));
        assertEquals(target, read(l -> l.action(board.id(), 1)).orElseThrow().target());

        writeDo(l -> l.setTarget(action.id(), new Target(null, null), Instant.parse("2026-05-28T09:00:00Z"), "Amy"));
        assertEquals(new Target(null, null), read(l -> l.action(board.id(), 1)).orElseThrow().target());
    }

    // ---- owners

    @Test
    void ownersRoundTripIncludingTheBodyFlag() {
        Person amy = write(l -> l.upsertRosterMember(board.id(), "29:amy", null, "Amy Pond"));
        Owner person = Owner.person(amy);
        Owner body = Owner.body("Constabulary");
        Owner unresolved = Owner.unresolved("Someone Unknown");
        write(l -> addAction(l, board.id(), 1, "Person", person, null));
        write(l -> addAction(l, board.id(), 2, "Body", body, null));
        write(l -> addAction(l, board.id(), 3, "Unresolved", unresolved, null));
        write(l -> addAction(l, board.id(), 4, "Nobody", null, null));

        List<Owner> owners = read(l -> l.actions(board.id())).stream().map(ActionItem::owner).toList();

        assertEquals(java.util.Arrays.asList(person, body, unresolved, null), owners, "an action stored without an owner has none");
        assertFalse(owners.get(0).body());
        assertTrue(owners.get(1).body());
        assertFalse(owners.get(2).body());
    }

    @Test
    void setOwnerReplacesTheOwnerAndItsBodyFlag() {
        ActionItem action = write(l -> addAction(l, board.id(), 1, "Reassigned", Owner.body("OPCC"), null));

        writeDo(l -> l.setOwners(action.id(), List.of(Owner.unresolved("Rory Williams"))));
        assertEquals(new Owner(null, "Rory Williams", false), read(l -> l.action(board.id(), 1)).orElseThrow().owner());

        writeDo(l -> l.setOwners(action.id(), List.of(Owner.body("Constabulary"))));
        assertEquals(Owner.body("Constabulary"), read(l -> l.action(board.id(), 1)).orElseThrow().owner());
    }

    @Test
    void bodyOwnerNamesListsEachBodyOnceAndOnlyForTheBoard() {
        Board other = newBoard("conv-2");
        write(l -> addAction(l, board.id(), 1, "A", Owner.body("Constabulary"), null));
        write(l -> addAction(l, board.id(), 2, "B", Owner.body("Constabulary"), null));
        write(l -> addAction(l, board.id(), 3, "C", Owner.body("OPCC"), null));
        write(l -> addAction(l, board.id(), 4, "D", Owner.unresolved("Not A Body"), null));
        write(l -> addAction(l, other.id(), 1, "E", Owner.body("Fire Service"), null));

        List<String> names = read(l -> l.bodyOwnerNames(board.id()));

        assertEquals(List.of("Constabulary", "OPCC"), names.stream().sorted().toList());
    }
}
