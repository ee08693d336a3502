package io.boardclerk.bot;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Start-up work that need not wait its turn: begun on a thread of its own and joined where it is needed. */
final class StartUp {

    private StartUp() {
    }

    static <T> CompletableFuture<T> inBackground(String what, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "boardclerk-start-" + what);
        thread.setDaemon(true);
        thread.start();
        return result;
    }
}
