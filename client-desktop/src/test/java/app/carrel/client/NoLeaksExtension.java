package app.carrel.client;

import static org.junit.jupiter.api.Assertions.fail;

import app.carrel.client.media.NativeLibrary;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class that leaves threads running or copies of the webrtc native library in the
 * temp folder (surefire points java.io.tmpdir into target/). Threads get a few seconds to end,
 * as native teardown and socket threads wind down asynchronously.
 */
public final class NoLeaksExtension implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(NoLeaksExtension.class);

    /** JVM-wide threads that appear on first use and live as long as the JVM. */
    private static final List<String> JVM_THREADS = List.of(
            "Common-Cleaner", "process reaper", "Attach Listener", "Java2D Disposer", "AWT-Shutdown",
            "ForkJoinPool.commonPool", "surefire-forkedjvm", "Signal Dispatcher", "Notification Thread",
            "Finalizer", "Reference Handler", "main", "junit-jupiter-timeout-watcher", "JNA Cleaner",
            "Cleaner", "DestroyJavaVM", "sqlite", "CompletableFutureDelayScheduler");

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        // Surefire points java.io.tmpdir into target/, which must exist before @TempDir is made.
        Files.createDirectories(NativeLibrary.tempDir());
        context.getStore(NS).put("threads", liveThreads());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterAll(ExtensionContext context) throws InterruptedException {
        Set<String> before = (Set<String>) context.getStore(NS).get("threads");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Set<String> stray;
        do {
            stray = liveThreads().stream()
                    .filter(t -> !before.contains(t))
                    .filter(t -> JVM_THREADS.stream().noneMatch(t::startsWith))
                    .filter(t -> !isLibraryScheduler(t))
                    .collect(Collectors.toSet());
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

    /**
     * The server's Prometheus metrics start a JVM-wide daemon scheduler with an unnamed thread
     * ("Thread-N"); it is the library's, lives as long as the JVM, and is not ours to stop. It is
     * recognised by its pool's thread factory (surefire opens java.base for this).
     */
    private static boolean isLibraryScheduler(String nameAndId) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if ((thread.getName() + "#" + thread.getId()).equals(nameAndId)) {
                String factory = poolFactoryOf(thread);
                return factory != null && factory.startsWith("io.prometheus.");
            }
        }
        return false;
    }

    private static String poolFactoryOf(Thread thread) {
        try {
            Field target = Thread.class.getDeclaredField("target");
            target.setAccessible(true);
            Object worker = target.get(thread);
            if (worker == null) {
                return null;
            }
            Field outer = worker.getClass().getDeclaredField("this$0");
            outer.setAccessible(true);
            if (outer.get(worker) instanceof ThreadPoolExecutor pool) {
                return pool.getThreadFactory().getClass().getName();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static String describe(Set<String> names) {
        StringBuilder text = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (names.contains(thread.getName() + "#" + thread.getId())) {
                text.append("\n  ").append(thread.getName()).append(" (").append(thread.getState()).append(")");
                for (int i = 0; i < Math.min(stack.length, 8); i++) {
                    text.append("\n    at ").append(stack[i]);
                }
            }
        });
        return text.toString();
    }

    private static Set<String> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(t -> t.getName() + "#" + t.getId())
                .collect(Collectors.toSet());
    }
}
