package io.boardclerk.storage;

import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.reminder.Outgoing;
import io.boardclerk.core.reminder.Reminders;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who reminders (and so e-mails) may go to, and how many a board sends in a day: only people on the board's roster,
 * and at most the board's daily cap, the rest waiting for the next working day; another board's cap is its own.
 */
class ReminderReachAndCapTest extends ReminderTestSupport {

    static final Conversation OTHER = new Conversation(TENANT, "19:audit@thread.v2", Conversation.Kind.GROUP_CHAT,
            "Audit Committee");

    private long boardId(Conversation conversation) {
        return read(l -> l.findBoard(TENANT, conversation.conversationId()).orElseThrow().id());
    }

    private static List<String> recipients(List<Outgoing> claimed) {
        return claimed.stream().map(o -> o.recipient().name()).sorted().toList();
    }

    @Test
    void someoneWhoHasLeftTheBoardsChatIsNotReminded() {
        say(CLAIRE, "action Report on road safety owner: Jon Leigh due: 10/12/2026", MONDAY);
        long board = boardId(BOARD);
        writeDo(l -> l.retainRoster(board, List.of("29:claire", "29:helen", "29:jane")));

        assertEquals(List.of(), sweep("2026-12-03T08:00:00Z"));
        assertEquals("Jon Leigh|UNDELIVERABLE", queryString("SELECT recipient, state FROM reminder_deliveries"));
        String status = say(CLAIRE, "reminders status", MONDAY.plusSeconds(3600 * 24 * 10));
        assertTrue(status.contains("**Could not be delivered** (1)\n- Jon Leigh, before the target of action 1.0: not in"
                + " the board's chat any more: reminders go only to the board's roster."), status);
    }

    @Test
    void aBoardSendsAtMostItsDailyCapAndTheRestWaitForTheNextWorkingDay() {
        outbox = new Reminders(store, 2);
        say(CLAIRE, "action Report on road safety owner: Jon Leigh due: 10/12/2026", MONDAY);
        say(CLAIRE, "action Report on estates owner: Jane Gifford due: 10/12/2026", MONDAY.plusSeconds(1));
        say(CLAIRE, "action Report on fleet owner: Helen Marsh due: 10/12/2026", MONDAY.plusSeconds(2));
        // Another board of the same tenant, whose cap is its own.
        say(clerk, OTHER, CLAIRE, "secretary Claire Dunmore", MONDAY.plusSeconds(3));
        say(clerk, OTHER, JON, "help", MONDAY.plusSeconds(4));
        say(clerk, OTHER, CLAIRE, "action Audit the accounts owner: Jon Leigh due: 10/12/2026", MONDAY.plusSeconds(5));
        writeDo(l -> l.setServiceUrl(boardId(OTHER), "https://smba.example.test/emea/"));

        // Thursday 3 December 2026, 08:00: the reminders a week before the target fall due.
        List<Outgoing> thursday = sweepAndSend("2026-12-03T08:00:00Z");
        assertEquals(3, thursday.size(), "two of the first board's, and the other board's one");
        assertEquals(1, thursday.stream().filter(o -> o.message().boardName().equals("Audit Committee")).count());
        assertEquals("RETRY|2026-12-04T08:00:00Z", queryString("SELECT state, next_at FROM reminder_deliveries"
                + " WHERE state = 'RETRY'"));
        assertEquals(List.of(), sweep("2026-12-03T15:00:00Z"), "nothing more that day");

        String status = say(CLAIRE, "reminders status", java.time.Instant.parse("2026-12-03T15:05:00Z"));
        assertTrue(status.contains("**Waiting to go** (1)") && status.contains("waiting: the board's limit of 2"
                + " reminders a day was reached; it goes on 04/12/2026 from 08:00"), status);

        List<Outgoing> friday = sweepAndSend("2026-12-04T08:00:00Z");
        assertEquals(1, friday.size(), "the one held back goes the next working day");
        assertEquals(4, queryLong("SELECT count(*) FROM reminder_deliveries WHERE state = 'SENT'"));
        assertEquals(List.of("Helen Marsh", "Jane Gifford", "Jon Leigh"),
                recipients(List.of(thursday.get(0), thursday.get(1), thursday.get(2), friday.get(0))).stream()
                        .distinct().toList());
    }
}
