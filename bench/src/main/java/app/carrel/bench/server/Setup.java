package app.carrel.bench.server;

import app.carrel.protocol.Codec;
import app.carrel.protocol.Decoded;
import app.carrel.protocol.ServerMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Rooms, joins and pairs before a measurement; replies are read with the protocol's own Codec. */
public final class Setup {
    private static final Codec CODEC = new Codec();

    /** Two participants of one room: {@code b} joined second, so {@code b} offers to {@code a}. */
    public record Pair(BenchSocket a, String aId, BenchSocket b, String bId) {
    }

    private Setup() {
    }

    /** Creates {@code count} rooms over one admin socket, pipelined; returns their ids in order. */
    public static List<String> createRooms(Clients clients, String prefix, int count, int capacity, Duration limit)
            throws Exception {
        BenchSocket admin = clients.connect().get(limit.toSeconds(), TimeUnit.SECONDS);
        Clients.welcomed(admin).get(limit.toSeconds(), TimeUnit.SECONDS);
        List<CompletableFuture<String>> replies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = "c" + i;
            replies.add(admin.expect(m -> m.contains("\"id\":\"" + id + "\"")));
            admin.send(Wire.createRoom(id, prefix + "-" + i, capacity));
        }
        List<String> rooms = new ArrayList<>(count);
        long deadline = System.nanoTime() + limit.toNanos();
        for (CompletableFuture<String> reply : replies) {
            String json = reply.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            rooms.add(decode(json, ServerMessage.RoomCreated.class).room().id());
        }
        clients.closeAll(List.of(admin), Duration.ofSeconds(5));
        return rooms;
    }

    /** Sends a join and completes with the whole {@code joined} reply (fails on an error reply). */
    public static CompletableFuture<ServerMessage.Joined> join(BenchSocket s, String room, String name) {
        CompletableFuture<String> reply = s.expect(m -> Wire.isType(m, "joined") || Wire.isType(m, "error"));
        s.send(Wire.join("j", room, name));
        return reply.thenApply(json -> decode(json, ServerMessage.Joined.class));
    }

    /** {@code count} pairs, each alone in a new room of two. */
    public static List<Pair> pairs(Clients clients, int count, String prefix, Duration limit) throws Exception {
        return pairs(clients, createRooms(clients, prefix, count, 2, limit), limit);
    }

    /** A pair seated in each of {@code rooms}, which must be empty. */
    public static List<Pair> pairs(Clients clients, List<String> rooms, Duration limit) throws Exception {
        int count = rooms.size();
        List<BenchSocket> firsts = clients.openMany(count, 100, limit, (i, s) -> Clients.welcomed(s)
                .thenCompose(x -> join(s, rooms.get(i), "a" + i)).thenApply(j -> {
                    s.tag = j.self().id();
                    return s;
                }));
        List<Pair> pairs = clients.openMany(count, 100, limit, (i, s) -> Clients.welcomed(s)
                .thenCompose(x -> join(s, rooms.get(i), "b" + i))
                .thenApply(j -> new Pair(firsts.get(i), (String) firsts.get(i).tag, s, j.self().id())));
        for (Pair p : pairs) {
            // The first of each pair was told that the second arrived; nothing waits for it.
            p.a().expect(m -> Wire.isType(m, "peer-joined")).get(limit.toSeconds(), TimeUnit.SECONDS);
        }
        return pairs;
    }

    /**
     * {@code count} idle clients seated {@code perRoom} to a room (the server's size for the
     * scaling run); at most 100 handshakes at once.
     */
    public static List<BenchSocket> idleSeated(Clients clients, int count, int perRoom, String prefix, Duration limit)
            throws Exception {
        if (count == 0) {
            return List.of();
        }
        List<String> rooms = createRooms(clients, prefix, (count + perRoom - 1) / perRoom, Math.max(2, perRoom), limit);
        return clients.openMany(count, 100, limit, (i, s) -> Clients.welcomed(s)
                .thenCompose(x -> join(s, rooms.get(i / perRoom), "idle" + i)).thenApply(j -> s));
    }

    /**
     * Leaves the rooms the way the app does ({@code leave}, then close), so the seats are free at
     * once and the rooms can be used again. A socket merely closed keeps its seat for the resume
     * grace period, and its expiry would then land in a later measurement.
     */
    public static void leaveAndClose(Clients clients, List<BenchSocket> seated, Duration limit) throws Exception {
        List<CompletableFuture<String>> left = new ArrayList<>(seated.size());
        for (BenchSocket s : seated) {
            left.add(s.expect(m -> Wire.isType(m, "left") || Wire.isType(m, "error")));
            s.send(Wire.leave("leave"));
        }
        long deadline = System.nanoTime() + limit.toNanos();
        for (CompletableFuture<String> reply : left) {
            String json = reply.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!Wire.isType(json, "left")) {
                System.err.println("leave refused (a client that never got its seat?): " + abbreviate(json));
            }
        }
        clients.closeAll(seated, limit);
    }

    static <T extends ServerMessage> T decode(String json, Class<T> type) {
        Decoded<ServerMessage> d = CODEC.decodeServer(json);
        if (d instanceof Decoded.Ok<ServerMessage> ok && type.isInstance(ok.message())) {
            return type.cast(ok.message());
        }
        throw new IllegalStateException("expected " + type.getSimpleName() + " but got " + abbreviate(json));
    }

    static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
