package io.boardclerk.storage;

import io.boardclerk.core.clerk.Clerk;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.clerk.Reply;
import io.boardclerk.core.clerk.Sender;
import io.boardclerk.core.clerk.Turn;
import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.Owner;
import io.boardclerk.core.model.RecordingKind;
import io.boardclerk.core.model.Source;
import io.boardclerk.core.model.Target;
import io.boardclerk.core.port.Ledger;
import io.boardclerk.core.port.LedgerStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The clerk's turns run against a real SQLite file: what a board secretary sees after a few days of use. */
class ClerkOnSqliteTest extends LedgerStoreTestSupport {

    private static final Conversation BOARD = new Conversation(TENANT, "19:board-a@thread.v2",
            Conversation.Kind.GROUP_CHAT, "Fenshire Board");
    private static final Sender SECRETARY = new Sender("29:sam", "aad-sam", "Sam Clerk", Sender.Standing.VOUCHED);

    private Clerk clerk;

    @BeforeEach
    void appointSecretary() {
        clerk = new Clerk(store, ZoneId.of("Europe/London"));
        say(SECRETARY, "secretary Sam Clerk", Instant.parse("2026-11-23T09:00:00Z"));
    }

    private String say(Sender sender, String text, Instant at) {
        return say(clerk, BOARD, sender, text, at);
    }

    private ActionItem action(int number) {
        return action(BOARD, number);
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

    /** The store, with every call of one ledger method counted. */
    private static final class Counting implements LedgerStore {
        private final LedgerStore inner;
        private final String method;
        final AtomicInteger calls = new AtomicInteger();

        Counting(LedgerStore inner, String method) {
            this.inner = inner;
            this.method = method;
        }

        private Ledger counted(Ledger ledger) {
            return (Ledger) java.lang.reflect.Proxy.newProxyInstance(Ledger.class.getClassLoader(),
                    new Class<?>[]{Ledger.class}, (proxy, m, args) -> {
                        if (m.getName().equals(method)) {
                            calls.incrementAndGet();
                        }
                        try {
                            return m.invoke(ledger, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public <T> T inTransaction(java.util.function.Function<Ledger, T> work) {
            return inner.inTransaction(ledger -> work.apply(counted(ledger)));
        }

        @Override
        public <T> T read(java.util.function.Function<Ledger, T> work) {
            return inner.read(ledger -> work.apply(counted(ledger)));
        }

        @Override
        public boolean isReachable() {
            return inner.isReachable();
        }
    }

    @Test
    void myActionsAndTheOwnerFilterReadABodysPeopleOncePerBodyNotOncePerAction() {
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        writeDo(ledger -> {
            long board = ledger.findBoard(TENANT, BOARD.conversationId()).orElseThrow().id();
            long sam = ledger.personByTeamsId(board, SECRETARY.teamsId()).orElseThrow().id();
            ledger.mapBody(board, "Constabulary", List.of(sam));
            for (int i = 0; i < 500; i++) {
                long recording = ledger.addRecording(board, RecordingKind.ACTION,
                        new Source("bulk-" + i, SECRETARY.teamsId(), SECRETARY.name(), "Action " + i, at));
                int number = ledger.takeActionNumber(board);
                ledger.addAction(board, number, null, TODAY, "5." + (i % 9), "Constabulary to report on item " + i,
                        List.of(Owner.body(i % 2 == 0 ? "Constabulary" : "Fire Service")), new Target(null, null),
                        recording, at, SECRETARY.name());
            }
        });
        Counting counting = new Counting(store, "bodyMembers");
        clerk = new Clerk(counting, ZoneId.of("Europe/London"));

        Reply mine = clerk.onMessage(new Turn(BOARD, SECRETARY, "my actions", List.of(), "act-mine", at))
                .orElseThrow();
        assertEquals(1, mine.cards().size(), mine.markdown());
        assertTrue(counting.calls.get() <= 2, "bodyMembers read " + counting.calls.get() + " times for my actions");

        counting.calls.set(0);
        clerk.onMessage(new Turn(BOARD, SECRETARY, "action log owner Sam Clerk", List.of(), "act-owner", at))
                .orElseThrow();
        assertTrue(counting.calls.get() <= 2, "bodyMembers read " + counting.calls.get() + " times for the filter");
    }

    @Test
    void anActionReportedDoneInTheMeetingIsAmongTheActionsTheMeetingReviewed() {
        Instant nov = Instant.parse("2026-11-23T10:00:00Z");
        say(SECRETARY, "action Survey the custody suites owner: Fire Service due: 26/11/2026", nov);
        say(SECRETARY, "start meeting", Instant.parse("2026-11-26T10:00:00Z"));
        say(SECRETARY, "done 1", Instant.parse("2026-11-26T10:05:00Z"));

        List<io.boardclerk.core.model.ActionReview> reviews = write(ledger -> ledger.reviews(
                ledger.openMeeting(ledger.findBoard(TENANT, BOARD.conversationId()).orElseThrow().id())
                        .orElseThrow().id()));
        assertEquals(List.of(action(1).id()), reviews.stream().map(io.boardclerk.core.model.ActionReview::actionId)
                .toList(), "the minutes' Action Log section lists the action reported done at the meeting");
    }

    @Test
    void theMinutesGiveTheUpdateOfTheMeetingNotOnePostedAfterIt() {
        say(SECRETARY, "action Survey the custody suites owner: Fire Service due: 26/11/2026",
                Instant.parse("2026-11-20T10:00:00Z"));
        say(SECRETARY, "update 1 Two of the five suites are surveyed.", Instant.parse("2026-11-24T10:00:00Z"));
        say(SECRETARY, "start meeting", Instant.parse("2026-11-26T10:00:00Z"));
        say(SECRETARY, "keep 1 open", Instant.parse("2026-11-26T10:05:00Z"));
        say(SECRETARY, "end meeting", Instant.parse("2026-11-26T12:00:00Z"));
        say(SECRETARY, "update 1 All five suites are surveyed.", Instant.parse("2026-12-03T10:00:00Z"));

        io.boardclerk.core.view.MinutesDraft draft = write(ledger -> {
            long board = ledger.findBoard(TENANT, BOARD.conversationId()).orElseThrow().id();
            return io.boardclerk.core.view.MinutesDrafter.draft(ledger, ledger.meetings(board).get(0));
        });
        List<String> review = draft.sections().get(2).paragraphs().stream()
                .map(io.boardclerk.core.view.MinutesDraft.Paragraph::text).toList();
        assertTrue(review.contains("Two of the five suites are surveyed."), review.toString());
        assertTrue(review.stream().noneMatch(t -> t.contains("All five")), review.toString());
    }

    @Test
    void myActionsInAPersonalChatCountTheActionsAwaitingTheBoard() {
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        say(SECRETARY, "action Survey the custody suites owner: Sam Clerk due: 26/11/2026", at);
        say(SECRETARY, "action Review the fleet paper owner: Sam Clerk due: 26/11/2026", at);
        say(SECRETARY, "done 1", at);

        Conversation personal = new Conversation(TENANT, "a:personal-sam", Conversation.Kind.PERSONAL, null);
        Reply mine = clerk.onMessage(new Turn(personal, SECRETARY, "my actions", List.of(), "act-personal", at))
                .orElseThrow();
        io.boardclerk.core.view.ActionLogView view = ((io.boardclerk.core.clerk.Card.ActionLog) mine.cards().get(0))
                .view();
        assertEquals(2, view.counts().open());
        assertEquals(1, view.counts().awaitingClosure(), "action 1 is reported done and awaits the board");
    }
}
