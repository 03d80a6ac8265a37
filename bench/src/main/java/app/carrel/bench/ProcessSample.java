package app.carrel.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's resident memory and CPU time at one moment, read from /proc (Linux only). CPU is
 * utime + stime of the whole process, all threads; dividing a difference by wall time gives
 * "cores busy" (1.0 = one core fully used).
 */
public record ProcessSample(long pid, long rssKb, long cpuNanos, long atNanos) {

    /** USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every Linux we run on. */
    private static final long TICK_NANOS = 10_000_000L;

    public static ProcessSample of(long pid) {
        try {
            return new ProcessSample(pid, rssKb(pid), cpuNanos(pid), System.nanoTime());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read /proc/" + pid + ": " + e.getMessage(), e);
        }
    }

    public static ProcessSample self() {
        return of(ProcessHandle.current().pid());
    }

    /** Cores busy between {@code earlier} and this sample. */
    public double coresSince(ProcessSample earlier) {
        long wall = atNanos - earlier.atNanos;
        return wall <= 0 ? 0 : (cpuNanos - earlier.cpuNanos) / (double) wall;
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).replace("kB", "").strip());
            }
        }
        throw new IOException("no VmRSS line");
    }

    private static long cpuNanos(long pid) throws IOException {
        if (pid == ProcessHandle.current().pid()
                && ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // The command name may hold spaces; fields are counted after its closing parenthesis.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(f[11]);
        long stime = Long.parseLong(f[12]);
        return (utime + stime) * TICK_NANOS;
    }
}
