package io.boardclerk.storage;

import io.boardclerk.core.clerk.Clerk;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.clerk.Reply;
import io.boardclerk.core.clerk.Sender;
import io.boardclerk.core.clerk.Turn;
import io.boardclerk.core.model.ActionItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The clerk's turns run against a real SQLite file: what a board secretary sees after a few days of use. */
class ClerkOnSqliteTest extends LedgerStoreTestSupport {

    private static final Conversation BOARD = new Conversation(TENANT, "19:board-a@thread.v2",
            Conversation.Kind.GROUP_CHAT, "Fenshire Board");
    private static final Sender SECRETARY = new Sender("29:sam", "aad-sam", "Sam Clerk");
    private static final AtomicInteger IDS = new AtomicInteger();

    private Clerk clerk;

    @BeforeEach
    void appointSecretary() {
        clerk = new Clerk(store, ZoneId.of("Europe/London"));
        say(SECRETARY, "secretary Sam Clerk", Instant.parse("2026-11-23T09:00:00Z"));
    }

    private String say(Sender sender, String text, Instant at) {
        Reply reply = clerk.onMessage(new Turn(BOARD, sender, text, List.of(), "act-" + IDS.incrementAndGet(), at))
                .orElseThrow();
        return reply.markdown();
    }

    private ActionItem action(int number) {
        return write(ledger -> {
            long board = ledger.findBoard(TENANT, BOARD.conversationId()).orElseThrow().id();
            return ledger.action(board, number).orElseThrow();
        });
    }

    @Test
    void aRecurringTargetMovesOnToTheNextSuchMeetingOnceItsMeetingIsHeld() {
        Instant nov = Instant.parse("2026-11-23T10:00:00Z");
        say(SECRETARY, "next meeting 11/02/2027 10:00", nov);
        say(SECRETARY, "next meeting 12/08/2027 10:00", nov);
        say(SECRETARY, "Action: Constabulary to report on road safety to the August and February Boards.", nov);
        assertEquals(LocalDate.of(2027, 2, 11), action(1).target().date());

        say(SECRETARY, "start meeting", Instant.parse("2027-02-11T10:00:00Z"));
        assertEquals(LocalDate.of(2027, 2, 11), action(1).target().date(), "due at the meeting being held");
        say(SECRETARY, "end meeting", Instant.parse("2027-02-11T12:00:00Z"));

        assertEquals(LocalDate.of(2027, 8, 12), action(1).target().date(),
                "once the February Board is held the target is the August Board, not overdue");
        String overdue = say(SECRETARY, "action log overdue", Instant.parse("2027-02-12T09:00:00Z"));
        assertEquals("No actions of Fenshire Board are overdue.", overdue);
    }
}
