package app.carrel.server.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.testing.RoomsFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DispatcherTest {
    @RegisterExtension
    final RoomsFixture rooms = new RoomsFixture();

    @Test
    void roomRequestsOutsideARoomAreNotInRoom() {
        RoomsFixture.Client c = rooms.connect();
        for (String type : new String[] {"leave", "media-state"}) {
            rooms.send(c, "{\"type\":\"" + type + "\",\"id\":\"x\"}");
            ServerMessage.Error e = c.next(ServerMessage.Error.class);
            assertEquals(ErrorCode.NOT_IN_ROOM, e.code());
            assertEquals("x", e.id());
        }
        rooms.send(c, "{\"type\":\"timer\",\"action\":\"start\",\"phase\":\"focus\",\"seconds\":0}");
        assertEquals(ErrorCode.NOT_IN_ROOM, c.next(ServerMessage.Error.class).code(), "not-in-room before range checks");
    }

    @Test
    void relayNeverCrossesRoomsAndStampsTheSender() {
        String one = rooms.createRoom("One", 4, null);
        String two = rooms.createRoom("Two", 4, null);
        RoomsFixture.Client a = rooms.join(one, "A");
        String aId = a.next(ServerMessage.Joined.class).self().id();
        RoomsFixture.Client b = rooms.join(one, "B");
        String bId = b.next(ServerMessage.Joined.class).self().id();
        a.next(ServerMessage.PeerJoined.class);
        RoomsFixture.Client outsider = rooms.join(two, "C");
        outsider.next(ServerMessage.Joined.class);

        rooms.send(outsider, "{\"type\":\"offer\",\"id\":\"o\",\"to\":\"" + aId + "\",\"sdp\":\"v=0\"}");
        assertEquals(ErrorCode.PEER_NOT_FOUND, outsider.next(ServerMessage.Error.class).code());
        rooms.send(a, "{\"type\":\"answer\",\"to\":\"" + aId + "\",\"sdp\":\"v=0\"}");
        assertEquals(ErrorCode.PEER_NOT_FOUND, a.next(ServerMessage.Error.class).code(), "nobody relays to itself");
        assertTrue(a.silent());

        rooms.send(b, "{\"type\":\"answer\",\"to\":\"" + aId + "\",\"sdp\":\"v=1\"}");
        ServerMessage.Answer answer = a.next(ServerMessage.Answer.class);
        assertEquals(bId, answer.from());
        assertEquals("v=1", answer.sdp());
        assertTrue(b.silent() && outsider.silent());
    }

    @Test
    void chatIsNumberedPerRoomAndOnlyTheSendersCopyCarriesTheId() {
        RoomsFixture.Client[] both = twoInARoom();
        RoomsFixture.Client a = both[0];
        RoomsFixture.Client b = both[1];
        rooms.send(a, "{\"type\":\"chat\",\"id\":\"5\",\"text\":\"one\"}");
        rooms.send(a, "{\"type\":\"chat\",\"text\":\"two\"}");
        ServerMessage.Chat mine = a.next(ServerMessage.Chat.class);
        assertEquals("5", mine.id());
        assertEquals(1, mine.seq());
        assertEquals(2, a.next(ServerMessage.Chat.class).seq());
        ServerMessage.Chat theirs = b.next(ServerMessage.Chat.class);
        assertNull(theirs.id());
        assertEquals("A", theirs.name());
        rooms.send(a, "{\"type\":\"chat\",\"id\":\"6\",\"text\":\"\"}");
        assertEquals(ErrorCode.INVALID_CHAT, a.next(ServerMessage.Error.class).code());
    }

    @Test
    void theLastFiftyChatLinesAreReplayedOldestFirst() {
        String room = rooms.createRoom("R", 4, null);
        RoomsFixture.Client a = rooms.join(room, "A");
        a.next(ServerMessage.Joined.class);
        for (int i = 1; i <= 60; i++) {
            rooms.send(a, "{\"type\":\"chat\",\"text\":\"line " + i + "\"}");
        }
        ServerMessage.Joined joined = rooms.join(room, "B").next(ServerMessage.Joined.class);
        assertEquals(50, joined.chat().size());
        assertEquals("line 11", joined.chat().get(0).text());
        assertEquals(60, joined.chat().get(49).seq());
    }

    @Test
    void mediaStateKeepsMissingFlagsAndAlwaysSendsAllThree() {
        RoomsFixture.Client[] both = twoInARoom();
        RoomsFixture.Client a = both[0];
        RoomsFixture.Client b = both[1];
        rooms.send(b, "{\"type\":\"media-state\",\"audio\":false}");
        ServerMessage.MediaState m = a.next(ServerMessage.MediaState.class);
        assertFalse(m.audio());
        assertTrue(m.video());
        assertFalse(m.screen());
        assertTrue(b.silent(), "media-state goes to everyone else");
    }

    @Test
    void lobbySubscribersArePushedChangesUntilTheyJoin() {
        RoomsFixture.Client watcher = rooms.connect();
        rooms.send(watcher, "{\"type\":\"list-rooms\",\"id\":\"1\"}");
        assertEquals("1", watcher.next(ServerMessage.Rooms.class).id());
        String room = rooms.createRoom("R", 4, null);
        ServerMessage.Rooms pushed = watcher.next(ServerMessage.Rooms.class);
        assertNull(pushed.id());
        assertEquals(room, pushed.rooms().get(0).id());
        rooms.join(room, "A");
        rooms.join(room, "B");
        rooms.executor.advance(Duration.ofSeconds(1));
        ServerMessage.Rooms counts = watcher.next(ServerMessage.Rooms.class);
        assertEquals(2, counts.rooms().get(0).participants(), "a burst coalesces into one push");
        assertTrue(watcher.silent());
        rooms.send(watcher, "{\"type\":\"join\",\"room\":\"" + room + "\",\"name\":\"W\"}");
        watcher.next(ServerMessage.Joined.class);
        rooms.createRoom("Other", 4, null);
        rooms.executor.advance(Duration.ofSeconds(1));
        assertTrue(watcher.outlet().sent.stream().noneMatch(m -> m instanceof ServerMessage.Rooms));
    }

    /** A and B seated in a new room, each past its joined (and A past B's peer-joined). */
    private RoomsFixture.Client[] twoInARoom() {
        String room = rooms.createRoom("R", 4, null);
        RoomsFixture.Client a = rooms.join(room, "A");
        a.next(ServerMessage.Joined.class);
        RoomsFixture.Client b = rooms.join(room, "B");
        b.next(ServerMessage.Joined.class);
        a.next(ServerMessage.PeerJoined.class);
        return new RoomsFixture.Client[] {a, b};
    }
}
