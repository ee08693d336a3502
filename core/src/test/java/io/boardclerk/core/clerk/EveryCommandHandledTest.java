package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.port.Ledger;
import io.boardclerk.core.port.LedgerStore;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The routing table's promise: every command the grammars can produce has exactly one handler. */
class EveryCommandHandledTest {

    private static final LedgerStore NO_STORE = new LedgerStore() {
        @Override
        public <T> T inTransaction(Function<Ledger, T> work) {
            throw new AssertionError("not used");
        }

        @Override
        public <T> T read(Function<Ledger, T> work) {
            throw new AssertionError("not used");
        }

        @Override
        public boolean isReachable() {
            return false;
        }
    };

    @Test
    @SuppressWarnings("unchecked")
    void everyCommandHasAHandler() {
        Clerk clerk = new Clerk(NO_STORE, ZoneId.of("Europe/London"));
        List<String> unhandled = new ArrayList<>();
        int commands = 0;
        for (Class<?> type : Command.class.getPermittedSubclasses()) {
            commands++;
            if (!clerk.handles((Class<? extends Command>) type)) {
                unhandled.add(type.getSimpleName());
            }
        }
        assertTrue(commands > 50, "the sealed Command lists its kinds");
        assertEquals(List.of(), unhandled, "commands no handler takes");
    }
}
