package io.boardclerk.storage;

import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.BoardRole;
import io.boardclerk.core.model.Person;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Boards (one per tenant and conversation) and the people known on each. */
class SqliteLedgerBoardsAndPeopleTest extends LedgerStoreTestSupport {

    // ---- boards

    @Test
    void aNewBoardStartsWithoutOfficersOrAUserGivenName() {
        Board board = write(l -> l.createBoard(TENANT, "conv-1", "Joint Audit Committee"));

        assertEquals(new Board(board.id(), TENANT, "conv-1", "Joint Audit Committee", false, null, null), board);
        assertEquals(board, read(l -> l.board(board.id())).orElseThrow());
    }

    @Test
    void theSameConversationIdInTwoTenantsIsTwoBoards() {
        Board first = write(l -> l.createBoard(TENANT, "shared-conv", "First tenant's board"));
        Board second = write(l -> l.createBoard(OTHER_TENANT, "shared-conv", "Second tenant's board"));

        assertNotEquals(first.id(), second.id());
        assertEquals(first, read(l -> l.findBoard(TENANT, "shared-conv")).orElseThrow());
        assertEquals(second, read(l -> l.findBoard(OTHER_TENANT, "shared-conv")).orElseThrow());
        assertTrue(read(l -> l.findBoard("tenant-3", "shared-conv")).isEmpty());
        assertTrue(read(l -> l.findBoard(TENANT, "other-conv")).isEmpty());
        assertEquals(List.of(first, second), read(l -> l.boards()));
    }

    @Test
    void aBoardKeepsTheServiceUrlLastSeenForItsConversation() {
        Board board = newBoard("conv-1");
        assertTrue(read(l -> l.serviceUrl(board.id())).isEmpty());

        write(l -> {
            l.setServiceUrl(board.id(), "https://smba.trafficmanager.net/uk/");
            return null;
        });
        write(l -> {
            l.setServiceUrl(board.id(), "https://smba.trafficmanager.net/emea/");
            return null;
        });

        assertEquals("https://smba.trafficmanager.net/emea/", read(l -> l.serviceUrl(board.id())).orElseThrow());
    }

    @Test
    void aConversationCannotHaveTwoBoardsInOneTenant() {
        newBoard("conv-1");
        assertThrows(StorageException.class, () -> newBoard("conv-1"));
        assertEquals(1, count("boards"));
    }

    @Test
    void aUserGivenNameStaysMarkedAsSoOnLaterRenames() {
        Board board = newBoard("conv-1");

        writeDo(l -> l.renameBoard(board.id(), "Automatic name", false));
        assertFalse(read(l -> l.board(board.id())).orElseThrow().nameSetByUser());

        writeDo(l -> l.renameBoard(board.id(), "Chosen name", true));
        writeDo(l -> l.renameBoard(board.id(), "Later automatic name", false));
        Board renamed = read(l -> l.board(board.id())).orElseThrow();
        assertEquals("Later automatic name", renamed.name());
        assertTrue(renamed.nameSetByUser());
    }

    @Test
    void officersAreRecordedPerRole() {
        Board board = newBoard("conv-1");
        Person chair = write(l -> l.upsertRosterMember(board.id(), "29:chair", null, "Clara Oswald"));
        Person secretary = write(l -> l.upsertRosterMember(board.id(), "29:sec", null, "Rory Williams"));

        writeDo(l -> l.setOfficer(board.id(), BoardRole.CHAIR, chair.id()));
        writeDo(l -> l.setOfficer(board.id(), BoardRole.SECRETARY, secretary.id()));

        Board stored = read(l -> l.board(board.id())).orElseThrow();
        assertEquals(chair.id(), stored.chairId());
        assertEquals(secretary.id(), stored.secretaryId());
    }

    @Test
    void boardsOnRosterListsOnlyTheTenantsBoardsWhereThePersonIsOnTheRoster() {
        Board beta = write(l -> l.createBoard(TENANT, "conv-b", "Beta board"));
        Board alpha = write(l -> l.createBoard(TENANT, "conv-a", "Alpha board"));
        Board left = write(l -> l.createBoard(TENANT, "conv-l", "A board Amy has left"));
        Board elsewhere = write(l -> l.createBoard(OTHER_TENANT, "conv-a", "Other tenant's board"));
        newBoard("conv-empty");
        writeDo(l -> {
            l.upsertRosterMember(beta.id(), "29:amy", null, "Amy Pond");
            l.upsertRosterMember(alpha.id(), "29:amy", null, "Amy Pond");
            l.upsertRosterMember(left.id(), "29:amy", null, "Amy Pond");
            l.upsertRosterMember(left.id(), "29:rory", null, "Rory Williams");
            l.retainRoster(left.id(), List.of("29:rory"));
            l.upsertRosterMember(elsewhere.id(), "29:amy", null, "Amy Pond");
        });

        assertEquals(List.of(alpha, beta), read(l -> l.boardsOnRoster(TENANT, "29:amy")), "by name");
        assertEquals(List.of(elsewhere), read(l -> l.boardsOnRoster(OTHER_TENANT, "29:amy")));
        assertEquals(List.of(left), read(l -> l.boardsOnRoster(TENANT, "29:rory")));
        assertEquals(List.of(), read(l -> l.boardsOnRoster(TENANT, "29:nobody")));

        writeDo(l -> l.retainRoster(alpha.id(), List.of()));

        assertEquals(List.of(beta), read(l -> l.boardsOnRoster(TENANT, "29:amy")));
    }

    // ---- people

    @Test
    void aNewRosterMemberIsOnTheRoster() {
        Board board = newBoard("conv-1");
        Person amy = write(l -> l.upsertRosterMember(board.id(), "29:amy", "aad-amy", "Amy Pond"));

        assertEquals(new Person(amy.id(), board.id(), "29:amy", "aad-amy", "Amy Pond", null, null, true), amy);
        assertEquals(amy, read(l -> l.personByTeamsId(board.id(), "29:amy")).orElseThrow());
        assertEquals(List.of(amy), read(l -> l.people(board.id())));
    }

    @Test
    void upsertingAKnownTeamsIdUpdatesTheNameAndPutsThemBackOnTheRoster() {
        Board board = newBoard("conv-1");
        Person first = write(l -> l.upsertRosterMember(board.id(), "29:amy", "aad-amy", "Amy Pond"));
        writeDo(l -> l.retainRoster(board.id(), List.of()));
        assertFalse(read(l -> l.person(first.id())).orElseThrow().onRoster());

        Person again = write(l -> l.upsertRosterMember(board.id(), "29:amy", null, "Amelia Pond"));

        assertEquals(first.id(), again.id());
        assertEquals("Amelia Pond", again.name());
        assertEquals("aad-amy", again.aadObjectId(), "a missing object id does not erase the known one");
        assertTrue(again.onRoster());
        assertEquals(1, read(l -> l.people(board.id())).size());

        Person withNewAad = write(l -> l.upsertRosterMember(board.id(), "29:amy", "aad-new", "Amelia Pond"));
        assertEquals("aad-new", withNewAad.aadObjectId());
    }

    @Test
    void aNewcomerWithTheNameOfSomeoneKnownOnlyByNameIsSomeoneElse() {
        Board board = newBoard("conv-1");
        Person named = write(l -> l.addKnownPerson(board.id(), "Jon Leigh", "Chief Finance Officer"));
        assertNull(named.teamsId());
        assertFalse(named.onRoster());

        Person joined = write(l -> l.upsertRosterMember(board.id(), "29:jon", "aad-jon", "JON LEIGH"));

        assertNotEquals(named.id(), joined.id(), "a name alone does not make two people one");
        assertNull(read(l -> l.person(named.id())).orElseThrow().teamsId());
        assertEquals(2, read(l -> l.people(board.id())).size());
    }

    @Test
    void aRosterMemberAdoptsThePersonFoundInTheDirectoryByObjectId() {
        Board board = newBoard("conv-1");
        Person found = write(l -> l.addDirectoryPerson(board.id(), "Jon Leigh", "aad-jon"));

        Person joined = write(l -> l.upsertRosterMember(board.id(), "29:jon", "AAD-JON", "Jon Leigh (Finance)"));

        assertEquals(found.id(), joined.id());
        assertEquals("29:jon", joined.teamsId());
        assertEquals("Jon Leigh (Finance)", joined.name());
        assertTrue(joined.onRoster());
        assertEquals(List.of(joined), read(l -> l.people(board.id())));
    }

    @Test
    void adoptionByNameStaysWithinTheBoardAndSkipsOtherNames() {
        Board board = newBoard("conv-1");
        Board other = newBoard("conv-2");
        Person elsewhere = write(l -> l.addKnownPerson(other.id(), "Jon Leigh", null));
        Person differentName = write(l -> l.addKnownPerson(board.id(), "Jon Leeson", null));

        Person joined = write(l -> l.upsertRosterMember(board.id(), "29:jon", null, "Jon Leigh"));

        assertNotEquals(elsewhere.id(), joined.id());
        assertNotEquals(differentName.id(), joined.id());
        assertNull(read(l -> l.person(elsewhere.id())).orElseThrow().teamsId());
        assertNull(read(l -> l.person(differentName.id())).orElseThrow().teamsId());
        assertEquals(2, read(l -> l.people(board.id())).size());
    }

    @Test
    void retainRosterMarksAbsenteesOffTheRosterAndKeepsThemKnown() {
        Board board = newBoard("conv-1");
        Board other = newBoard("conv-2");
        writeDo(l -> {
            l.upsertRosterMember(board.id(), "29:amy", null, "Amy Pond");
            l.upsertRosterMember(board.id(), "29:rory", null, "Rory Williams");
            l.upsertRosterMember(board.id(), "29:clara", null, "Clara Oswald");
            l.addKnownPerson(board.id(), "Jon Leigh", null);
            l.upsertRosterMember(other.id(), "29:rory", null, "Rory Williams");
        });

        writeDo(l -> l.retainRoster(board.id(), Set.of("29:amy", "29:clara")));

        List<Person> people = read(l -> l.people(board.id()));
        assertEquals(4, people.size(), "nobody is forgotten");
        assertEquals(Set.of("29:amy", "29:clara"), people.stream().filter(Person::onRoster).map(Person::teamsId)
                .collect(java.util.stream.Collectors.toSet()));
        assertTrue(read(l -> l.personByTeamsId(other.id(), "29:rory")).orElseThrow().onRoster(),
                "another board's roster is untouched");
    }

    @Test
    void lookingUpANullTeamsIdFindsNobody() {
        Board board = newBoard("conv-1");
        writeDo(l -> l.addKnownPerson(board.id(), "Jon Leigh", null));
        assertTrue(read(l -> l.personByTeamsId(board.id(), null)).isEmpty());
    }

    @Test
    void titlesAndAliasesAreStored() {
        Board board = newBoard("conv-1");
        Person person = write(l -> l.addKnownPerson(board.id(), "Darryl Prest", null));

        writeDo(l -> {
            l.setTitle(person.id(), "Police and Crime Commissioner");
            l.setAlias(person.id(), "Commissioner");
        });

        Person stored = read(l -> l.person(person.id())).orElseThrow();
        assertEquals("Police and Crime Commissioner", stored.title());
        assertEquals("Commissioner", stored.alias());
    }
}
