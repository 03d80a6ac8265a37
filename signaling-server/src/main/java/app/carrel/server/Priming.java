package app.carrel.server;

import app.carrel.protocol.Codec;
import app.carrel.protocol.Decoded;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.admin.ServerMetrics;
import app.carrel.server.gateway.Gateway;
import app.carrel.server.gateway.Inlet;
import app.carrel.server.hall.HallConfig;
import app.carrel.server.rooms.Outlet;
import app.carrel.server.rooms.RoomSizes;
import app.carrel.server.rooms.RoomsExecutor;
import app.carrel.server.security.IceServers;
import app.carrel.server.security.PasswordHasher;
import app.carrel.server.storage.Storage;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs what a class starting together sends through a throwaway copy of the room logic while the
 * server starts: rooms created, pairs joining, offers, answers and ICE candidates relayed, media
 * states, chat and a focus timer, everyone leaving. The copy has its own in-memory database and
 * connections that only collect what they are sent, so nothing of it is stored, listed or seen.
 * <p>
 * Why: a fresh JVM interprets the relay path for its first thousands of messages and compiles it
 * while a burst waits. Measured with {@code bench/node} (docs/benchmarks.md, "Cold and plain
 * loads"): a fresh server's first negotiate burst took twice the CPU of its second (350 against
 * 140-190 ms), and once past it the server relayed as fast as a plain Node relay. Running the same
 * code once at start pays that before the first class arrives. It takes 0.7-1.0 s of the second
 * core at start (most of it loading the classes the first client would have loaded), ~40 ms in a
 * JVM that is already warm (the tests').
 */
final class Priming implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);
    /** The MDC key under which the throwaway copy logs (and logback.xml drops it). */
    static final String MDC_KEY = "carrel.priming";
    /** Pairs per run: enough calls for the JIT's compile thresholds (a few hundred to 2,000) on the relay path. */
    static final int PAIRS = 100;
    /** ICE candidates each side sends, as a browser-free client does on one interface or two. */
    static final int CANDIDATES = 10;
    /** The size of a real offer with audio, video and a screen track. */
    private static final String SDP = sdp(4_800);

    private final Thread thread;
    private volatile boolean stopping;

    private Priming(RoomSizes sizes) {
        thread = new Thread(() -> run(sizes, () -> stopping), "carrel-priming");
        thread.setDaemon(true);
    }

    /**
     * Starts the script on its own thread, beside the rest of start-up and not in its way: the
     * server listens without waiting for it (start-up is mostly the main thread loading classes,
     * so the second core is free for it). Not when people are seated and waiting to resume: a
     * restart's resume storm arrives as the server listens and warms the server itself, and a
     * warm-up beside it only competes for the cores (measured, two runs each: the storm's last
     * {@code joined} 1.36-1.43 s after listening with it, 1.29-1.32 s without; docs/benchmarks.md).
     */
    static Priming inBackground(RoomSizes sizes, int waitingToResume) {
        Priming priming = new Priming(sizes);
        if (waitingToResume == 0) {
            priming.thread.start();
        } else {
            LOG.info("Not priming: {} participants may resume, and their return warms the server", waitingToResume);
        }
        return priming;
    }

    /** Stops the script at the next pair and waits for it to end (a pair takes well under a millisecond once warm). */
    @Override
    public void close() {
        stopping = true;
        try {
            // An unstarted thread is not alive, and joining it returns at once.
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the whole script on this thread; returns how many relayed messages (offer, answer, ice) reached their receiver. */
    static int run(RoomSizes sizes) {
        return run(sizes, () -> false);
    }

    /** A failure is logged and only costs the warm-up. */
    private static int run(RoomSizes sizes, BooleanSupplier stop) {
        long start = System.nanoTime();
        // The throwaway rooms are not the server's: logback.xml drops log lines made under this key.
        MDC.put(MDC_KEY, "yes");
        try (Storage storage = Storage.inMemory()) {
            int relayed = new Script(storage, sizes).run(stop);
            storage.close();
            MDC.remove(MDC_KEY);
            LOG.info("Primed the relay path in {} ms ({} messages relayed in a throwaway copy)",
                    (System.nanoTime() - start) / 1_000_000, relayed);
            return relayed;
        } catch (SQLException | RuntimeException e) {
            MDC.remove(MDC_KEY);
            LOG.warn("Priming failed; the first clients will find a cold server: {}", e.toString());
            return 0;
        }
    }

    /** The throwaway copy of the room logic, and what its people say to it. */
    private static final class Script {
        private final Codec codec = new Codec();
        private final Inline executor = new Inline();
        private final Gateway gateway;
        private int relayed;

        Script(Storage storage, RoomSizes sizes) {
            RoomLogic logic = new RoomLogic(executor, storage, new ServerMetrics(), codec, new PasswordHasher(),
                    new IceServers(List.of(), List.of(), null), sizes, Duration.ofSeconds(30), HallConfig.none());
            gateway = new Gateway(codec, logic.dispatcher(), executor, new ServerMetrics(), Integer.MAX_VALUE,
                    Integer.MAX_VALUE, "{\"type\":\"welcome\"}");
        }

        int run(BooleanSupplier stop) {
            for (int i = 0; i < PAIRS && !stop.getAsBoolean(); i++) {
                pair(i);
            }
            return relayed;
        }

        private void pair(int i) {
            Client a = new Client();
            a.say("{\"type\":\"list-rooms\",\"deltas\":true}");
            a.say("{\"type\":\"create-room\",\"id\":\"c\",\"name\":\"priming " + i + "\",\"capacity\":2}");
            String room = a.expect(ServerMessage.RoomCreated.class).room().id();
            a.say("{\"type\":\"join\",\"id\":\"j\",\"room\":\"" + room + "\",\"name\":\"Ada\",\"study\":true}");
            String aId = a.expect(ServerMessage.Joined.class).self().id();
            Client b = new Client();
            b.say("{\"type\":\"join\",\"id\":\"j\",\"room\":\"" + room + "\",\"name\":\"Björn\"}");
            String bId = b.expect(ServerMessage.Joined.class).self().id();
            b.say("{\"type\":\"offer\",\"to\":\"" + aId + "\",\"sdp\":" + SDP + "}");
            a.expect(ServerMessage.Offer.class);
            a.say("{\"type\":\"answer\",\"to\":\"" + bId + "\",\"sdp\":" + SDP + "}");
            b.expect(ServerMessage.Answer.class);
            relayed += 2;
            for (int c = 0; c < CANDIDATES; c++) {
                relayed += b.ice(aId, a, c) + a.ice(bId, b, c);
            }
            a.say("{\"type\":\"media-state\",\"audio\":false,\"video\":true,\"screen\":false}");
            b.say("{\"type\":\"chat\",\"id\":\"m\",\"text\":\"hej, let's start\"}");
            a.say("{\"type\":\"timer\",\"id\":\"t\",\"action\":\"start\",\"phase\":\"focus\",\"seconds\":1500}");
            a.say("{\"type\":\"timer\",\"id\":\"u\",\"action\":\"reset\"}");
            b.say("{\"type\":\"leave\",\"id\":\"l\"}");
            a.say("{\"type\":\"leave\",\"id\":\"l\"}");
            a.close();
            b.close();
        }

        /** A connection of the throwaway copy: what it is sent is kept until the script looks. */
        private final class Client implements Outlet {
            private final ArrayDeque<String> received = new ArrayDeque<>();
            private final Inlet inlet = gateway.opened(this);

            void say(String json) {
                gateway.text(inlet, json);
            }

            /** Sends one candidate to {@code to}; 1 when it arrived at {@code receiver}. */
            int ice(String to, Client receiver, int n) {
                say("{\"type\":\"ice\",\"to\":\"" + to + "\",\"candidate\":{\"candidate\":\"candidate:" + n
                        + " 1 udp 2122260223 192.0.2." + n + " 50000 typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}");
                return receiver.expect(ServerMessage.Ice.class) != null ? 1 : 0;
            }

            /** The first message of this type received, dropping what came before; throws if none. */
            <T extends ServerMessage> T expect(Class<T> type) {
                String text;
                while ((text = received.poll()) != null) {
                    if (codec.decodeServer(text) instanceof Decoded.Ok<ServerMessage> ok && type.isInstance(ok.message())) {
                        return type.cast(ok.message());
                    }
                }
                throw new IllegalStateException("the throwaway copy sent no " + type.getSimpleName());
            }

            void close() {
                gateway.closed(inlet);
            }

            @Override
            public boolean send(String text) {
                received.add(text);
                return true;
            }

            @Override
            public void close(int code, String reason) {
                // Nothing to close: the connection exists only in this run.
            }

            @Override
            public void ping() {
                // Nobody to ping.
            }

            @Override
            public void abort(String reason) {
                // Nothing to drop.
            }
        }
    }

    /**
     * Room state for the throwaway copy, on the one thread that runs the script: tasks run at once,
     * in order (a task's own tasks after it). Timers never fire, since the script never waits.
     */
    private static final class Inline implements RoomsExecutor {
        private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
        private boolean running;

        @Override
        public void execute(Runnable task) {
            queue.add(task);
            if (running) {
                return;
            }
            running = true;
            try {
                Runnable next;
                while ((next = queue.poll()) != null) {
                    next.run();
                }
            } finally {
                running = false;
            }
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            return () -> { };
        }

        @Override
        public <T> void offload(Callable<T> work, BiConsumer<T, Throwable> then) {
            T result = null;
            Throwable failure = null;
            try {
                result = work.call();
            } catch (Exception e) {
                failure = e;
            }
            T r = result;
            Throwable f = failure;
            execute(() -> then.accept(r, f));
        }

        @Override
        public long now() {
            return System.currentTimeMillis();
        }
    }

    /** A JSON string of about {@code size} characters shaped like an SDP offer's lines. */
    private static String sdp(int size) {
        StringBuilder s = new StringBuilder("\"v=0\\r\\no=- 4611731400430051336 2 IN IP4 127.0.0.1\\r\\ns=-\\r\\nt=0 0\\r\\n");
        for (int pt = 96; s.length() < size; pt++) {
            s.append("a=rtpmap:").append(pt).append(" VP8/90000\\r\\na=rtcp-fb:").append(pt)
                    .append(" nack pli\\r\\na=fmtp:").append(pt).append(" x-google-start-bitrate=600\\r\\n");
        }
        return s.append('"').toString();
    }
}
