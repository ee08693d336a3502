package io.boardclerk.core.port;

import java.util.function.Function;

/** Opens transactions on the store. A work that throws leaves nothing written. */
public interface LedgerStore {

    <T> T inTransaction(Function<Ledger, T> work);

    /** Read-only work; may run beside a writer. */
    <T> T read(Function<Ledger, T> work);

    /** True when the store answers a trivial query. */
    boolean isReachable();
}
