package io.boardclerk.storage;

import io.boardclerk.core.clerk.Clerk;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.clerk.Sender;
import io.boardclerk.core.reminder.Outgoing;
import io.boardclerk.core.reminder.ReminderKind;
import io.boardclerk.core.reminder.Reminders;
import io.boardclerk.core.view.ActionRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A board with a secretary, a chair and two members, reminders swept out of a real SQLite file, and the clock in the
 * test's hands: each instant a test gives is the one the sweep runs at.
 */
abstract class ReminderTestSupport extends LedgerStoreTestSupport {

    static final Conversation BOARD = new Conversation(TENANT, "19:fenshire@thread.v2", Conversation.Kind.GROUP_CHAT,
            "Fenshire Board");
    static final Sender CLAIRE = new Sender("29:claire", "aad-claire", "Claire Dunmore", Sender.Standing.VOUCHED);
    static final Sender HELEN = new Sender("29:helen", "aad-helen", "Helen Marsh", Sender.Standing.VOUCHED);
    static final Sender JON = new Sender("29:jon", "aad-jon", "Jon Leigh", Sender.Standing.VOUCHED);
    static final Sender JANE = new Sender("29:jane", "aad-jane", "Jane Gifford", Sender.Standing.VOUCHED);
    /** Monday 23 November 2026, 10:00 GMT. */
    static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");

    Clerk clerk;
    Reminders outbox;

    @BeforeEach
    void board() {
        clerk = new Clerk(store, ZoneId.of("Europe/London"));
        outbox = new Reminders(store);
        say(CLAIRE, "secretary Claire Dunmore", MONDAY.minusSeconds(60));
        say(HELEN, "help", MONDAY.minusSeconds(50));
        say(CLAIRE, "chair Helen Marsh", MONDAY.minusSeconds(45));
        say(JON, "help", MONDAY.minusSeconds(40));
        say(JANE, "help", MONDAY.minusSeconds(30));
        writeDo(ledger -> ledger.setServiceUrl(ledger.findBoard(TENANT, BOARD.conversationId()).orElseThrow().id(),
                "https://smba.example.test/emea/"));
    }

    String say(Sender sender, String text, Instant at) {
        return say(clerk, BOARD, sender, text, at);
    }

    List<Outgoing> sweep(String at) {
        Instant now = Instant.parse(at);
        return outbox.claimDue(now, 50, now.plus(2, ChronoUnit.MINUTES));
    }

    /** Sweeps and reports each claimed delivery sent. */
    List<Outgoing> sweepAndSend(String at) {
        List<Outgoing> claimed = sweep(at);
        for (Outgoing out : claimed) {
            outbox.sent(out.deliveryId(), Instant.parse(at), "a:personal-" + out.recipient().name(), "m-1");
        }
        return claimed;
    }

    /** The reminders of an action by number: "KIND@due:STATE", by due instant. */
    String reminders(int number) {
        return remindersWhere("action_id = (SELECT id FROM actions WHERE number = " + number + ") ORDER BY due_at,"
                + " kind");
    }

    /** The reminders a condition (and its ORDER BY) picks: "KIND@due:STATE", space-separated. */
    String remindersWhere(String condition) {
        return String.join(" ", queryRows("SELECT kind, due_at, state FROM reminders WHERE " + condition).stream()
                .map(row -> row.get(0) + "@" + row.get(1) + ":" + row.get(2)).toList());
    }

    static String summary(Outgoing out) {
        return out.recipient().name() + ": " + out.message().headline() + " "
                + out.message().actions().stream().map(ActionRow::displayNumber).toList();
    }
}
