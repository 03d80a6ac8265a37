package app.carrel.server.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.testing.RoomsFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server's own failures reach the sender as {@code server-error}, never as silence. */
class ServerErrorTest {
    @RegisterExtension
    final RoomsFixture rooms = new RoomsFixture();

    @Test
    void aFailedPasswordCheckIsAServerErrorAndSeatsNobody() {
        String locked = rooms.createRoom("Locked", 4, "secret");
        rooms.executor.failSlowWork();
        RoomsFixture.Client c = rooms.connect();
        rooms.send(c, "{\"type\":\"join\",\"id\":\"j\",\"room\":\"" + locked + "\",\"name\":\"A\",\"password\":\"secret\"}");
        ServerMessage.Error error = c.next(ServerMessage.Error.class);
        assertEquals(ErrorCode.SERVER_ERROR, error.code());
        assertEquals("j", error.id());
        rooms.send(c, "{\"type\":\"chat\",\"id\":\"c\",\"text\":\"hi\"}");
        assertEquals(ErrorCode.NOT_IN_ROOM, c.next(ServerMessage.Error.class).code(), "the join did not take effect");
    }

    @Test
    void aPasswordCheckWhoseCallbackThrowsIsAServerErrorAndTheRequestsBehindItRun() {
        String locked = rooms.createRoom("Locked", 4, "secret");
        rooms.executor.slowWorkAnswersNull();
        RoomsFixture.Client c = rooms.connect();
        rooms.deliver(c, "{\"type\":\"join\",\"id\":\"j\",\"room\":\"" + locked + "\",\"name\":\"A\",\"password\":\"secret\"}");
        rooms.deliver(c, "{\"type\":\"list-rooms\",\"id\":\"l\"}");
        rooms.executor.runAll();
        ServerMessage.Error error = c.next(ServerMessage.Error.class);
        assertEquals(ErrorCode.SERVER_ERROR, error.code());
        assertEquals("j", error.id(), "the error answers the join, by its id");
        assertEquals("l", c.next(ServerMessage.Rooms.class).id(), "the request queued behind the join still runs");
        assertEquals(0, rooms.directory.room(locked).seated().size(), "nobody was seated");
    }

    @Test
    void aFailedPasswordHashIsAServerErrorAndCreatesNoRoom() {
        rooms.executor.failSlowWork();
        RoomsFixture.Client c = rooms.connect();
        rooms.send(c, "{\"type\":\"create-room\",\"id\":\"r\",\"name\":\"Locked\",\"password\":\"secret\"}");
        assertEquals(ErrorCode.SERVER_ERROR, c.next(ServerMessage.Error.class).code());
        rooms.send(c, "{\"type\":\"list-rooms\",\"id\":\"l\"}");
        assertEquals(0, c.next(ServerMessage.Rooms.class).rooms().size());
    }

    @Test
    void aHandlerThatThrowsAnswersServerErrorAndTheConnectionCarriesOn() {
        RoomsFixture.Client c = rooms.connect();
        // A join without a name never passes the codec; handed over anyway, the handler throws.
        rooms.sendDecoded(c, new ClientMessage.Join("broken", rooms.createRoom("R", 4, null), null));
        ServerMessage.Error error = c.next(ServerMessage.Error.class);
        assertEquals(ErrorCode.SERVER_ERROR, error.code());
        assertEquals("broken", error.id());
        rooms.send(c, "{\"type\":\"list-rooms\",\"id\":\"l\"}");
        assertInstanceOf(ServerMessage.Rooms.class, c.next(ServerMessage.Rooms.class));
    }
}
