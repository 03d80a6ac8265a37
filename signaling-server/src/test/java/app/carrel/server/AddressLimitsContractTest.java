package app.carrel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.access.AccessLimits;
import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Eventually;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The flood measured against the old server (20 connections from one address made 6,000 rooms in
 * 3.2 s), replayed: the server now keeps one address within its quotas, each refusal with its own
 * code, while a second address (127.0.0.2, a real other source address on loopback) is not held
 * back by the first one's use.
 */
@ContractTest
class AddressLimitsContractTest {
    static final int CONNECTIONS = 10;
    static final int CREATIONS_PER_HOUR = 100;
    static final int LIVE_ROOMS = 1_000;

    @RegisterExtension
    final ServerFixture server = new ServerFixture()
            .limits(new AccessLimits(CONNECTIONS, CREATIONS_PER_HOUR, LIVE_ROOMS, 600));

    /**
     * Connects and consumes the welcome. A refused connection may be closed before the handshake
     * call returns (welcome, error and close come at once), so "not open" is not a failure here.
     */
    RecordingClient connectMayBeRefused() {
        RecordingClient client = server.track(new RecordingClient(server.uri()));
        try {
            client.connectBlocking(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        client.expect("welcome");
        return client;
    }

    /** A refused connection may be closed by the time we send; what it received says so. */
    static void sendUnlessClosed(RecordingClient client, Object... fields) {
        try {
            client.sendJson(fields);
        } catch (WebsocketNotConnectedException closedAlready) {
            // its error and close are recorded
        }
    }

    @Test
    void aFloodFromOneAddressStaysWithinItsQuotas() {
        List<RecordingClient> flood = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            RecordingClient client = connectMayBeRefused();
            sendUnlessClosed(client, "type", "list-rooms", "id", "hello");
            flood.add(client);
        }
        List<RecordingClient> admitted = new ArrayList<>();
        int refused = 0;
        for (RecordingClient client : flood) {
            JsonNode first = client.next();
            if (first.path("type").asText().equals("rooms")) {
                admitted.add(client);
            } else {
                assertEquals("too-many-connections", first.path("code").asText(), first::toString);
                assertTrue(first.path("id").isMissingNode(), "the refusal answers no request: " + first);
                assertFalse(first.path("message").asText().isBlank());
                assertEquals(1008, client.awaitClose().code());
                refused++;
            }
        }
        assertEquals(CONNECTIONS, admitted.size());
        assertEquals(20 - CONNECTIONS, refused);

        // Thousands of creations as fast as the sockets take them (within each connection's burst).
        int perConnection = 300;
        for (RecordingClient client : admitted) {
            for (int n = 0; n < perConnection; n++) {
                client.sendJson("type", "create-room", "id", "c" + n, "name", "Flood " + n, "capacity", 2);
            }
        }
        Map<String, Integer> answers = new TreeMap<>();
        for (RecordingClient client : admitted) {
            for (int n = 0; n < perConnection; n++) {
                JsonNode answer = client.nextMatching(m -> m.has("id"), "the answer to create-room c" + n,
                        Duration.ofSeconds(20));
                assertEquals("c" + n, answer.path("id").asText(), "answers come in request order");
                String kind = answer.path("type").asText() + " " + answer.path("code").asText("");
                answers.merge(kind.strip(), 1, Integer::sum);
            }
        }
        assertEquals(Map.of("room-created", CREATIONS_PER_HOUR,
                "error too-many-room-creations", CONNECTIONS * perConnection - CREATIONS_PER_HOUR), answers);

        RecordingClient watcher = admitted.get(0);
        watcher.sendJson("type", "list-rooms", "id", "count");
        assertEquals(CREATIONS_PER_HOUR, watcher.nextMatching(m -> "count".equals(m.path("id").asText()),
                "the room list", RecordingClient.DEFAULT_WAIT).path("rooms").size());

        // Another address is neither out of connections nor out of rooms.
        RecordingClient neighbour = server.connectFrom("127.0.0.2");
        neighbour.sendJson("type", "create-room", "id", "mine", "name", "Next door");
        assertEquals("room-created", neighbour.expect("room-created").path("type").asText());
    }

    @Test
    void aConnectionClosedMakesRoomForAnotherFromTheSameAddress() {
        List<RecordingClient> open = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            RecordingClient client = server.connect();
            client.sendJson("type", "list-rooms", "id", "in");
            client.expect("rooms");
            open.add(client);
        }
        RecordingClient extra = connectMayBeRefused();
        assertEquals("too-many-connections", extra.next().path("code").asText());
        assertEquals(1008, extra.awaitClose().code());

        open.get(0).close();
        open.get(0).awaitClose();
        // The server counts the close on its rooms thread; a connection right after may still be refused.
        Eventually.await("a connection admitted after one closed", Duration.ofSeconds(5), () -> {
            RecordingClient again = connectMayBeRefused();
            sendUnlessClosed(again, "type", "list-rooms", "id", "again");
            return again.next().path("type").asText();
        }, "rooms"::equals);
    }

    @Test
    void roomsThatStillExistAreCountedPerAddress() {
        server.stop();
        server.limits(new AccessLimits(CONNECTIONS, CREATIONS_PER_HOUR, 3, 600)).start();
        RecordingClient client = server.connect();
        for (int n = 0; n < 3; n++) {
            client.sendJson("type", "create-room", "id", "r" + n, "name", "Room " + n);
            client.expect("room-created");
        }
        client.sendJson("type", "create-room", "id", "r3", "name", "Room 3", "password", "locked too");
        JsonNode refusal = client.expect("error");
        assertEquals("too-many-rooms", refusal.path("code").asText());
        assertEquals("r3", refusal.path("id").asText());

        RecordingClient neighbour = server.connectFrom("127.0.0.2");
        neighbour.sendJson("type", "create-room", "id", "n", "name", "Theirs");
        neighbour.expect("room-created");
    }

    /** A room its owner deletes no longer counts: its creator may make another. */
    @Test
    void aDeletedRoomMakesRoomForItsCreator() {
        server.stop();
        server.limits(new AccessLimits(CONNECTIONS, CREATIONS_PER_HOUR, 1, 600)).start();
        RecordingClient client = server.connect();
        client.sendJson("type", "create-room", "id", "r0", "name", "Only one");
        JsonNode created = client.expect("room-created");
        client.sendJson("type", "create-room", "id", "r1", "name", "One too many");
        assertEquals("too-many-rooms", client.expect("error").path("code").asText());

        client.sendJson("type", "delete-room", "id", "d", "room", created.path("room").path("id").asText(),
                "owner", created.path("owner").asText());
        client.expect("room-deleted");
        client.sendJson("type", "create-room", "id", "r2", "name", "Its successor");
        assertEquals("r2", client.expect("room-created").path("id").asText());
    }
}
