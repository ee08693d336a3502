package io.boardclerk.storage;

import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Meeting;
import io.boardclerk.core.model.MeetingStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A meeting's life: scheduled, opened (or created open), closed; its Teams id and current agenda item. */
class SqliteLedgerMeetingsTest extends LedgerStoreTestSupport {

    private static final LocalDate MAY_26 = LocalDate.of(2026, 5, 26);
    private static final LocalTime TEN = LocalTime.of(10, 0);

    private Board board;

    @BeforeEach
    void createBoard() {
        board = newBoard("conv-1");
    }

    @Test
    void aScheduledMeetingKeepsItsDetailsAndIsNotOpen() {
        Meeting meeting = write(l -> l.scheduleMeeting(board.id(), MAY_26, TEN, "Police Headquarters", "Joint Audit"));

        assertEquals(new Meeting(meeting.id(), board.id(), MAY_26, TEN, "Joint Audit", "Police Headquarters",
                MeetingStatus.SCHEDULED, null, null, null), meeting);
        assertEquals(meeting, read(l -> l.meeting(meeting.id())).orElseThrow());
        assertTrue(read(l -> l.openMeeting(board.id())).isEmpty());
    }

    @Test
    void timesAreKeptToTheMinute() {
        Meeting meeting = write(l -> l.scheduleMeeting(board.id(), MAY_26, LocalTime.of(9, 30, 45, 123), null, null));
        assertEquals(LocalTime.of(9, 30), meeting.time());
    }

    @Test
    void openingAScheduledMeetingMarksItOpenAndKeepsWhatWasNotGiven() {
        Meeting scheduled = write(l -> l.scheduleMeeting(board.id(), MAY_26, TEN, "HQ", "Joint Audit"));
        Instant started = Instant.parse("2026-05-27T10:02:03.456Z");

        writeDo(l -> l.openMeeting(scheduled.id(), MAY_26.plusDays(1), null, null, "teams-meeting-1", started));

        Meeting open = read(l -> l.meeting(scheduled.id())).orElseThrow();
        assertEquals(MeetingStatus.OPEN, open.status());
        assertEquals(MAY_26.plusDays(1), open.date());
        assertEquals(TEN, open.time(), "a null time keeps the scheduled one");
        assertEquals("Joint Audit", open.title(), "a null title keeps the scheduled one");
        assertEquals("HQ", open.location());
        assertEquals("teams-meeting-1", open.teamsMeetingId());
        assertEquals(started, open.startedAt());
        assertNull(open.endedAt());
        assertEquals(open, read(l -> l.openMeeting(board.id())).orElseThrow());
    }

    @Test
    void openingWithNewDetailsReplacesTheScheduledOnes() {
        Meeting scheduled = write(l -> l.scheduleMeeting(board.id(), MAY_26, TEN, "HQ", "Joint Audit"));

        writeDo(l -> l.openMeeting(scheduled.id(), MAY_26, LocalTime.of(14, 0), "Extraordinary", null, T0));

        Meeting open = read(l -> l.meeting(scheduled.id())).orElseThrow();
        assertEquals(LocalTime.of(14, 0), open.time());
        assertEquals("Extraordinary", open.title());
        assertNull(open.teamsMeetingId());
    }

    @Test
    void closingAMeetingEndsItAndLeavesNoOpenMeeting() {
        Instant started = Instant.parse("2026-05-26T10:00:00Z");
        Instant ended = Instant.parse("2026-05-26T12:34:56.789123456Z");
        Meeting open = write(l -> l.createOpenMeeting(board.id(), MAY_26, TEN, "Joint Audit", "teams-1", started));

        writeDo(l -> l.closeMeeting(open.id(), ended));

        Meeting closed = read(l -> l.meeting(open.id())).orElseThrow();
        assertEquals(MeetingStatus.CLOSED, closed.status());
        assertEquals(started, closed.startedAt());
        // SQLite keeps the text as written; PostgreSQL's timestamptz keeps microseconds.
        assertEquals(TestDatabase.postgres() ? ended.truncatedTo(java.time.temporal.ChronoUnit.MICROS) : ended,
                closed.endedAt(), "instants keep their fraction of a second");
        assertTrue(read(l -> l.openMeeting(board.id())).isEmpty());
    }

    @Test
    void reopeningAClosedMeetingClearsItsEnd() {
        Meeting meeting = write(l -> l.createOpenMeeting(board.id(), MAY_26, TEN, null, null, T0));
        writeDo(l -> l.closeMeeting(meeting.id(), T0.plusSeconds(3600)));

        writeDo(l -> l.openMeeting(meeting.id(), MAY_26, null, null, null, T0.plusSeconds(7200)));

        Meeting reopened = read(l -> l.meeting(meeting.id())).orElseThrow();
        assertEquals(MeetingStatus.OPEN, reopened.status());
        assertEquals(T0.plusSeconds(7200), reopened.startedAt());
        assertNull(reopened.endedAt());
    }

    @Test
    void aMeetingCreatedOpenIsTheBoardsOpenMeetingAndFoundByItsTeamsId() {
        Board other = newBoard("conv-2");
        Meeting open = write(l -> l.createOpenMeeting(board.id(), MAY_26, TEN, "Joint Audit", "teams-1", T0));
        write(l -> l.createOpenMeeting(other.id(), MAY_26, TEN, "Other", "teams-1", T0));

        assertEquals(new Meeting(open.id(), board.id(), MAY_26, TEN, "Joint Audit", null, MeetingStatus.OPEN,
                "teams-1", T0, null), open);
        assertEquals(open, read(l -> l.openMeeting(board.id())).orElseThrow());
        assertEquals(open, read(l -> l.meetingByTeamsId(board.id(), "teams-1")).orElseThrow());
        assertTrue(read(l -> l.meetingByTeamsId(board.id(), "teams-2")).isEmpty());
        assertTrue(read(l -> l.meetingByTeamsId(board.id(), null)).isEmpty());
    }

    @Test
    void theLatestOpenMeetingIsTheOpenMeeting() {
        write(l -> l.createOpenMeeting(board.id(), MAY_26, TEN, "Earlier", null, T0));
        Meeting later = write(l -> l.createOpenMeeting(board.id(), MAY_26, TEN, "Later", null, T0));

        assertEquals(later, read(l -> l.openMeeting(board.id())).orElseThrow());
    }

    @Test
    void meetingsAreListedByDateThenIdForTheirBoardOnly() {
        Board other = newBoard("conv-2");
        Meeting june = write(l -> l.scheduleMeeting(board.id(), LocalDate.of(2026, 6, 23), null, null, null));
        Meeting mayFirst = write(l -> l.scheduleMeeting(board.id(), MAY_26, null, null, null));
        Meeting maySecond = write(l -> l.scheduleMeeting(board.id(), MAY_26, null, null, null));
        write(l -> l.scheduleMeeting(other.id(), LocalDate.of(2026, 1, 1), null, null, null));

        assertEquals(List.of(mayFirst, maySecond, june), read(l -> l.meetings(board.id())));
    }

    @Test
    void theCurrentItemIsEmptyUntilSetAndCanBeCleared() {
        Meeting meeting = write(l -> l.createOpenMeeting(board.id(), MAY_26, TEN, null, null, T0));
        assertTrue(read(l -> l.currentItem(meeting.id())).isEmpty());

        writeDo(l -> l.setCurrentItem(meeting.id(), "5.7"));
        assertEquals("5.7", read(l -> l.currentItem(meeting.id())).orElseThrow());

        writeDo(l -> l.setCurrentItem(meeting.id(), "6"));
        assertEquals("6", read(l -> l.currentItem(meeting.id())).orElseThrow());

        writeDo(l -> l.setCurrentItem(meeting.id(), null));
        assertTrue(read(l -> l.currentItem(meeting.id())).isEmpty());
        assertTrue(read(l -> l.currentItem(987_654L)).isEmpty(), "an unknown meeting has no current item");
    }

    @Test
    void reschedulingKeepsTimeAndLocationWhenNoneAreGiven() {
        Meeting meeting = write(l -> l.scheduleMeeting(board.id(), MAY_26, TEN, "HQ", "Joint Audit"));

        writeDo(l -> l.rescheduleMeeting(meeting.id(), MAY_26.plusWeeks(1), null, null));
        Meeting moved = read(l -> l.meeting(meeting.id())).orElseThrow();
        assertEquals(MAY_26.plusWeeks(1), moved.date());
        assertEquals(TEN, moved.time());
        assertEquals("HQ", moved.location());

        writeDo(l -> l.rescheduleMeeting(meeting.id(), MAY_26.plusWeeks(2), LocalTime.of(14, 30), "Via Microsoft Teams"));
        Meeting movedAgain = read(l -> l.meeting(meeting.id())).orElseThrow();
        assertEquals(MAY_26.plusWeeks(2), movedAgain.date());
        assertEquals(LocalTime.of(14, 30), movedAgain.time());
        assertEquals("Via Microsoft Teams", movedAgain.location());
        assertEquals(MeetingStatus.SCHEDULED, movedAgain.status());
        assertEquals("Joint Audit", movedAgain.title());
    }
}
