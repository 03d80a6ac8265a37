package app.carrel.bench.server;

import app.carrel.bench.ProcessSample;
import app.carrel.bench.ServerProcess;
import app.carrel.bench.ThreadCpu;
import app.carrel.protocol.ServerMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A restart as it happens in a school: {@code --clients} people seated {@code --per-room} to a
 * room, the server stopped with SIGTERM and a new process started on the same database and port
 * (a cold JVM: nothing warms it), every client knocking until the port answers and then joining
 * with its resume token. Each client's time is from the new server's listening moment (its log
 * line, or the first WebSocket that opened if that came first) to its {@code joined}; a client
 * counts as back only with its own participant id.
 */
@Command(name = "resume-storm", mixinStandardHelpOptions = true,
        description = "Seated clients, the server restarted (SIGTERM + a new cold process on the same database), "
                + "every client resumes; listen -> joined per client.")
public final class ResumeStormBench implements Callable<Integer> {
    @Mixin
    ServerOptions options;

    @Option(names = "--clients", defaultValue = "1000")
    int clients;

    @Option(names = "--per-room", defaultValue = "4", description = "Seated clients per room (default: ${DEFAULT-VALUE})")
    int perRoom;

    /**
     * The app itself retries after 250 ms, then doubling up to 5 s (ServerLink); a fixed short
     * interval measures the server, not the app's back-off. Each wait is jittered ±50 %.
     */
    @Option(names = "--retry-ms", defaultValue = "100",
            description = "A client's wait between refused connects, jittered ±50%% (default: ${DEFAULT-VALUE})")
    int retryMs;

    /**
     * The app's own policy instead: 250 ms after the close, then doubling up to 5 s, no jitter
     * (ServerLink). Then what counts is SIGTERM -> last joined: the wait is the client's.
     */
    @Option(names = "--app-backoff", description = "Retry with the app's back-off as it was (250 ms doubling to 5 s, no jitter; "
            + "the app now waits a random time in the upper half of each step) instead of --retry-ms")
    boolean appBackoff;

    @Option(names = "--limit-seconds", defaultValue = "60", description = "Clients not back by then count as failed")
    int limitSeconds;

    /** One seat to come back to: what the app keeps from its {@code joined}. */
    private record Seat(String room, String name, String id, String token) {
    }

    @Override
    public Integer call() throws Exception {
        ServerProcess first = options.startServer();
        ServerProcess second = null;
        Clients pool = options.clients(first);
        try {
            int roomCount = (clients + perRoom - 1) / perRoom;
            List<String> rooms = Setup.createRooms(pool, "resume", roomCount, Math.max(2, perRoom), Duration.ofSeconds(60));
            List<Seat> seats = pool.openMany(clients, 100, Duration.ofSeconds(120), (i, s) -> {
                String room = rooms.get(i / perRoom);
                String name = "r" + i;
                return Clients.welcomed(s).thenCompose(x -> Setup.join(s, room, name))
                        .thenApply(j -> new Seat(room, name, j.self().id(), j.resume()));
            });
            System.out.printf("seated %d clients in %d rooms of %d%n", seats.size(), roomCount, perRoom);

            long sigterm = System.nanoTime();
            int exit = first.stop();
            long stopped = System.nanoTime();
            System.out.printf("old server stopped %.0f ms after SIGTERM (exit %d)%n", (stopped - sigterm) / 1e6, exit);

            Storm storm = new Storm(pool, seats, new InetSocketAddress(first.uri().getHost(), first.uri().getPort()));
            second = options.launchReplacement(first);
            storm.start(sigterm);
            second.awaitListening(Duration.ofSeconds(limitSeconds));
            // Sampled when the log line is read: the first clients may already be in (tens of ms).
            ProcessSample atListen = second.sample();
            ThreadCpu threadsAtListen = ThreadCpu.of(second.pid());
            boolean done = storm.finished.await(limitSeconds, TimeUnit.SECONDS);
            ProcessSample atEnd = second.sample();
            ThreadCpu threadsAtEnd = ThreadCpu.of(second.pid());
            storm.report(second, sigterm, done, atListen, atEnd);
            System.out.printf("server threads to listen: %s%nserver threads during the storm: %s%n",
                    threadsAtListen.since(new ThreadCpu(Map.of()), 6), threadsAtEnd.since(threadsAtListen, 6));
            return storm.back.get() == clients ? 0 : 1;
        } finally {
            pool.close();
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    /**
     * Every seat knocking until the port answers, then resuming. Knocks run on the retry timer's
     * thread, replies on the clients' event loops; the counters are atomic for that.
     */
    private final class Storm {
        private final Clients pool;
        private final List<Seat> seats;
        private final AtomicReferenceArray<Long> joinedAt;
        private final AtomicIntegerArray attempts;
        private final AtomicInteger back = new AtomicInteger();
        private final AtomicInteger otherId = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger refused = new AtomicInteger();
        private final AtomicLong firstOpen = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong lastOpen = new AtomicLong();
        private final AtomicLong firstCpu = new AtomicLong();
        private final CountDownLatch finished;
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "resume-retry");
            t.setDaemon(true);
            return t;
        });
        private final InetSocketAddress address;
        /** Set once a probe connected: only the timer thread's probes read and write it. */
        private boolean portAnswered;
        private long deadline;

        Storm(Clients pool, List<Seat> seats, InetSocketAddress address) {
            this.pool = pool;
            this.address = address;
            this.seats = seats;
            this.joinedAt = new AtomicReferenceArray<>(seats.size());
            this.attempts = new AtomicIntegerArray(seats.size());
            this.finished = new CountDownLatch(seats.size());
        }

        void start(long sigterm) {
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limitSeconds);
            firstCpu.set(ProcessSample.self().cpuNanos());
            for (int i = 0; i < seats.size(); i++) {
                int index = i;
                if (appBackoff) {
                    // The app counts from its close, which came with the SIGTERM, not from the exit.
                    long first = nextAppWaitMicros(index) - (System.nanoTime() - sigterm) / 1_000;
                    timer.schedule(() -> knock(index), Math.max(0, first), TimeUnit.MICROSECONDS);
                } else {
                    timer.execute(() -> knock(index));
                }
            }
        }

        private void knock(int i) {
            if (System.nanoTime() > deadline) {
                end(i, false, "never got a connection");
                return;
            }
            if (!portAnswered && !probe()) {
                retryLater(i);
                return;
            }
            Seat seat = seats.get(i);
            pool.connect().whenComplete((s, e) -> {
                if (e != null) {
                    retryLater(i);
                    return;
                }
                long opened = System.nanoTime();
                firstOpen.accumulateAndGet(opened, Math::min);
                lastOpen.accumulateAndGet(opened, Math::max);
                Clients.welcomed(s).thenCompose(x -> {
                    s.send(Wire.resume("j", seat.room(), seat.name(), seat.token()));
                    return s.expect(m -> Wire.isType(m, "joined") || Wire.isType(m, "error"));
                }).whenComplete((json, err) -> {
                    long at = System.nanoTime();
                    if (err != null || !Wire.isType(json, "joined")) {
                        end(i, false, err != null ? err.toString() : Setup.abbreviate(json));
                        return;
                    }
                    joinedAt.set(i, at);
                    String id = Setup.decode(json, ServerMessage.Joined.class).self().id();
                    if (id.equals(seat.id())) {
                        back.incrementAndGet();
                        end(i, true, null);
                    } else {
                        otherId.incrementAndGet();
                        end(i, false, "came back as " + id + " instead of " + seat.id());
                    }
                });
            });
        }

        private void retryLater(int i) {
            refused.incrementAndGet();
            long wait = appBackoff ? nextAppWaitMicros(i)
                    : retryMs * 1_000L / 2 + ThreadLocalRandom.current().nextLong(retryMs * 1_000L + 1);
            timer.schedule(() -> knock(i), wait, TimeUnit.MICROSECONDS);
        }

        /** ServerLink's schedule: 250 ms << attempt, at most 5 s. */
        private long nextAppWaitMicros(int i) {
            int attempt = attempts.getAndIncrement(i);
            return Math.min(5_000_000L, 250_000L << Math.min(attempt, 10));
        }

        /**
         * Whether the port answers a plain TCP connect. A refused Netty connect cost the generator
         * ~230 µs of CPU (20,000 of them while the server started: 0.7 of the 2 cores the cold server
         * needed); a refused plain connect costs a tenth of that. Clients on other machines would
         * cost the server's host nothing. Once one answered, everyone goes straight to WebSocket.
         */
        private boolean probe() {
            try (SocketChannel ch = SocketChannel.open()) {
                ch.connect(address);
                portAnswered = true;
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private void end(int i, boolean ok, String why) {
            if (!ok && failed.incrementAndGet() <= 5) {
                System.err.println("client " + i + " not back: " + why);
            }
            finished.countDown();
        }

        void report(ServerProcess server, long sigterm, boolean done, ProcessSample atListen, ProcessSample atEnd) {
            long logged = server.listeningNanos();
            long listen = Math.min(logged, firstOpen.get());
            Latency latency = new Latency();
            long last = 0;
            for (int i = 0; i < seats.size(); i++) {
                Long at = joinedAt.get(i);
                if (at != null) {
                    latency.recordNanos(at - listen);
                    last = Math.max(last, at);
                }
            }
            double generatorCpu = (ProcessSample.self().cpuNanos() - firstCpu.get()) / 1e9;
            System.out.printf("new server: process start -> listening %.0f ms (log line read %.0f ms after start, "
                            + "first WebSocket open %+.0f ms from it); SIGTERM -> listening %.0f ms%n",
                    (listen - server.startedNanos()) / 1e6, (logged - server.startedNanos()) / 1e6,
                    (firstOpen.get() - logged) / 1e6, (listen - sigterm) / 1e6);
            System.out.printf("WebSockets open: the last %.0f ms after listen (arrivals spread by knocking and "
                    + "the server's accepts and handshakes)%n", (lastOpen.get() - listen) / 1e6);
            System.out.printf("server CPU: %.2f s to listen, %.2f s more during the storm; generator CPU %.2f s "
                            + "(%d refused connects or probes)%n", atListen.cpuNanos() / 1e9,
                    (atEnd.cpuNanos() - atListen.cpuNanos()) / 1e9, generatorCpu, refused.get());
            System.out.printf("RESULT resume-storm clients=%d per-room=%d retry=%s: listen -> joined %s; "
                            + "last joined %.0f ms after listen, %.0f ms after SIGTERM; back with own id %d/%d, "
                            + "other id %d, failed %d%s%n",
                    clients, perRoom, appBackoff ? "as the app" : retryMs + " ms", latency.summary(), (last - listen) / 1e6, (last - sigterm) / 1e6,
                    back.get(), clients, otherId.get(), failed.get(), done ? "" : " (limit reached)");
            timer.shutdownNow();
        }
    }
}
