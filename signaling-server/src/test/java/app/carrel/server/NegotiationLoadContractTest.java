package app.carrel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Json;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.ServerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 100 rooms × 2 clients negotiating at once: all delivered, nothing crosses rooms, order kept. */
@ContractTest
class NegotiationLoadContractTest {

    static final int ROOMS = 100;
    static final int CANDIDATES = 10;

    @RegisterExtension
    final ServerFixture server = new ServerFixture();

    static String sdp(String kind, int room) {
        StringBuilder sdp = new StringBuilder("v=0\r\no=- " + room + " 2 IN IP4 127.0.0.1\r\ns=" + kind + "-" + room + "\r\n");
        for (int line = 0; sdp.length() < 5000; line++) {
            sdp.append("a=x-filler:").append(kind).append('-').append(room).append('-').append(line).append("\r\n");
        }
        return sdp.toString();
    }

    static String candidate(String from, int room, int n) {
        return "candidate:" + n + " 1 udp 2122260223 10." + room % 256 + ".0." + n + " 5" + n + " typ host " + from;
    }

    record Room(Member host, Member joiner) {
    }

    @Test
    void aHundredRoomsNegotiateAtOnceWithoutCrossTalkOrReordering() {
        List<Room> rooms = new ArrayList<>();
        for (int r = 0; r < ROOMS; r++) {
            String id = server.createRoom("Load " + r);
            Member host = server.join(id, "Host " + r);
            Member joiner = server.join(id, "Joiner " + r);
            assertEquals(joiner.id(), host.expect("peer-joined").path("peer").path("id").asText());
            rooms.add(new Room(host, joiner));
        }

        // Every joiner offers and trickles at once; the server has 100 negotiations in flight.
        for (int r = 0; r < ROOMS; r++) {
            Room room = rooms.get(r);
            room.joiner().send("type", "offer", "to", room.host().id(), "sdp", sdp("offer", r));
            for (int n = 0; n < CANDIDATES; n++) {
                room.joiner().send("type", "ice", "to", room.host().id(), "candidate",
                        Json.map("candidate", candidate("joiner", r, n), "sdpMid", "0", "sdpMLineIndex", 0));
            }
        }
        // Each host answers as soon as its offer is in, then trickles its own candidates.
        for (int r = 0; r < ROOMS; r++) {
            Room room = rooms.get(r);
            assertRelayed(room.host().expect("offer"), room.joiner(), "sdp", sdp("offer", r));
            room.host().send("type", "answer", "to", room.joiner().id(), "sdp", sdp("answer", r));
            for (int n = 0; n < CANDIDATES; n++) {
                room.host().send("type", "ice", "to", room.joiner().id(), "candidate",
                        Json.map("candidate", candidate("host", r, n), "sdpMid", "0", "sdpMLineIndex", 0));
            }
        }
        for (int r = 0; r < ROOMS; r++) {
            Room room = rooms.get(r);
            for (int n = 0; n < CANDIDATES; n++) {
                assertIce(room.host().expect("ice"), room.joiner(), candidate("joiner", r, n));
            }
            assertRelayed(room.joiner().expect("answer"), room.host(), "sdp", sdp("answer", r));
            for (int n = 0; n < CANDIDATES; n++) {
                assertIce(room.joiner().expect("ice"), room.host(), candidate("host", r, n));
            }
        }
        // Nothing else is waiting anywhere: each connection's next message answers its own request.
        for (Room room : rooms) {
            for (Member member : new Member[] {room.host(), room.joiner()}) {
                member.send("type", "list-rooms", "id", "end");
                assertEquals("end", member.expect("rooms").path("id").asText());
            }
        }
    }

    static void assertRelayed(JsonNode message, Member sender, String field, String expected) {
        assertEquals(sender.id(), message.path("from").asText(), () -> "from of " + message);
        assertEquals(expected, message.path(field).asText(), () -> "payload crossed or reordered: " + message);
    }

    static void assertIce(JsonNode ice, Member sender, String expected) {
        assertEquals(sender.id(), ice.path("from").asText(), () -> "from of " + ice);
        assertEquals(expected, ice.path("candidate").path("candidate").asText(), () -> "crossed or reordered: " + ice);
    }
}
