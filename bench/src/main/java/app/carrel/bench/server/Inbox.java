package app.carrel.bench.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * A socket's unclaimed messages, and who waits for which: set-up code asks for "the next
 * {@code joined}" while other messages (a {@code peer-joined}, a {@code welcome}) may arrive
 * first. Filed from the socket's I/O thread, claimed from any thread.
 */
final class Inbox {
    /** Both guarded by {@code this}. */
    private final ArrayDeque<String> unclaimed = new ArrayDeque<>();
    private final List<Waiter> waiters = new ArrayList<>();

    /** The first unclaimed message, already here or still to come, that matches; it is taken out. */
    CompletableFuture<String> expect(Predicate<String> wanted) {
        CompletableFuture<String> f = new CompletableFuture<>();
        synchronized (this) {
            for (var it = unclaimed.iterator(); it.hasNext(); ) {
                String m = it.next();
                if (wanted.test(m)) {
                    it.remove();
                    f.complete(m);
                    return f;
                }
            }
            waiters.add(new Waiter(wanted, f));
        }
        return f;
    }

    void file(String text) {
        CompletableFuture<String> claimed = null;
        synchronized (this) {
            for (var it = waiters.iterator(); it.hasNext(); ) {
                Waiter w = it.next();
                if (w.future.isDone()) {
                    it.remove();
                } else if (w.wanted.test(text)) {
                    it.remove();
                    claimed = w.future;
                    break;
                }
            }
            if (claimed == null) {
                unclaimed.add(text);
            }
        }
        // Completed outside the lock: the claimer's continuation runs right here.
        if (claimed != null) {
            claimed.complete(text);
        }
    }

    private record Waiter(Predicate<String> wanted, CompletableFuture<String> future) {
    }
}
