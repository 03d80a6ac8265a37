package app.carrel.server.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.prometheus.metrics.core.util.Scheduler;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class that leaves threads behind (after Java-WebSocket's ThreadCheck): a server
 * that is closed, and clients that are closed, must take their threads with them.
 */
public final class ThreadCheck implements BeforeAllCallback, AfterAllCallback {

    /** JVM, JDK and test-runner threads that come and go on their own. */
    private static final List<String> JVM_THREADS = List.of("main", "Reference Handler", "Finalizer",
            "Signal Dispatcher", "Common-Cleaner", "Notification Thread", "Attach Listener", "process reaper",
            "surefire-forkedjvm", "ForkJoinPool.commonPool", "Keep-Alive-Timer", "junit-jupiter-timeout-watcher",
            "HttpClient-", "JFR ", "Service Thread", "Monitor Deflation", "C1 Compiler", "C2 Compiler",
            "Sweeper thread",
            // The JDK's one scheduler behind CompletableFuture.orTimeout (JanusLink's request limit).
            "CompletableFutureDelayScheduler");

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ThreadCheck.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        // Prometheus' client keeps one JVM-wide daemon scheduler with an unnamed "Thread-N"; start it
        // before the snapshot so the library's singleton is not mistaken for a per-server leak.
        Scheduler.schedule(() -> { }, 0, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
        Set<Long> before = Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toSet());
        context.getStore(NS).put("before", before);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterAll(ExtensionContext context) {
        Set<Long> before = (Set<Long>) context.getStore(NS).get("before");
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<Thread> leaked = leaked(before);
        while (!leaked.isEmpty() && System.nanoTime() < deadline) {
            // Polling the JVM's thread list: a closed socket's threads end a moment after close().
            LockSupport.parkNanos(20_000_000L);
            leaked = leaked(before);
        }
        if (!leaked.isEmpty()) {
            fail(context.getDisplayName() + " left threads running: " + leaked.stream()
                    .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : "") + " at "
                            + Arrays.stream(t.getStackTrace()).limit(8).map(String::valueOf)
                            .collect(Collectors.joining(" < ")))
                    .collect(Collectors.joining("\n")));
        }
    }

    private static List<Thread> leaked(Set<Long> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !before.contains(t.getId()))
                .filter(t -> JVM_THREADS.stream().noneMatch(t.getName()::startsWith))
                .collect(Collectors.toList());
    }
}
