package app.carrel.server;

import static app.carrel.server.testing.Json.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.hall.HallConfig;
import app.carrel.server.janus.LocalJanus;
import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import app.carrel.server.testing.TestJanus;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Study halls as the wire shows them (docs/protocol.md, "Study halls"), against a real Janus:
 * which rooms are halls, who may join one, and what the sfu-* messages need. The media itself is
 * tested with real engines in client-desktop (HallCallTest).
 */
@ContractTest
class HallContractTest {
    private static final String SECRET = "contract-secret";
    private static LocalJanus janus;
    private static Path folder;

    @BeforeAll
    static void startJanus() throws Exception {
        janus = TestJanus.start("carrel-janus", SECRET, "23000-23099");
        folder = janus.folder();
    }

    @AfterAll
    static void stopJanus() throws Exception {
        TestJanus.stop(janus);
    }

    @RegisterExtension
    final ServerFixture server = new ServerFixture().maxCapacity(12)
            .halls(new HallConfig(List.of(janus.uri()), SECRET, HallConfig.DEFAULT_BITRATE));

    @Test
    void roomsAboveTheMeshMaximumAreHallsAndTheLobbySaysSo() {
        RecordingClient client = server.connect();
        client.sendJson("type", "create-room", "id", "a", "name", "Hall", "capacity", 12);
        JsonNode hall = client.expect("room-created").path("room");
        assertTrue(hall.path("hall").asBoolean(), "capacity 12 over mesh-max 4 is a hall: " + hall);
        client.sendJson("type", "create-room", "id", "b", "name", "Small", "capacity", 4);
        JsonNode small = client.expect("room-created").path("room");
        assertFalse(small.has("hall"), "a mesh room reads exactly as in v1: " + small);
        client.sendJson("type", "list-rooms", "id", "c");
        JsonNode rooms = client.expect("rooms").path("rooms");
        assertEquals(1, rooms.findValues("hall").size(), "one hall in " + rooms);
    }

    @Test
    void aV1ClientIsRefusedAHallWithAReasonAndAHallClientIsSeated() {
        String room = server.createRoom("Hall", 12, null).path("id").asText();
        RecordingClient v1 = server.connect();
        v1.sendJson("type", "join", "id", "j", "room", room, "name", "Old");
        assertError(v1.next(), "hall-unsupported", "j");
        RecordingClient v2 = server.connect();
        v2.sendJson("type", "join", "id", "k", "room", room, "name", "New", "halls", true);
        JsonNode joined = v2.expect("joined");
        assertTrue(joined.path("room").path("hall").asBoolean());
        // A mesh room takes both.
        String mesh = server.createRoom("Mesh", 4, null).path("id").asText();
        v1.sendJson("type", "join", "id", "m", "room", mesh, "name", "Old");
        v1.expect("joined");
    }

    @Test
    void sfuMessagesNeedAHall() {
        RecordingClient outside = server.connect();
        outside.sendJson("type", "sfu-view", "id", "v", "peers", List.of());
        assertError(outside.next(), "not-in-room", "v");
        // A malformed view is refused as such wherever it comes from.
        outside.sendJson("type", "sfu-view", "id", "w", "peers", List.of(), "large", java.util.Arrays.asList((Object) null));
        assertError(outside.next(), "bad-request", "w");
        outside.sendJson("type", "sfu-view", "id", "x", "peers", List.of(), "large", "someone");
        assertError(outside.next(), "bad-request", "x");
        String mesh = server.createRoom("Mesh", 4, null).path("id").asText();
        RecordingClient inMesh = server.connect();
        inMesh.sendJson("type", "join", "id", "j", "room", mesh, "name", "Ann", "halls", true);
        inMesh.expect("joined");
        inMesh.sendJson("type", "sfu-publish", "id", "p", "sdp", "v=0");
        JsonNode notAHall = inMesh.next();
        assertError(notAHall, "bad-request", "p");
        assertTrue(notAHall.path("message").asText().contains("not a study hall"), notAHall.toString());
        // A complete sfu-ice, so that only the room's kind can make it a bad request.
        inMesh.sendJson("type", "sfu-ice", "id", "i", "pc", "publisher", "candidate", java.util.Map.of("candidate", ""));
        JsonNode iceRefused = inMesh.next();
        assertError(iceRefused, "bad-request", "i");
        assertTrue(iceRefused.path("message").asText().contains("not a study hall"), iceRefused.toString());
    }

    @Test
    void withoutJanusRoomsStayMeshAndALargerOneIsRefusedWithTheReason() {
        server.stop();
        ServerConfig plain = ServerConfig.builder().bind("127.0.0.1").port(0).database(folder.resolve("plain.db"))
                .maxCapacity(12).build();
        try (CarrelServer alone = CarrelServer.start(plain)) {
            RecordingClient client = server.track(RecordingClient.open(alone.uri(), null));
            client.expect("welcome");
            client.sendJson("type", "create-room", "id", "a", "name", "Big", "capacity", 10);
            JsonNode refusal = client.next();
            assertError(refusal, "invalid-capacity", "a");
            assertTrue(refusal.path("message").asText().contains("Janus"), refusal.toString());
            client.sendJson("type", "create-room", "id", "b", "name", "Eight", "capacity", 8);
            assertFalse(client.expect("room-created").path("room").has("hall"));
        }
    }

    @Test
    void aHallWhoseJanusIsDownRefusesJoinsUntilItIsBack() throws Exception {
        server.stop();
        URI nowhere;
        try (ServerSocket socket = new ServerSocket(0)) {
            nowhere = URI.create("ws://127.0.0.1:" + socket.getLocalPort() + "/");
        }
        ServerConfig down = ServerConfig.builder().bind("127.0.0.1").port(0).database(folder.resolve("down.db"))
                .maxCapacity(12).halls(new HallConfig(List.of(nowhere), SECRET, HallConfig.DEFAULT_BITRATE)).build();
        try (CarrelServer alone = CarrelServer.start(down)) {
            RecordingClient client = server.track(RecordingClient.open(alone.uri(), null));
            client.expect("welcome");
            client.sendJson("type", "create-room", "id", "a", "name", "Hall", "capacity", 10);
            String room = client.expect("room-created").path("room").path("id").asText();
            client.sendJson("type", "join", "id", "j", "room", room, "name", "Ann", "halls", true);
            assertError(client.next(), "hall-unavailable", "j");
        }
    }
}
