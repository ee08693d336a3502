package io.boardclerk.storage;

import io.boardclerk.core.clerk.Card;
import io.boardclerk.core.clerk.CardOutcome;
import io.boardclerk.core.clerk.CardTurn;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.clerk.Sender;
import io.boardclerk.core.model.ActionStatus;
import io.boardclerk.core.reminder.Outgoing;
import io.boardclerk.core.reminder.ReminderKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Buttons pressed on a reminder card in an owner's personal chat act on the card's board, as typed commands would. */
class ReminderCardsTest extends ReminderTestSupport {

    static final Conversation JONS_CHAT = new Conversation(TENANT, "a:jon-personal", Conversation.Kind.PERSONAL, null);
    static final Instant PRESSED = Instant.parse("2026-12-03T09:15:00Z");
    private static final AtomicInteger PRESSES = new AtomicInteger();

    long boardId;

    @BeforeEach
    void jonsAction() {
        say(CLAIRE, "action Report on road safety owner: Jon Leigh due: 10/12/2026", MONDAY);
        boardId = queryLong("SELECT id FROM boards WHERE conversation_id = ?", BOARD.conversationId());
    }

    private CardOutcome press(Conversation chat, Sender sender, String verb, Map<String, String> extra) {
        Map<String, String> data = new HashMap<>(Map.of(Card.Verbs.BOARD, Long.toString(boardId),
                Card.Verbs.NUMBER, "1", Card.Verbs.VERSION, Integer.toString(action(BOARD, 1).version())));
        data.putAll(extra);
        return clerk.onCardAction(new CardTurn(chat, sender, verb, data, "press-" + PRESSES.incrementAndGet(),
                PRESSED));
    }

    private CardOutcome press(String verb, Map<String, String> extra) {
        return press(JONS_CHAT, JON, verb, extra);
    }

    @Test
    void postUpdateRecordsItOnTheBoardAndTellsTheBoard() {
        CardOutcome outcome = press(Card.Verbs.UPDATE, Map.of(Card.Verbs.TEXT, "Draft <b>with</b> the Chief Constable."));
        assertFalse(outcome.error(), outcome.message());
        Card.Reminder card = (Card.Reminder) outcome.card();
        assertEquals("Update posted by Jon Leigh, 03/12/2026 09:15", card.outcome());
        assertTrue(card.live());
        assertEquals("Action 1.0 is due in 7 days, on Thursday 10/12/2026.", card.message().headline());
        assertEquals("Draft <b>with</b> the Chief Constable.", action(BOARD, 1).updates().get(0).text());
        assertEquals(boardId, outcome.boardNotice().boardId());
        assertTrue(outcome.boardNotice().markdown().contains("&lt;b&gt;with&lt;/b&gt;"),
                "escaped for the board's chat: " + outcome.boardNotice().markdown());
        assertTrue(outcome.boardNotice().markdown().endsWith("_(from a reminder)_"));
        assertEquals("card", queryString("SELECT via FROM action_events ORDER BY id DESC LIMIT 1"));
    }

    @Test
    void doneReportsItCompleteStopsTheRemindersAndTakesTheButtonsAway() {
        CardOutcome outcome = press(Card.Verbs.DONE, Map.of());
        assertEquals(ActionStatus.COMPLETE, action(BOARD, 1).status());
        Card.Reminder card = (Card.Reminder) outcome.card();
        assertFalse(card.live());
        assertEquals("Action 1.0 is reported done and awaits the board.", card.message().headline());
        assertTrue(outcome.boardNotice().markdown().contains("is reported **complete** by Jon Leigh"));
        assertEquals(0, count("reminders WHERE state = 'PENDING' AND action_id IS NOT NULL"));
    }

    @Test
    void needMoreTimeProposesANewTargetForTheChairWithoutChangingIt() {
        CardOutcome outcome = press(Card.Verbs.MORE_TIME, Map.of(Card.Verbs.TARGET, "17/12/2026"));
        assertFalse(outcome.error(), outcome.message());
        assertEquals(java.time.LocalDate.of(2026, 12, 10), action(BOARD, 1).target().date(), "the target stands");
        assertTrue(outcome.boardNotice().markdown().contains("**Jon Leigh** asks for more time on action **1.0**"
                + " (Report on road safety): a new target of 17/12/2026 instead of 10/12/2026. The chair can agree with"
                + " `action 1 due 17/12/2026`."), outcome.boardNotice().markdown());
        assertEquals("more time asked|10/12/2026|17/12/2026", queryString("SELECT what, before, after FROM action_events"
                + " ORDER BY id DESC LIMIT 1"));
    }

    @Test
    void aProposedTargetIsEscapedInTheBoardsChat() {
        CardOutcome outcome = press(Card.Verbs.MORE_TIME, Map.of(Card.Verbs.TARGET, "<img src=x> *soon*"));
        String notice = outcome.boardNotice().markdown();
        assertTrue(notice.contains("a new target of &lt;img src=x&gt; \\*soon\\* instead of"), notice);
        assertTrue(notice.contains("`action 1 due img src=x *soon*`"), notice);
    }

    @Test
    void snoozeRemindsThePresserAloneSomeWorkingDaysLater() {
        say(CLAIRE, "action 1 owner Jon Leigh and Jane Gifford", MONDAY.plusSeconds(1));
        assertEquals(2, sweepAndSend("2026-12-03T08:00:00Z").size(), "the week-before reminder, to both");
        CardOutcome outcome = press(Card.Verbs.SNOOZE, Map.of(Card.Verbs.DAYS, "2"));
        assertEquals("Snoozed: you will be reminded again on Monday 07/12/2026 at 08:00",
                ((Card.Reminder) outcome.card()).outcome());
        assertNull(outcome.boardNotice(), "a snooze is the presser's own business");
        List<Outgoing> monday = sweep("2026-12-07T08:00:00Z");
        assertEquals(List.of("Jon Leigh: Action 1.0 is due in 3 days, on Thursday 10/12/2026. [1.0]"),
                monday.stream().map(ReminderTestSupport::summary).toList());
        assertEquals(ReminderKind.SNOOZE, monday.get(0).message().kind());
    }

    @Test
    void aCardForABoardThePresserIsNotOnActsOnNothing() {
        Conversation other = new Conversation(TENANT, "19:audit@thread.v2", Conversation.Kind.GROUP_CHAT,
                "Audit Committee");
        say(clerk, other, CLAIRE, "help", MONDAY);
        long otherBoard = queryLong("SELECT id FROM boards WHERE conversation_id = ?", other.conversationId());
        CardOutcome outcome = press(JONS_CHAT, JON, Card.Verbs.DONE, Map.of(Card.Verbs.BOARD,
                Long.toString(otherBoard)));
        assertTrue(outcome.error());
        assertEquals("This card belongs to a board you are not a member of, so it acts on nothing; nothing was"
                + " recorded.", outcome.message());
        assertEquals(ActionStatus.OPEN, action(BOARD, 1).status());
    }

    @Test
    void aCardPressedFromAnotherTenantActsOnNothing() {
        Conversation elsewhere = new Conversation(OTHER_TENANT, "a:jon-elsewhere", Conversation.Kind.PERSONAL, null);
        CardOutcome outcome = press(elsewhere, JON, Card.Verbs.DONE, Map.of());
        assertTrue(outcome.error());
        assertEquals(ActionStatus.OPEN, action(BOARD, 1).status());
        assertEquals(0, count("action_updates"));
    }

    @Test
    void aStaleCardRecordsNothingAndIsRedrawn() {
        CardOutcome outcome = press(Card.Verbs.UPDATE, Map.of(Card.Verbs.TEXT, "Late news.", Card.Verbs.VERSION, "0"));
        say(CLAIRE, "update 1 Moved on.", PRESSED.minusSeconds(5));
        CardOutcome stale = press(Card.Verbs.DONE, Map.of(Card.Verbs.VERSION, "0"));
        assertTrue(stale.error());
        assertTrue(stale.message().startsWith("This card was out of date, so nothing was recorded."),
                stale.message());
        assertEquals(ActionStatus.OPEN, action(BOARD, 1).status());
        assertTrue(((Card.Reminder) stale.card()).live());
        assertFalse(outcome.error(), "the first press, on a fresh card, was recorded");
    }

    @Test
    void aMemberWhoIsNotTheOwnerCannotReportItDone() {
        Conversation janesChat = new Conversation(TENANT, "a:jane-personal", Conversation.Kind.PERSONAL, null);
        CardOutcome outcome = press(janesChat, JANE, Card.Verbs.DONE, Map.of());
        assertTrue(outcome.error());
        assertTrue(outcome.message().startsWith("Only the owner of action 1.0"), outcome.message());
        assertEquals(ActionStatus.OPEN, action(BOARD, 1).status());
    }
}
