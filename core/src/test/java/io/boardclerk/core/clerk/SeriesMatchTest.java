package io.boardclerk.core.clerk;

import io.boardclerk.core.port.CalendarSource.Occurrence;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The board's series is matched exactly: a subject that only contains the words is a near miss, never the series. */
class SeriesMatchTest {

    static Occurrence event(String id, String master, String subject, String at) {
        return new Occurrence(id, master, subject, Instant.parse(at), null, null, false);
    }

    static final List<Occurrence> CALENDAR = List.of(
            event("b1", "board", "Fenshire Board", "2027-01-14T10:00:00Z"),
            event("b2", "board", "Canceled: Fenshire  Board", "2027-03-11T10:00:00Z"),
            event("h1", "hybrid", "Fenshire Board (hybrid)", "2027-02-01T10:00:00Z"),
            event("p1", "prep", "Fenshire Board prep", "2027-01-10T10:00:00Z"),
            event("one", null, "fenshire board", "2027-05-01T10:00:00Z"),
            event("d", null, "Dentist", "2027-01-05T08:30:00Z"));

    @Test
    void onlyTheExactSubjectIsTheSeriesIgnoringCaseSpacingAndTheCancelledPrefix() {
        SeriesMatch match = SeriesMatch.of(CALENDAR, " FENSHIRE board ", "Other", Set.of());
        assertTrue(match.found());
        assertEquals(List.of("b1", "b2", "one"), match.occurrences().stream().map(Occurrence::eventId).toList());
        assertEquals("Fenshire Board", match.subject());
        assertEquals(List.of("Fenshire Board (hybrid)", "Fenshire Board prep"), match.nearMisses());
    }

    @Test
    void wordsContainedInSubjectsAreNotASeries() {
        SeriesMatch match = SeriesMatch.of(CALENDAR, "Board", "Other", Set.of());
        assertFalse(match.found());
        assertTrue(match.occurrences().isEmpty());
        assertEquals(4, match.nearMisses().size(), match.nearMisses().toString());
        assertFalse(match.nearMisses().contains("Dentist"));
    }

    @Test
    void theBoardsNameIsUsedWhenNoSubjectIsGivenAndTheJoinLinkOfItsMeetingsCounts() {
        Occurrence linked = new Occurrence("x1", "renamed", "Something else", Instant.parse("2027-04-01T10:00:00Z"),
                null, "https://teams.example/join/1", false);
        SeriesMatch match = SeriesMatch.of(List.of(linked, event("x2", "renamed", "Other name",
                "2027-06-01T10:00:00Z")), null, "Fenshire Board", Set.of("https://teams.example/join/1"));
        assertTrue(match.found());
        assertEquals(2, match.occurrences().size(), "the whole series the link belongs to");
    }

    @Test
    void twoSeriesWithTheSameSubjectAreAmbiguousAndNeitherIsFollowed() {
        SeriesMatch match = SeriesMatch.of(List.of(event("a", "s1", "Fenshire Board", "2027-01-14T10:00:00Z"),
                event("b", "s2", "Fenshire Board", "2027-01-21T10:00:00Z")), "Fenshire Board", "x", Set.of());
        assertEquals(2, match.series());
        assertFalse(match.found());
    }
}
