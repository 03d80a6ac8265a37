package app.carrel.bench.server;

import app.carrel.protocol.Codec;
import app.carrel.protocol.MediaFlags;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.admin.ServerMetrics;
import app.carrel.server.lobby.LobbyFeed;
import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.LiveRoom;
import app.carrel.server.rooms.Outbox;
import app.carrel.server.rooms.Outlet;
import app.carrel.server.rooms.Participant;
import app.carrel.server.rooms.RoomDirectory;
import app.carrel.server.rooms.RoomsExecutor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One room change pushed to the lobby, inside the server, without sockets: {@code rooms} rooms,
 * {@code subscribers} lobby connections. Each subscriber's outlet copies what it is handed into a
 * new buffer of its own, as {@code socket.SocketOutlet} frames it, so the time and the bytes
 * allocated are what the server's own threads spend up to the socket write.
 * <ul>
 *   <li>{@code deltas}: every subscriber asked for deltas;</li>
 *   <li>{@code v1}: every subscriber is a v1 client, sent the whole list (assembled from kept JSON);</li>
 *   <li>{@code v1Before}: the whole list as the server sent it before deltas: the codec encodes
 *       every room, and each subscriber's outlet turns the string into UTF-8 again.</li>
 * </ul>
 * A change is one participant taking a seat or leaving it, alternately, in the next room.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LobbyFeedBenchmark {

    @Param("5000")
    int rooms;

    @Param("500")
    int subscribers;

    /**
     * An outlet like SocketOutlet up to the write: each message copied into a new buffer behind
     * room for the frame header, as SocketOutlet frames each flush into a buffer of its own.
     */
    static final class CopyingOutlet implements Outlet {
        private byte[] frame;
        long bytes;

        @Override
        public boolean send(String text) {
            return sendEncoded(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean sendEncoded(byte[] utf8) {
            frame = new byte[utf8.length + 10];
            System.arraycopy(utf8, 0, frame, 10, utf8.length);
            bytes += utf8.length;
            return true;
        }

        @Override
        public void close(int code, String reason) {
        }

        @Override
        public void ping() {
        }

        @Override
        public void abort(String reason) {
        }
    }

    /** Runs everything at once and moves its clock a second per look, so no push ever waits for the gap. */
    static final class InlineExecutor implements RoomsExecutor {
        private long now;

        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            task.run();
            return () -> { };
        }

        @Override
        public <T> void offload(Callable<T> work, BiConsumer<T, Throwable> then) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long now() {
            now += 1000;
            return now;
        }
    }

    private final Codec codec = new Codec();
    private final ServerMetrics metrics = new ServerMetrics();
    private Outbox outbox;
    private RoomDirectory directory;
    private LobbyFeed deltaFeed;
    private LobbyFeed v1Feed;
    private final List<LiveRoom> all = new ArrayList<>();
    private final List<Connection> v1Connections = new ArrayList<>();
    private final List<Participant> seated = new ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        outbox = new Outbox(codec, metrics);
        directory = new RoomDirectory(metrics);
        for (int i = 0; i < rooms; i++) {
            LiveRoom room = new LiveRoom(UUID.randomUUID().toString(), "lobby-" + i, 8, null, false);
            directory.addRoom(room);
            all.add(room);
        }
        InlineExecutor executor = new InlineExecutor();
        deltaFeed = new LobbyFeed(directory, outbox, executor);
        v1Feed = new LobbyFeed(directory, outbox, executor);
        for (int i = 0; i < subscribers; i++) {
            deltaFeed.subscribe(new Connection(new CopyingOutlet()), true);
            Connection v1 = new Connection(new CopyingOutlet());
            v1Feed.subscribe(v1, false);
            v1Connections.add(v1);
        }
        for (LiveRoom room : all) {
            seated.add(new Participant(UUID.randomUUID().toString(), "p", room, new MediaFlags(true, true, false),
                    UUID.randomUUID().toString()));
        }
    }

    /** Seats the next room's participant, or unseats it when it sits already; returns the room. */
    private LiveRoom change() {
        int i = next++ % (2 * rooms);
        Participant p = seated.get(i / 2);
        if (i % 2 == 0) {
            directory.seat(p);
        } else {
            directory.unseat(p);
        }
        return p.room();
    }

    @Benchmark
    public void deltas() {
        deltaFeed.changed(change());
    }

    @Benchmark
    public void v1() {
        v1Feed.changed(change());
    }

    @Benchmark
    public void v1Before() {
        change();
        String json = outbox.encode(new ServerMessage.Rooms(null, v1Feed.rooms()));
        for (Connection c : v1Connections) {
            c.send(json);
        }
    }
}
