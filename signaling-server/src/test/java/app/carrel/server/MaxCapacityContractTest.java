package app.carrel.server;

import static app.carrel.server.testing.Json.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code max-capacity} is a server setting: it is both the upper bound and the default. */
@ContractTest
class MaxCapacityContractTest {

    @RegisterExtension
    final ServerFixture server = new ServerFixture().maxCapacity(3);

    @Test
    void theConfiguredMaxCapacityBoundsAndDefaultsCapacity() {
        RecordingClient client = server.connect();
        client.sendJson("type", "create-room", "id", "a", "name", "Default");
        assertEquals(3, client.expect("room-created").path("room").path("capacity").asInt());
        client.sendJson("type", "create-room", "id", "b", "name", "Three", "capacity", 3);
        assertEquals(3, client.expect("room-created").path("room").path("capacity").asInt());
        client.sendJson("type", "create-room", "id", "c", "name", "Four", "capacity", 4);
        assertError(client.next(), "invalid-capacity", "c");
    }
}
