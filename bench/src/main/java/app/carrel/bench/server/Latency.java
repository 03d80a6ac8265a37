package app.carrel.bench.server;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** One-way latencies in microseconds (1 µs to 60 s, 3 significant digits); thread-safe. */
public final class Latency {
    private final Histogram histogram = new ConcurrentHistogram(60_000_000L, 3);

    public void recordNanos(long nanos) {
        histogram.recordValue(Math.max(1, Math.min(60_000_000L, nanos / 1_000)));
    }

    public void add(Latency other) {
        histogram.add(other.histogram);
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public double p(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxMs() {
        return histogram.getMaxValue() / 1000.0;
    }

    /** "n=…, p50 … ms, p90 …, p99 …, max …". */
    public String summary() {
        return String.format("n=%d  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms",
                count(), p(50), p(90), p(99), p(99.9), maxMs());
    }
}
