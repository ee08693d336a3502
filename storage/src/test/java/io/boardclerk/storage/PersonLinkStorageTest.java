package io.boardclerk.storage;

import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.InterestKind;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.Owner;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.model.PersonLink;
import io.boardclerk.core.model.RecordingKind;
import io.boardclerk.core.model.Target;
import io.boardclerk.core.port.ReminderRepository.NewDelivery;
import io.boardclerk.core.reminder.PlannedReminder;
import io.boardclerk.core.reminder.ReminderKind;
import io.boardclerk.core.reminder.StoredDelivery;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Linking a person known only by name to the person Teams knows ({@code linkNameOnly}): every row that names the
 * name-only person moves, rows both already had are kept once, and what would be wrong is refused with nothing
 * changed. Runs on SQLite and on PostgreSQL.
 */
class PersonLinkStorageTest extends LedgerStoreTestSupport {

    private static final Instant DUE = Instant.parse("2026-12-03T08:00:00Z");

    private record World(Board board, Person sam, Person samInTeams, Person jo, Meeting march, Meeting april,
                         long bothOwn, long samOwns, long reminder) {
    }

    /** Sam Reed named in the minutes, and later in Teams; Jo Grant beside them. */
    private World world() {
        Board board = newBoard("conv-link");
        return write(l -> {
            Person sam = l.addKnownPerson(board.id(), "Sam Reed", "Treasurer");
            l.setAlias(sam.id(), "the Treasurer");
            l.setMember(sam.id(), true);
            Person samInTeams = l.upsertRosterMember(board.id(), "29:sam", "aad-sam", "Sam Reed");
            Person jo = l.upsertRosterMember(board.id(), "29:jo", "aad-jo", "Jo Grant");
            long recording = record(l, board.id(), RecordingKind.OTHER, "29:jo");
            Meeting march = l.scheduleMeeting(board.id(), TODAY.plusDays(10), null, null, null);
            Meeting april = l.scheduleMeeting(board.id(), TODAY.plusDays(40), null, null, null);
            l.addApology(march.id(), sam.id(), "Sam Reed", "Treasurer", "on leave", recording);
            long april1 = l.addApology(april.id(), sam.id(), "Sam Reed", null, recording).id();
            l.addApology(april.id(), samInTeams.id(), "Sam Reed", null, recording);
            long awaited = l.awaitApology(board.id(), sam.id(), "Sam Reed", null, null, "the June Board", null,
                    YearMonth.of(2027, 6), recording).id();
            l.attachAwaitedApology(awaited, april1);
            l.addDeclaration(march.id(), sam.id(), "Sam Reed", "7", InterestKind.PERSONAL, "a trustee", recording);
            long samOwns = l.addAction(board.id(), l.takeActionNumber(board.id()), null, TODAY, null,
                    "Check the accounts", List.of(Owner.person(sam), Owner.body("Finance")),
                    new Target("26/01/2027", TODAY.plusDays(60)), recording, T0, "Jo Grant").id();
            long bothOwn = l.addAction(board.id(), l.takeActionNumber(board.id()), null, TODAY, null,
                    "Report on grants", List.of(Owner.person(jo), Owner.person(sam), Owner.person(samInTeams)),
                    new Target("26/01/2027", TODAY.plusDays(60)), recording, T0, "Jo Grant").id();
            l.mapBody(board.id(), "Finance", List.of(sam.id(), jo.id()));
            l.mapBody(board.id(), "Audit", List.of(sam.id(), samInTeams.id()));
            l.planReminder(new PlannedReminder(board.id(), ReminderKind.BEFORE, PlannedReminder.actionSubject(samOwns),
                    samOwns, null, null, DUE), T0);
            long reminder = l.dueReminders(DUE, 10).get(0).id();
            l.addDeliveries(List.of(new NewDelivery(reminder, board.id(), sam.id(), "Sam Reed",
                    StoredDelivery.UNDELIVERABLE, DUE, "known only from the minutes: no Teams identity"),
                    new NewDelivery(reminder, board.id(), jo.id(), "Jo Grant", StoredDelivery.PENDING, DUE, null)),
                    T0);
            return new World(board, sam, samInTeams, jo, march, april, bothOwn, samOwns, reminder);
        });
    }

    @Test
    void everyRecordOfTheNameOnlyPersonBecomesTheTeamsPersonsAndTheyAreOne() {
        World w = world();
        PersonLink link = write(l -> l.linkNameOnly(w.sam().id(), w.samInTeams().id()));

        long sam = w.samInTeams().id();
        assertEquals(new PersonLink(1, 1, 1, 1, List.of(w.samOwns(), w.bothOwn()), 1, 1), link);
        assertEquals(0, queryLong("SELECT count(*) FROM people WHERE id = ?", w.sam().id()), "the name-only row");
        Person linked = read(l -> l.person(sam)).orElseThrow();
        assertEquals("Treasurer|the Treasurer|29:sam", linked.title() + "|" + linked.alias() + "|" + linked.teamsId());
        assertEquals(Map.of(sam, true), read(l -> l.standings(w.board().id())));

        // The apology both sent for April is kept once (the Teams person's); the awaited apology now points at it.
        assertEquals(List.of(sam), read(l -> l.apologies(w.march().id())).stream().map(a -> a.personId()).toList());
        List<Long> april = read(l -> l.apologies(w.april().id())).stream().map(a -> a.id()).toList();
        assertEquals(1, april.size());
        assertEquals(april.get(0), queryLong("SELECT apology_id FROM awaited_apologies"));
        assertEquals(sam, queryLong("SELECT person_id FROM awaited_apologies"));
        assertEquals(sam, read(l -> l.declarations(w.march().id())).get(0).personId());

        ActionItem owned = read(l -> l.actionById(w.samOwns())).orElseThrow();
        assertTrue(owned.isOwnedBy(sam));
        assertEquals(sam, queryLong("SELECT owner_person_id FROM actions WHERE id = ?", w.samOwns()));
        // Where both owned the action, the Teams person keeps their own place, once.
        assertEquals(List.of(w.jo().id(), sam), read(l -> l.actionById(w.bothOwn())).orElseThrow().owners().stream()
                .map(Owner::personId).toList());

        assertEquals(List.of(sam, w.jo().id()).stream().sorted().toList(),
                read(l -> l.bodyMembers(w.board().id(), "Finance")));
        assertEquals(List.of(sam), read(l -> l.bodyMembers(w.board().id(), "Audit")));
        assertEquals(sam, queryLong("SELECT person_id FROM reminder_deliveries WHERE reminder_id = ? AND"
                + " recipient = 'Sam Reed'", w.reminder()));
        assertEquals(0, queryLong("SELECT count(*) FROM people p WHERE p.name = 'Sam Reed' AND p.teams_id IS NULL"));
    }

    @Test
    void theLinkedActionsAreNotedForTheirRemindersToBeReplanned() {
        World w = world();
        write(l -> l.takeReminderChanges());
        assertEquals(java.util.Set.of(w.samOwns(), w.bothOwn()), write(l -> {
            l.linkNameOnly(w.sam().id(), w.samInTeams().id());
            return l.takeReminderChanges().actionIds();
        }));
    }

    @Test
    void peopleOfTwoBoardsOrWithATeamsIdentityOrWithoutOneAreNeverLinked() {
        World w = world();
        Board other = newBoard("conv-other");
        Person elsewhere = write(l -> l.upsertRosterMember(other.id(), "29:sam", "aad-sam", "Sam Reed"));
        Person directory = write(l -> l.addDirectoryPerson(w.board().id(), "Sam Reed", "aad-sam-directory"));

        assertThrows(IllegalArgumentException.class, () -> write(l -> l.linkNameOnly(w.sam().id(), elsewhere.id())));
        assertThrows(IllegalArgumentException.class, () -> write(l -> l.linkNameOnly(w.jo().id(), w.samInTeams().id())));
        assertThrows(IllegalArgumentException.class, () -> write(l -> l.linkNameOnly(directory.id(), w.samInTeams().id())));
        assertThrows(IllegalArgumentException.class, () -> write(l -> l.linkNameOnly(w.sam().id(), directory.id())));
        assertThrows(IllegalArgumentException.class, () -> write(l -> l.linkNameOnly(w.sam().id(), 999_999L)));

        assertTrue(read(l -> l.person(w.sam().id())).isPresent(), "nothing was changed");
        assertEquals(2, queryLong("SELECT count(*) FROM apologies WHERE person_id = ?", w.sam().id()));
        assertEquals(1, queryLong("SELECT count(*) FROM declarations WHERE person_id = ?", w.sam().id()));
        assertFalse(read(l -> l.actionById(w.samOwns())).orElseThrow().isOwnedBy(w.samInTeams().id()));
    }
}
