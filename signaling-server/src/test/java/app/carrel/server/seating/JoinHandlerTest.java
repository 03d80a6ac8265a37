package app.carrel.server.seating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.testing.RoomsFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JoinHandlerTest {
    @RegisterExtension
    final RoomsFixture rooms = new RoomsFixture();

    private ErrorCode joinError(RoomsFixture.Client c, String json) {
        rooms.send(c, json);
        return c.next(ServerMessage.Error.class).code();
    }

    @Test
    void joinCountsTheJoinerAndListsThePeersAlreadyThere() {
        String room = rooms.createRoom("Algorithms", 4, null);
        RoomsFixture.Client alice = rooms.join(room, "Alice");
        ServerMessage.Joined a = alice.next(ServerMessage.Joined.class);
        assertEquals(1, a.room().participants());
        RoomsFixture.Client bob = rooms.join(room, "  Bob ");
        ServerMessage.Joined b = bob.next(ServerMessage.Joined.class);
        assertEquals("Bob", b.self().name());
        assertEquals(2, b.room().participants());
        assertEquals(a.self().id(), b.peers().get(0).id());
        assertEquals("stun:stun.example.org", b.iceServers().get(0).urls().get(0));
        assertEquals(b.self().id(), alice.next(ServerMessage.PeerJoined.class).peer().id());
        assertTrue(bob.silent(), "the joiner gets no peer-joined about itself");
    }

    @Test
    void joinFailsWithEachSpecificCode() {
        String small = rooms.createRoom("Small", 2, null);
        String locked = rooms.createRoom("Locked", 4, "secret");
        RoomsFixture.Client c = rooms.connect();
        assertEquals(ErrorCode.ROOM_NOT_FOUND, joinError(c, "{\"type\":\"join\",\"room\":\"nope\",\"name\":\"A\"}"));
        assertEquals(ErrorCode.INVALID_NAME, joinError(c, "{\"type\":\"join\",\"room\":\"" + small + "\",\"name\":\"  \"}"));
        assertEquals(ErrorCode.INVALID_NAME,
                joinError(c, "{\"type\":\"join\",\"room\":\"" + small + "\",\"name\":\"a\\u0085b\"}"));
        assertEquals(ErrorCode.WRONG_PASSWORD, joinError(c, "{\"type\":\"join\",\"room\":\"" + locked + "\",\"name\":\"A\"}"));
        assertEquals(ErrorCode.WRONG_PASSWORD,
                joinError(c, "{\"type\":\"join\",\"room\":\"" + locked + "\",\"name\":\"A\",\"password\":\"guess\"}"));
        rooms.join(small, "One");
        rooms.join(small, "Two");
        assertEquals(ErrorCode.ROOM_FULL, joinError(c, "{\"type\":\"join\",\"room\":\"" + small + "\",\"name\":\"A\"}"));
        rooms.send(c, "{\"type\":\"join\",\"id\":\"7\",\"room\":\"" + locked + "\",\"name\":\"A\",\"password\":\"secret\"}");
        assertEquals("7", c.next(ServerMessage.Joined.class).id());
        assertEquals(ErrorCode.ALREADY_JOINED, joinError(c, "{\"type\":\"join\",\"room\":\"" + small + "\",\"name\":\"A\"}"));
    }

    @Test
    void requestsBehindAPasswordCheckAreAnsweredAfterIt() {
        String locked = rooms.createRoom("Locked", 4, "secret");
        RoomsFixture.Client c = rooms.connect();
        rooms.deliver(c, "{\"type\":\"join\",\"id\":\"1\",\"room\":\"" + locked + "\",\"name\":\"A\",\"password\":\"secret\"}");
        rooms.deliver(c, "{\"type\":\"chat\",\"id\":\"2\",\"text\":\"first\"}");
        rooms.executor.runQueued();
        assertTrue(c.silent(), "the chat waits behind the password check instead of failing not-in-room");
        rooms.executor.runAll();
        assertEquals("1", c.next(ServerMessage.Joined.class).id());
        assertEquals("2", c.next(ServerMessage.Chat.class).id());
    }

    @Test
    void resumeKeepsTheIdIssuesANewTokenAndDeliversQueuedRelayInOrder() {
        String room = rooms.createRoom("R", 4, null);
        RoomsFixture.Client alice = rooms.join(room, "Alice");
        ServerMessage.Joined a = alice.next(ServerMessage.Joined.class);
        RoomsFixture.Client bob = rooms.join(room, "Bob");
        bob.next(ServerMessage.Joined.class);
        alice.next(ServerMessage.PeerJoined.class);
        rooms.disconnect(alice);
        for (int i = 0; i < 300; i++) {
            rooms.send(bob, "{\"type\":\"ice\",\"to\":\"" + a.self().id() + "\",\"candidate\":{\"candidate\":\"c" + i + "\"}}");
        }
        assertTrue(bob.silent(), "queueing for a peer in its grace period is not an error");
        RoomsFixture.Client again = rooms.connect();
        rooms.send(again, "{\"type\":\"join\",\"room\":\"" + room + "\",\"name\":\"Other\",\"resume\":\"" + a.resume() + "\"}");
        ServerMessage.Joined resumed = again.next(ServerMessage.Joined.class);
        assertEquals(a.self().id(), resumed.self().id());
        assertEquals("Alice", resumed.self().name());
        assertNotEquals(a.resume(), resumed.resume());
        for (int i = 0; i < 256; i++) {
            assertEquals("c" + i, again.next(ServerMessage.Ice.class).candidate().candidate());
        }
        assertTrue(again.silent(), "beyond 256 the newest are dropped");
        assertTrue(bob.silent(), "others see neither peer-left nor peer-joined");

        RoomsFixture.Client thief = rooms.connect();
        rooms.send(thief, "{\"type\":\"join\",\"room\":\"" + room + "\",\"name\":\"Eve\",\"resume\":\"" + a.resume() + "\"}");
        assertNotEquals(a.self().id(), thief.next(ServerMessage.Joined.class).self().id(), "the old token stopped working");
    }

    @Test
    void resumingWhileTheOldConnectionIsOpenClosesItWith1000() {
        String room = rooms.createRoom("R", 4, null);
        RoomsFixture.Client alice = rooms.join(room, "Alice");
        ServerMessage.Joined a = alice.next(ServerMessage.Joined.class);
        RoomsFixture.Client again = rooms.connect();
        rooms.send(again, "{\"type\":\"join\",\"room\":\"" + room + "\",\"name\":\"Alice\",\"resume\":\"" + a.resume() + "\"}");
        assertEquals(a.self().id(), again.next(ServerMessage.Joined.class).self().id());
        assertEquals(java.util.List.of(1000), alice.outlet().closeCodes);
        rooms.disconnect(alice);
        rooms.executor.advance(RoomsFixture.GRACE.multipliedBy(2));
        assertEquals(1, rooms.directory.room(room).seated().size(), "the replaced socket's close leaves the seat alone");
    }

    @Test
    void aTokenIsValidOnlyForItsOwnRoom() {
        String first = rooms.createRoom("First", 4, null);
        String second = rooms.createRoom("Second", 4, null);
        RoomsFixture.Client alice = rooms.join(first, "Alice");
        ServerMessage.Joined a = alice.next(ServerMessage.Joined.class);
        rooms.disconnect(alice);
        RoomsFixture.Client again = rooms.connect();
        rooms.send(again, "{\"type\":\"join\",\"room\":\"" + second + "\",\"name\":\"Alice\",\"resume\":\"" + a.resume() + "\"}");
        assertNotEquals(a.self().id(), again.next(ServerMessage.Joined.class).self().id());
    }
}
