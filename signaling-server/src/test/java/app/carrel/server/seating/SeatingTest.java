package app.carrel.server.seating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.testing.RoomsFixture;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SeatingTest {
    @RegisterExtension
    final RoomsFixture rooms = new RoomsFixture();

    String room;
    RoomsFixture.Client alice;
    RoomsFixture.Client bob;
    String aliceId;

    @BeforeEach
    void seatAliceAndBob() {
        room = rooms.createRoom("R", 4, null);
        alice = rooms.join(room, "Alice");
        aliceId = alice.next(ServerMessage.Joined.class).self().id();
        bob = rooms.join(room, "Bob");
        bob.next(ServerMessage.Joined.class);
        alice.next(ServerMessage.PeerJoined.class);
    }

    @Test
    void leaveAnswersLeftAndTellsTheOthersAtOnce() {
        rooms.send(alice, "{\"type\":\"leave\",\"id\":\"4\"}");
        assertEquals("4", alice.next(ServerMessage.Left.class).id());
        assertEquals(aliceId, bob.next(ServerMessage.PeerLeft.class).peer());
        rooms.send(alice, "{\"type\":\"chat\",\"text\":\"hi\"}");
        assertEquals(ErrorCode.NOT_IN_ROOM, alice.next(ServerMessage.Error.class).code());
    }

    @Test
    void aLostConnectionKeepsItsSeatUntilTheGracePeriodEnds() {
        rooms.disconnect(alice);
        assertEquals(2, rooms.directory.room(room).toRoom().participants(), "the seat is kept during grace");
        rooms.executor.advance(RoomsFixture.GRACE.minusSeconds(1));
        assertTrue(bob.silent());
        rooms.executor.advance(Duration.ofSeconds(2));
        assertEquals(aliceId, bob.next(ServerMessage.PeerLeft.class).peer());
        assertEquals(1, rooms.directory.room(room).toRoom().participants());
    }

    @Test
    void theFocusTimerIsAnnouncedAtZeroToEveryone() {
        rooms.send(alice, "{\"type\":\"timer\",\"id\":\"6\",\"action\":\"start\",\"phase\":\"focus\",\"seconds\":1500}");
        ServerMessage.Timer started = alice.next(ServerMessage.Timer.class);
        assertEquals("6", started.id());
        assertEquals(1500, started.remaining());
        assertEquals(rooms.executor.now() + 1_500_000, started.endsAt());
        assertEquals(aliceId, bob.next(ServerMessage.Timer.class).by());
        rooms.executor.advance(Duration.ofSeconds(1500));
        for (RoomsFixture.Client c : new RoomsFixture.Client[] {alice, bob}) {
            ServerMessage.Timer zero = c.next(ServerMessage.Timer.class);
            assertEquals(false, zero.running());
            assertEquals(0, zero.remaining());
            assertEquals(null, zero.endsAt());
        }
    }

    @Test
    void aPausedTimerDoesNotReachZeroAndBadTimerRequestsAreBadRequest() {
        rooms.send(alice, "{\"type\":\"timer\",\"action\":\"pause\"}");
        assertEquals(ErrorCode.BAD_REQUEST, alice.next(ServerMessage.Error.class).code(), "no timer yet");
        rooms.send(alice, "{\"type\":\"timer\",\"action\":\"start\",\"phase\":\"break\",\"seconds\":7201}");
        assertEquals(ErrorCode.BAD_REQUEST, alice.next(ServerMessage.Error.class).code());
        rooms.send(alice, "{\"type\":\"timer\",\"action\":\"start\",\"phase\":\"break\",\"seconds\":300}");
        alice.next(ServerMessage.Timer.class);
        rooms.executor.advance(Duration.ofMillis(100_500));
        rooms.send(alice, "{\"type\":\"timer\",\"action\":\"pause\"}");
        assertEquals(200, alice.next(ServerMessage.Timer.class).remaining(), "199.5 s left rounds up");
        rooms.send(alice, "{\"type\":\"timer\",\"action\":\"reset\",\"seconds\":5}");
        assertEquals(ErrorCode.BAD_REQUEST, alice.next(ServerMessage.Error.class).code(), "reset takes no fields");
        rooms.executor.advance(Duration.ofSeconds(400));
        assertTrue(alice.silent(), "a paused timer never reaches zero");
    }
}
