package io.boardclerk.storage;

import io.boardclerk.core.clerk.Clerk;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.clerk.RosterEntry;
import io.boardclerk.core.clerk.Sender;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.port.Ledger;
import io.boardclerk.core.port.LedgerStore;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clerk parses a message before its transaction, so that the single writer is not held while it does, against
 * the board's people as last committed. If the people change before the transaction begins, the commands must be
 * those parsed against the people the transaction sees.
 */
class ClerkParsesEarlyTest extends LedgerStoreTestSupport {

    private static final Conversation BOARD = new Conversation(TENANT, "19:board-early@thread.v2",
            Conversation.Kind.GROUP_CHAT, "Fenshire Board");
    private static final Sender SECRETARY = new Sender("29:claire", "aad-claire", "Claire Dunmore");
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    /** Without Nina Hart known, "Nina Hart Fenshire" is a name; with her, "Fenshire Constabulary" is her role. */
    private static final String APOLOGIES = "Apologies were received from Nina Hart Fenshire Constabulary";

    /** The store, with every read seeing the board's people without Nina Hart: as if she joined a moment later. */
    private static final class ReadsBeforeNinaJoined implements LedgerStore {
        private final LedgerStore inner;
        final AtomicInteger reads = new AtomicInteger();

        ReadsBeforeNinaJoined(LedgerStore inner) {
            this.inner = inner;
        }

        @Override
        public <T> T inTransaction(Function<Ledger, T> work) {
            return inner.inTransaction(work);
        }

        @Override
        public <T> T read(Function<Ledger, T> work) {
            reads.incrementAndGet();
            return inner.read(ledger -> work.apply((Ledger) Proxy.newProxyInstance(Ledger.class.getClassLoader(),
                    new Class<?>[]{Ledger.class}, (proxy, method, args) -> {
                        try {
                            Object result = method.invoke(ledger, args);
                            if (method.getName().equals("people")) {
                                return ((List<?>) result).stream()
                                        .filter(p -> !((Person) p).name().equals("Nina Hart")).toList();
                            }
                            return result;
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    })));
        }

        @Override
        public boolean isReachable() {
            return inner.isReachable();
        }
    }

    @Test
    void commandsParsedAgainstPeopleThatHaveSinceChangedAreParsedAgainInTheTransaction() {
        Clerk setUp = new Clerk(store, ZoneId.of("Europe/London"));
        setUp.syncRoster(BOARD, List.of(new RosterEntry("29:claire", "aad-claire", "Claire Dunmore"),
                new RosterEntry("29:nina", "aad-nina", "Nina Hart")), true);
        say(setUp, BOARD, SECRETARY, "secretary Claire Dunmore", AT);
        say(setUp, BOARD, SECRETARY, "start meeting", AT);

        ReadsBeforeNinaJoined stale = new ReadsBeforeNinaJoined(store);
        String reply = say(new Clerk(stale, ZoneId.of("Europe/London")), BOARD, SECRETARY, APOLOGIES, AT);

        assertTrue(stale.reads.get() >= 1, "the message was not parsed before its transaction");
        assertTrue(reply.contains("Nina Hart"), reply);
        long board = read(ledger -> ledger.findBoard(TENANT, BOARD.conversationId()).orElseThrow().id());
        long nina = read(ledger -> ledger.personByTeamsId(board, "29:nina").orElseThrow().id());
        assertEquals(List.of(nina), read(ledger -> ledger.apologies(ledger.openMeeting(board).orElseThrow().id())
                .stream().map(a -> a.personId()).toList()), "the apology is Nina Hart's, not \"Nina Hart Fenshire\"'s");
    }

    @Test
    void aMessageParsedEarlyAgainstTheSamePeopleIsRecordedAsEver() {
        Clerk clerk = new Clerk(store, ZoneId.of("Europe/London"));
        clerk.syncRoster(BOARD, List.of(new RosterEntry("29:claire", "aad-claire", "Claire Dunmore"),
                new RosterEntry("29:nina", "aad-nina", "Nina Hart")), true);
        say(clerk, BOARD, SECRETARY, "secretary Claire Dunmore", AT);
        say(clerk, BOARD, SECRETARY, "start meeting", AT);

        String reply = say(clerk, BOARD, SECRETARY, APOLOGIES, AT);

        assertTrue(reply.contains("Nina Hart"), reply);
    }
}
