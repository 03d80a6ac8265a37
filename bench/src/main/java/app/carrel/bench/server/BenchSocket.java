package app.carrel.bench.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * One load-generator connection over the JDK's WebSocket (one selector thread per HttpClient, so
 * thousands of sockets cost no thread each). The JDK allows one outstanding send per socket, so
 * sends queue here and go out one after another. A stamped message is built when it actually
 * leaves ({@code System.nanoTime()} at the send), so relay latency excludes our own queueing.
 * Received messages go to the current {@link Handler}; the default one files them in an inbox
 * that set-up code reads with {@link #await}.
 */
public final class BenchSocket implements WebSocket.Listener {

    /** Called on a JDK client thread, in arrival order for this socket. */
    public interface Handler {
        void onText(BenchSocket socket, String text, long arrivedNanos);
    }

    /** Guarded by itself: unclaimed messages, and who waits for which. */
    private final ArrayDeque<String> inbox = new ArrayDeque<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final Handler toInbox = (s, text, at) -> s.file(text);
    private volatile Handler handler = toInbox;
    private final StringBuilder partial = new StringBuilder();
    /** Guarded by {@code this}: messages waiting for the previous send to complete. */
    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    private boolean sending;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile WebSocket ws;
    private volatile Throwable failure;
    /** Free for the benchmark that drives this socket (peer id, counters' owner, …). */
    public volatile Object tag;

    public static CompletableFuture<BenchSocket> connect(HttpClient client, URI uri) {
        BenchSocket s = new BenchSocket();
        return client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20))
                .buildAsync(uri, s).thenApply(ws -> {
                    s.ws = ws;
                    return s;
                });
    }

    public void handler(Handler h) {
        this.handler = h == null ? toInbox : h;
    }

    public void send(String text) {
        enqueue(text);
    }

    /** Sends {@code build.apply(nanoTime)} built at the moment it is handed to the socket. */
    public void sendStamped(LongFunction<String> build) {
        enqueue(build);
    }

    /**
     * The first unclaimed message (already received or still to come) that matches; it is taken
     * out of the inbox, others stay. Completes on a client thread: never block in a callback.
     */
    public CompletableFuture<String> expect(Predicate<String> wanted) {
        CompletableFuture<String> f = new CompletableFuture<>();
        synchronized (inbox) {
            for (var it = inbox.iterator(); it.hasNext(); ) {
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

    public String await(Predicate<String> wanted, Duration limit)
            throws InterruptedException, TimeoutException, ExecutionException {
        CompletableFuture<String> f = expect(wanted);
        try {
            return f.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(false);
            throw new TimeoutException("no matching message within " + limit + (failure == null ? "" : "; " + failure));
        }
    }

    private void file(String text) {
        CompletableFuture<String> claimed = null;
        synchronized (inbox) {
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
                inbox.add(text);
            }
        }
        if (claimed != null) {
            claimed.complete(text);
        }
    }

    private record Waiter(Predicate<String> wanted, CompletableFuture<String> future) {
    }

    public Throwable failure() {
        return failure;
    }

    public CompletableFuture<Void> closeAsync() {
        WebSocket w = ws;
        if (w != null && !w.isOutputClosed()) {
            w.sendClose(WebSocket.NORMAL_CLOSURE, "bench done")
                    .whenComplete((x, e) -> {
                        if (e != null) {
                            w.abort();
                            closed.complete(null);
                        }
                    });
        } else {
            closed.complete(null);
        }
        return closed;
    }

    public void abort() {
        WebSocket w = ws;
        if (w != null) {
            w.abort();
        }
        closed.complete(null);
    }

    private void enqueue(Object message) {
        synchronized (this) {
            if (sending) {
                pending.add(message);
                return;
            }
            sending = true;
        }
        drain(message);
    }

    /**
     * Sends {@code next} and whatever queues behind it; the caller holds the {@code sending}
     * turn. A send still in flight hands the turn to its completion, so exactly one thread sends
     * at a time; a send that completed inline loops here rather than recursing.
     */
    private void drain(Object next) {
        while (next != null) {
            String text = next instanceof String s ? s : ((LongFunction<?>) next).apply(System.nanoTime()).toString();
            CompletableFuture<WebSocket> sent = ws.sendText(text, true);
            if (!sent.isDone()) {
                sent.whenComplete((w, e) -> {
                    noteFailure(e);
                    Object more = pollOrIdle();
                    if (more != null) {
                        drain(more);
                    }
                });
                return;
            }
            sent.whenComplete((w, e) -> noteFailure(e));
            next = pollOrIdle();
        }
    }

    private Object pollOrIdle() {
        synchronized (this) {
            Object next = pending.poll();
            if (next == null) {
                sending = false;
            }
            return next;
        }
    }

    private void noteFailure(Throwable e) {
        if (e != null && failure == null) {
            failure = e;
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long at = System.nanoTime();
        if (!last) {
            partial.append(data);
        } else {
            String text;
            if (partial.length() > 0) {
                text = partial.append(data).toString();
                partial.setLength(0);
            } else {
                text = data.toString();
            }
            handler.onText(this, text, at);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(null);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        noteFailure(error);
        closed.complete(null);
    }
}
