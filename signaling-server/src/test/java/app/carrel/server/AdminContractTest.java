package app.carrel.server;

import static app.carrel.server.testing.Json.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.testing.AdminEndpoint;
import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Json;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin HTTP port: /healthz and Prometheus /metrics. */
@ContractTest
class AdminContractTest {

    @RegisterExtension
    final ServerFixture server = new ServerFixture().admin();

    final AdminEndpoint admin = new AdminEndpoint(server);

    @Test
    void healthzAnswersOk() {
        assertNotEquals(-1, server.server().adminPort());
        assertNotEquals(server.server().port(), server.server().adminPort());
        AdminEndpoint.Response health = admin.get("/healthz");
        assertEquals(200, health.status());
        assertEquals("ok", health.body().strip());
    }

    @Test
    void metricsExposeEveryRequiredFamilyWithItsType() {
        String body = admin.get("/metrics").body();
        for (String family : new String[] {"carrel_connections gauge", "carrel_rooms gauge",
                "carrel_participants gauge", "carrel_relayed_messages_total counter", "carrel_errors_total counter",
                "carrel_rate_limited_total counter"}) {
            String name = family.substring(0, family.indexOf(' '));
            assertTrue(body.contains("# TYPE " + family) || body.contains("# TYPE " + name.replace("_total", "") + " "
                    + family.substring(family.indexOf(' ') + 1)), () -> "missing '# TYPE " + family + "' in\n" + body);
        }
    }

    @Test
    void gaugesFollowConnectionsRoomsAndParticipants() {
        admin.awaitSample("carrel_connections", null, 0);
        Member[] pair = server.pair();
        // The pair's two connections plus the fixture's room-creating connection.
        admin.awaitSample("carrel_connections", null, 3);
        admin.awaitSample("carrel_rooms", null, 1);
        admin.awaitSample("carrel_participants", null, 2);
        pair[1].send("type", "leave", "id", "l");
        pair[1].expect("left");
        admin.awaitSample("carrel_participants", null, 1);
    }

    @Test
    void countersFollowRelaysErrorsAndRateLimiting() {
        Member[] pair = server.pair();
        pair[0].send("type", "offer", "to", pair[1].id(), "sdp", "v=0");
        pair[1].expect("offer");
        pair[1].send("type", "answer", "to", pair[0].id(), "sdp", "v=0");
        pair[0].expect("answer");
        pair[1].send("type", "ice", "to", pair[0].id(), "candidate", Json.map("candidate", ""));
        pair[1].send("type", "ice", "to", pair[0].id(), "candidate", Json.map("candidate", ""));
        pair[0].expect("ice");
        pair[0].expect("ice");
        admin.awaitSample("carrel_relayed_messages_total", "type=\"offer\"", 1);
        admin.awaitSample("carrel_relayed_messages_total", "type=\"answer\"", 1);
        admin.awaitSample("carrel_relayed_messages_total", "type=\"ice\"", 2);

        RecordingClient client = server.connect();
        client.sendJson("type", "join", "id", "j", "room", UUID.randomUUID().toString(), "name", "X");
        assertError(client.next(), "room-not-found", "j");
        admin.awaitSample("carrel_errors_total", "code=\"room-not-found\"", 1);

        for (int i = 0; i < 400; i++) {
            client.sendJson("type", "leave", "id", "x");
        }
        int limited = 0;
        for (int i = 0; i < 400; i++) {
            if ("rate-limited".equals(client.next().path("code").asText())) {
                limited++;
            }
        }
        assertTrue(limited > 0);
        admin.awaitSample("carrel_rate_limited_total", null, limited);
    }
}
