package app.carrel.client;

import static org.junit.jupiter.api.Assertions.fail;

import app.carrel.client.media.NativeLibrary;
import io.prometheus.metrics.core.util.Scheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class that leaves threads running or copies of the webrtc native library in the
 * temp folder (surefire points java.io.tmpdir into target/). Threads are told apart by id, as the
 * server's ThreadCheck does (a name can be reused by a new thread), and get a few seconds to end,
 * as native teardown and socket threads wind down asynchronously.
 */
public final class NoLeaksExtension implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(NoLeaksExtension.class);

    /** JVM-wide threads that appear on first use and live as long as the JVM. */
    private static final List<String> JVM_THREADS = List.of(
            "Common-Cleaner", "process reaper", "Attach Listener", "Java2D Disposer", "AWT-Shutdown",
            "ForkJoinPool.commonPool", "surefire-forkedjvm", "Signal Dispatcher", "Notification Thread",
            "Finalizer", "Reference Handler", "main", "junit-jupiter-timeout-watcher", "JNA Cleaner",
            "Cleaner", "DestroyJavaVM", "sqlite", "CompletableFutureDelayScheduler",
            // A test server's JanusLink: Java 17's HttpClient has no close(); its threads end once the
            // closed link's client is collected (the server's ThreadCheck allows them too).
            "HttpClient-");

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        // Surefire points java.io.tmpdir into target/, which must exist before @TempDir is made.
        Files.createDirectories(NativeLibrary.tempDir());
        // The server's Prometheus client keeps one JVM-wide daemon scheduler with an unnamed
        // "Thread-N"; start it before the snapshot so the library's singleton is not taken for a
        // leak (as ThreadCheck does).
        Scheduler.schedule(() -> { }, 0, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
        context.getStore(NS).put("threads", liveThreadIds());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterAll(ExtensionContext context) throws InterruptedException {
        Set<Long> before = (Set<Long>) context.getStore(NS).get("threads");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<Thread> stray;
        do {
            stray = Thread.getAllStackTraces().keySet().stream()
                    .filter(Thread::isAlive)
                    .filter(t -> !before.contains(t.getId()))
                    .filter(t -> JVM_THREADS.stream().noneMatch(t.getName()::startsWith))
                    .collect(Collectors.toList());
            if (stray.isEmpty()) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling for threads to end, not synchronisation
        } while (System.nanoTime() < deadline);
        if (!stray.isEmpty()) {
            fail("Stray threads after " + context.getDisplayName() + ": " + describe(stray));
        }
        Path tmp = NativeLibrary.tempDir();
        List<Path> copies = NativeLibrary.copiesIn(tmp);
        if (!copies.isEmpty()) {
            fail("Native library copies left in " + tmp + ": " + copies);
        }
    }

    private static String describe(List<Thread> threads) {
        StringBuilder text = new StringBuilder();
        for (Thread thread : threads) {
            StackTraceElement[] stack = thread.getStackTrace();
            text.append("\n  ").append(thread.getName()).append(" (").append(thread.getState()).append(")");
            for (int i = 0; i < Math.min(stack.length, 8); i++) {
                text.append("\n    at ").append(stack[i]);
            }
        }
        return text.toString();
    }

    private static Set<Long> liveThreadIds() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getId)
                .collect(Collectors.toSet());
    }
}
