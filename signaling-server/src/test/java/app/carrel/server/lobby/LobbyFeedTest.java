package app.carrel.server.lobby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.protocol.Codec;
import app.carrel.protocol.Decoded;
import app.carrel.protocol.MediaFlags;
import app.carrel.protocol.Room;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.admin.ServerMetrics;
import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.LiveRoom;
import app.carrel.server.rooms.Outbox;
import app.carrel.server.rooms.Outlet;
import app.carrel.server.rooms.Participant;
import app.carrel.server.rooms.RoomDirectory;
import app.carrel.server.testing.ManualRoomsExecutor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The lobby's pushes without sockets: what each kind of subscriber is sent, and that the bytes are shared. */
class LobbyFeedTest {
    private static final Codec CODEC = new Codec();

    private final ManualRoomsExecutor executor = new ManualRoomsExecutor();
    private final ServerMetrics metrics = new ServerMetrics();
    private final RoomDirectory directory = new RoomDirectory(metrics);
    private final Outbox outbox = new Outbox(CODEC, metrics);
    private final LobbyFeed lobby = new LobbyFeed(directory, outbox, executor);
    private final List<Connection> connections = new ArrayList<>();

    /** Records the raw text, and which arrays were handed over, so sharing can be asserted. */
    private static final class RawOutlet implements Outlet {
        final List<String> texts = new ArrayList<>();
        final List<byte[]> arrays = new ArrayList<>();

        @Override
        public boolean send(String text) {
            texts.add(text);
            return true;
        }

        @Override
        public boolean sendEncoded(byte[] utf8) {
            arrays.add(utf8);
            return send(new String(utf8, StandardCharsets.UTF_8));
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

        List<ServerMessage> messages() {
            return texts.stream().map(t -> ((Decoded.Ok<ServerMessage>) CODEC.decodeServer(t)).message()).toList();
        }
    }

    private RawOutlet subscriber(boolean deltas) {
        RawOutlet outlet = new RawOutlet();
        Connection c = new Connection(outlet);
        connections.add(c);
        lobby.subscribe(c, deltas);
        return outlet;
    }

    private LiveRoom room(String name) {
        LiveRoom room = new LiveRoom(UUID.randomUUID().toString(), name, 4, null, false);
        directory.addRoom(room);
        return room;
    }

    private Participant seat(LiveRoom room) {
        Participant p = new Participant(UUID.randomUUID().toString(), "Ann", room, new MediaFlags(true, true, false),
                UUID.randomUUID().toString());
        directory.seat(p);
        return p;
    }

    /** A mesh room of 4 as the lobby shows it: {@code seated} people, each seated by {@link #seat} as "Ann". */
    private static Room shown(String id, String name, int seated) {
        return new Room(id, name, seated, 4, false, false, false, null, null, null,
                java.util.Collections.nCopies(seated, "Ann"));
    }

    /** Lets any push the feed scheduled happen (the coalescing gap, on the fake clock). */
    private void settle() {
        executor.advance(LobbyFeed.MIN_GAP);
    }

    @Test
    void anOptedInSubscriberIsSentOnlyTheRoomThatChanged() {
        List<LiveRoom> rooms = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rooms.add(room("Room " + i));
        }
        RawOutlet deltas = subscriber(true);
        seat(rooms.get(7));
        lobby.changed(rooms.get(7));
        settle();
        assertEquals(List.of(new ServerMessage.RoomChanged(shown(rooms.get(7).id(), "Room 7", 1))),
                deltas.messages());
    }

    @Test
    void addedChangedAndRemovedFollowTheRoomsLife() {
        RawOutlet deltas = subscriber(true);
        LiveRoom room = room("Algorithms");
        lobby.changed(room);
        settle();
        Participant ann = seat(room);
        lobby.changed(room);
        settle();
        directory.unseat(ann);
        directory.removeRoom(room);
        lobby.changed(room);
        settle();
        assertEquals(List.of(
                new ServerMessage.RoomAdded(shown(room.id(), "Algorithms", 0)),
                new ServerMessage.RoomChanged(shown(room.id(), "Algorithms", 1)),
                new ServerMessage.RoomRemoved(room.id())), deltas.messages());
    }

    @Test
    void aV1SubscriberGetsTheWholeListExactlyAsTheCodecWritesIt() {
        room("Plain");
        LiveRoom odd = new LiveRoom(UUID.randomUUID().toString(), "수학 \"quotes\" \\ back", 8, "hash", true);
        directory.addRoom(odd);
        RawOutlet v1 = subscriber(false);
        seat(odd);
        lobby.changed(odd);
        settle();
        LiveRoom later = room("Later");
        lobby.changed(later);
        settle();
        assertEquals(2, v1.texts.size(), v1.texts::toString);
        assertEquals(CODEC.encode(new ServerMessage.Rooms(null, lobby.rooms())), v1.texts.get(1));
        assertTrue(v1.messages().stream().allMatch(ServerMessage.Rooms.class::isInstance), v1.texts::toString);
    }

    @Test
    void eachPushIsEncodedOnceAndTheSameBytesGoToEverySubscriber() {
        room("Existing");
        RawOutlet a = subscriber(true);
        RawOutlet b = subscriber(true);
        RawOutlet v1a = subscriber(false);
        RawOutlet v1b = subscriber(false);
        LiveRoom room = room("New");
        lobby.changed(room);
        settle();
        assertEquals(1, a.arrays.size());
        assertSame(a.arrays.get(0), b.arrays.get(0), "one delta array for every opted-in subscriber");
        assertSame(v1a.arrays.get(0), v1b.arrays.get(0), "one full-list array for every v1 subscriber");
    }

    @Test
    void changesWithinOneGapCoalesceToTheLastState() {
        LiveRoom busy = room("Busy");
        RawOutlet deltas = subscriber(true);
        lobby.changed(room("Warm-up"));
        executor.runQueued();
        deltas.texts.clear();
        seat(busy);
        lobby.changed(busy);
        seat(busy);
        lobby.changed(busy);
        LiveRoom brief = room("Brief");
        lobby.changed(brief);
        directory.removeRoom(brief);
        lobby.changed(brief);
        settle();
        assertEquals(List.of(new ServerMessage.RoomChanged(shown(busy.id(), "Busy", 2))), deltas.messages());
    }

    @Test
    void aChangeThatDoesNotNameItsRoomIsFoundByComparingThemAll() {
        LiveRoom gone = room("Gone");
        LiveRoom fuller = room("Fuller");
        RawOutlet deltas = subscriber(true);
        RawOutlet v1 = subscriber(false);
        directory.removeRoom(gone);
        seat(fuller);
        lobby.changed();
        settle();
        assertEquals(List.of(new ServerMessage.RoomChanged(shown(fuller.id(), "Fuller", 1)),
                new ServerMessage.RoomRemoved(gone.id())), deltas.messages());
        assertEquals(List.of(new ServerMessage.Rooms(null, List.of(shown(fuller.id(), "Fuller", 1)))),
                v1.messages());
    }

    @Test
    void whatChangedWhileNobodyListenedIsNotSentToTheNextSubscriber() {
        LiveRoom room = room("Quiet");
        RawOutlet first = subscriber(true);
        lobby.unsubscribe(firstConnection(first));
        seat(room);
        lobby.changed(room);
        settle();
        RawOutlet next = subscriber(true);
        settle();
        assertEquals(List.of(), next.messages(), "its own list already shows the change");
        seat(room);
        lobby.changed(room);
        settle();
        assertEquals(List.of(new ServerMessage.RoomChanged(shown(room.id(), "Quiet", 2))), next.messages());
    }

    @Test
    void nothingIsSentWhenNothingTheListShowsChanged() {
        LiveRoom room = room("Same");
        RawOutlet deltas = subscriber(true);
        RawOutlet v1 = subscriber(false);
        lobby.changed(room);
        lobby.changed();
        settle();
        assertEquals(List.of(), deltas.texts);
        assertEquals(List.of(), v1.texts);
    }

    private Connection firstConnection(RawOutlet outlet) {
        return connections.stream().filter(c -> c.outlet() == outlet).findFirst().orElseThrow();
    }
}
