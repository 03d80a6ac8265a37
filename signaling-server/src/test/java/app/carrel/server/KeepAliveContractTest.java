package app.carrel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Keep-alive with a shortened window: ping every 200 ms, dead after 1 s of silence, 500 ms grace. */
@ContractTest
class KeepAliveContractTest {

    static final Duration PING = Duration.ofMillis(200);
    static final Duration DEAD = Duration.ofSeconds(1);
    static final Duration GRACE = Duration.ofMillis(500);

    @RegisterExtension
    final ServerFixture server = new ServerFixture().keepAlive(PING, DEAD).resumeGrace(GRACE);

    @Test
    void theServerPingsEveryConnection() {
        RecordingClient client = server.connect();
        client.awaitPing(PING.multipliedBy(10));
        client.awaitPing(PING.multipliedBy(10));
    }

    @Test
    void aConnectionThatStopsAnsweringPingsBecomesPeerLeftAfterItsGrace() {
        String room = server.createRoom("Keep-alive");
        Member bob = server.join(room, "Bob");
        Member carol = server.join(room, "Carol");
        bob.expect("peer-joined");
        RecordingClient silent = server.connect();
        silent.stopAnsweringPings();
        Member ghost = server.join(silent, room, "Ghost");
        bob.expect("peer-joined");
        carol.expect("peer-joined");

        Duration window = DEAD.plus(GRACE).plus(PING).plusSeconds(3);
        assertEquals(ghost.id(), bob.client().expect("peer-left", window).path("peer").asText());
        assertEquals(ghost.id(), carol.client().expect("peer-left", window).path("peer").asText(),
                "Carol only answered pings all along and is still alive");
        bob.send("type", "chat", "text", "still here?");
        assertEquals("still here?", carol.expect("chat").path("text").asText());
    }

    @Test
    void messagesAlsoCountAsSignsOfLife() {
        String room = server.createRoom("Chatty");
        Member bob = server.join(room, "Bob");
        RecordingClient chatty = server.connect();
        chatty.stopAnsweringPings();
        Member talker = server.join(chatty, room, "Talker");
        bob.expect("peer-joined");
        long until = System.nanoTime() + DEAD.plus(GRACE).multipliedBy(2).toNanos();
        int n = 0;
        while (System.nanoTime() < until) {
            talker.send("type", "list-rooms", "id", "alive-" + n);
            assertEquals("alive-" + n++, chatty.expect("rooms").path("id").asText());
            // Paces the messages below the dead-after window; a message in between would fail here.
            chatty.expectNothingFor(PING);
        }
        talker.send("type", "chat", "text", "never silent");
        assertEquals("never silent", bob.expect("chat").path("text").asText(), "no peer-left came before");
    }
}
