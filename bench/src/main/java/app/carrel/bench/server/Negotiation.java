package app.carrel.bench.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One negotiate round over ready pairs: every joiner sends its offer and 10 ICE candidates; each
 * first participant answers its offer with an answer and 10 candidates. Records the one-way
 * relay latency of every message and checks that each stream arrives whole and in order.
 * <p>
 * By default everything is sent at once (the "200 pairs at once"): 4,400 messages and
 * 2 MB leave the generator in one burst, so late messages mostly measure the queue that burst
 * builds. With a {@code spread} the pairs start evenly over that window and candidates trickle
 * {@code iceGap} apart, as a browser gathers them; that measures the relay itself.
 */
public final class Negotiation {
    public static final int ICE_PER_SIDE = 10;

    private final Duration spread;
    private final Duration iceGap;
    private final ScheduledExecutorService pacer;

    /** All at once. */
    public Negotiation() {
        this(Duration.ZERO, Duration.ZERO, null);
    }

    /** Paced by {@code pacer} (needed when spread or iceGap is not zero). */
    public Negotiation(Duration spread, Duration iceGap, ScheduledExecutorService pacer) {
        this.spread = spread;
        this.iceGap = iceGap;
        this.pacer = pacer;
    }

    /** What one round measured. {@code lost} = expected − received when the limit passed. */
    public record Result(Latency sdp, Latency ice, Latency all, int expected, int received, int outOfOrder,
                         int errors, double seconds, long serverCpuNanos) {
        public int lost() {
            return expected - received;
        }

        /** The same, with the server's CPU time over the round (read by the caller). */
        public Result withServerCpu(long nanos) {
            return new Result(sdp, ice, all, expected, received, outOfOrder, errors, seconds, nanos);
        }
    }

    private final Latency sdp = new Latency();
    private final Latency ice = new Latency();
    private final AtomicInteger outOfOrder = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger received = new AtomicInteger();

    public Result run(List<Setup.Pair> pairs, Duration limit) throws InterruptedException {
        int expected = pairs.size() * 2 * (1 + ICE_PER_SIDE);
        CountDownLatch done = new CountDownLatch(expected);
        for (Setup.Pair p : pairs) {
            p.a().handler(receiver(done, p.bId(), true));
            p.b().handler(receiver(done, p.aId(), false));
        }
        List<Relay.Template> offers = new ArrayList<>(pairs.size());
        List<Relay.Template> candidates = new ArrayList<>(pairs.size());
        for (Setup.Pair p : pairs) {
            offers.add(Relay.offer(p.aId()));
            candidates.add(Relay.ice(p.aId()));
        }
        long start = System.nanoTime();
        for (int i = 0; i < pairs.size(); i++) {
            Setup.Pair p = pairs.get(i);
            long offset = spread.toNanos() * i / pairs.size();
            Relay.Template offer = offers.get(i);
            later(offset, () -> p.b().sendStamped(offer, 0));
            trickle(p.b(), candidates.get(i), offset);
        }
        done.await(limit.toNanos(), TimeUnit.NANOSECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        for (Setup.Pair p : pairs) {
            p.a().handler(null);
            p.b().handler(null);
        }
        Latency all = new Latency();
        all.add(sdp);
        all.add(ice);
        return new Result(sdp, ice, all, expected, received.get(), outOfOrder.get(), errors.get(), seconds, 0);
    }

    /**
     * A receiver's handler. One socket's messages arrive on its event-loop thread, one at a
     * time, so the sequence counter in the array is touched by one thread only.
     */
    private BenchSocket.Handler receiver(CountDownLatch done, String peerId, boolean answers) {
        int[] nextSeq = {0};
        // Built before the round, so only the stamps are written during it.
        Relay.Template answer = answers ? Relay.answer(peerId) : null;
        Relay.Template candidate = answers ? Relay.ice(peerId) : null;
        return (socket, json, at) -> {
            if (Relay.isType(json, "error")) {
                if (errors.incrementAndGet() <= 5) {
                    System.err.println("error reply: " + Setup.abbreviate(Relay.text(json)));
                }
                return;
            }
            boolean isIce = Relay.isType(json, "ice");
            boolean isSdp = Relay.isType(json, "offer") || Relay.isType(json, "answer");
            if (!isIce && !isSdp) {
                return;
            }
            (isIce ? ice : sdp).recordNanos(at - Relay.stampOf(json));
            int seq = Relay.sequenceOf(json);
            if (seq != nextSeq[0]) {
                outOfOrder.incrementAndGet();
            }
            nextSeq[0] = seq + 1;
            received.incrementAndGet();
            done.countDown();
            if (answers && Relay.isType(json, "offer")) {
                socket.sendStamped(answer, 0);
                trickle(socket, candidate, 0);
            }
        };
    }

    /** Candidates 1..10, all now or {@code iceGap} apart, starting after {@code offset}. */
    private void trickle(BenchSocket from, Relay.Template candidate, long offsetNanos) {
        for (int k = 1; k <= ICE_PER_SIDE; k++) {
            int n = k;
            later(offsetNanos + iceGap.toNanos() * k, () -> from.sendStamped(candidate, n));
        }
    }

    private void later(long delayNanos, Runnable send) {
        if (delayNanos <= 0 || pacer == null) {
            send.run();
        } else {
            pacer.schedule(send, delayNanos, TimeUnit.NANOSECONDS);
        }
    }
}
