package app.carrel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A process's CPU time per kind of thread at one moment, from /proc/&lt;pid&gt;/task (Linux only):
 * threads are grouped by name without a trailing number ("C2 CompilerThre", "WebSocketWorker"), so a
 * cold start's JIT compilers, GC and the server's own threads can be told apart. Threads that
 * ended before the sample are missing from it.
 */
public record ThreadCpu(Map<String, Long> nanosByKind) {
    private static final long TICK_NANOS = 10_000_000L;

    public static ThreadCpu of(long pid) {
        Map<String, Long> byKind = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue; // the thread ended while we listed them
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[#-]?[0-9]+$", "");
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NANOS;
                byKind.merge(name, cpu, Long::sum);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc/" + pid + "/task: " + e.getMessage(), e);
        }
        return new ThreadCpu(byKind);
    }

    /** "C2 CompilerThre 0.62 s, WebSocketWorker 0.31 s, …": the busiest kinds since {@code earlier}. */
    public String since(ThreadCpu earlier, int top) {
        return nanosByKind.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - earlier.nanosByKind.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .map(e -> String.format("%s %.2f s", e.getKey(), e.getValue() / 1e9))
                .collect(Collectors.joining(", "));
    }
}
