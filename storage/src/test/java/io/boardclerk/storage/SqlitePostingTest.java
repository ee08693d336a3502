package io.boardclerk.storage;

import io.boardclerk.core.model.Board;
import io.boardclerk.core.posting.ChatAddress;
import io.boardclerk.core.posting.ClaimedPost;
import io.boardclerk.core.posting.PostingSchedule;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The V5 posting tables: Graph addresses of boards, weekly schedules and the claims that keep a post to one. */
class SqlitePostingTest extends LedgerStoreTestSupport {

    private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void a_boards_chat_address_is_kept_and_replaced() {
        Board board = newBoard("19:c1@thread.tacv2");

        writeDo(l -> l.setChatAddress(board.id(), new ChatAddress("group-1", "19:c1@thread.tacv2"), AT));
        writeDo(l -> l.setChatAddress(board.id(), new ChatAddress("group-2", "19:c1@thread.tacv2"), AT));

        assertEquals(Optional.of(new ChatAddress("group-2", "19:c1@thread.tacv2")),
                read(l -> l.chatAddress(board.id())));
        assertEquals(Optional.empty(), read(l -> l.chatAddress(newBoard("19:other@thread.v2").id())));
    }

    @Test
    void a_schedule_is_set_replaced_listed_and_cleared() {
        Board board = newBoard("19:s1@thread.v2");

        writeDo(l -> l.setPostingSchedule(board.id(), DayOfWeek.MONDAY, LONDON, "Claire Dunmore", AT));
        writeDo(l -> l.setPostingSchedule(board.id(), DayOfWeek.FRIDAY, LONDON, "Helen Marsh", AT));

        assertEquals(List.of(new PostingSchedule(board.id(), DayOfWeek.FRIDAY, LONDON, "Helen Marsh", AT)),
                read(l -> l.postingSchedules()));
        assertTrue(write(l -> l.clearPostingSchedule(board.id())).booleanValue());
        assertFalse(write(l -> l.clearPostingSchedule(board.id())).booleanValue());
        assertEquals(List.of(), read(l -> l.postingSchedules()));
    }

    @Test
    void a_weekly_post_is_claimed_once_per_board_and_date() {
        Board one = newBoard("19:w1@thread.v2");
        Board two = newBoard("19:w2@thread.v2");
        LocalDate monday = LocalDate.of(2026, 11, 23);

        assertTrue(write(l -> l.claimWeeklyPost(one.id(), monday, AT)).booleanValue());
        assertFalse(write(l -> l.claimWeeklyPost(one.id(), monday, AT.plusSeconds(60))).booleanValue());
        assertTrue(write(l -> l.claimWeeklyPost(two.id(), monday, AT)).booleanValue());
        assertTrue(write(l -> l.claimWeeklyPost(one.id(), monday.plusWeeks(1), AT)).booleanValue());
        writeDo(l -> l.recordWeeklyPost(one.id(), monday, "graph: 1 message"));

        assertEquals(3, count("action_log_posts"));
        assertEquals(List.of(new ClaimedPost(one.id(), monday.plusWeeks(1), AT), new ClaimedPost(two.id(), monday,
                AT)), read(l -> l.unfinishedWeeklyPosts()), "claimed, with no outcome yet");
    }

    @Test
    void a_schedule_is_due_on_its_day_from_nine_in_the_boards_zone() {
        PostingSchedule monday = new PostingSchedule(1, DayOfWeek.MONDAY, LONDON, null, AT);

        // 23 November 2026 is a Monday; London is on GMT then. In summer 09:00 London is 08:00 UTC.
        assertEquals(null, monday.dueOn(Instant.parse("2026-11-23T08:59:59Z")));
        assertEquals(LocalDate.of(2026, 11, 23), monday.dueOn(Instant.parse("2026-11-23T09:00:00Z")));
        assertEquals(LocalDate.of(2026, 11, 23), monday.dueOn(Instant.parse("2026-11-23T23:59:00Z")));
        assertEquals(null, monday.dueOn(Instant.parse("2026-11-24T09:00:00Z")));
        assertEquals(LocalDate.of(2027, 6, 7), monday.dueOn(Instant.parse("2027-06-07T08:00:00Z")));
    }
}
