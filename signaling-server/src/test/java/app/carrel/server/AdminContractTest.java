package app.carrel.server;

import static app.carrel.server.testing.Json.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Eventually;
import app.carrel.server.testing.Json;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin HTTP port: /healthz and Prometheus /metrics. */
@ContractTest
class AdminContractTest {

    @RegisterExtension
    final ServerFixture server = new ServerFixture().admin();

    record Response(int status, String body) {
    }

    Response get(String path) {
        try {
            URL url = new URL("http://127.0.0.1:" + server.server().adminPort() + path);
            HttpURLConnection connection = (HttpURLConnection) url.openConnection();
            connection.setRequestProperty("Connection", "close");
            connection.setConnectTimeout(5000);
            connection.setReadTimeout(5000);
            try {
                int status = connection.getResponseCode();
                try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                    return new Response(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of one sample, e.g. {@code carrel_relayed_messages_total{type="offer"}}; -1 when absent. */
    static double sample(String metrics, String name, String labels) {
        Pattern line = Pattern.compile("(?m)^" + Pattern.quote(name) + (labels == null ? "" : "\\{[^}]*"
                + Pattern.quote(labels) + "[^}]*\\}") + " ([0-9.eE+-]+)");
        Matcher matcher = line.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }

    double awaitSample(String name, String labels, double expected) {
        String metrics = Eventually.await(name + labels + " = " + expected, Duration.ofSeconds(5),
                () -> get("/metrics").body(), body -> sample(body, name, labels) == expected);
        return sample(metrics, name, labels);
    }

    @Test
    void healthzAnswersOk() {
        assertNotEquals(-1, server.server().adminPort());
        assertNotEquals(server.server().port(), server.server().adminPort());
        Response health = get("/healthz");
        assertEquals(200, health.status());
        assertEquals("ok", health.body().strip());
    }

    @Test
    void metricsExposeEveryRequiredFamilyWithItsType() {
        String body = get("/metrics").body();
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
        awaitSample("carrel_connections", null, 0);
        Member[] pair = server.pair();
        // The pair's two connections plus the fixture's room-creating connection.
        awaitSample("carrel_connections", null, 3);
        awaitSample("carrel_rooms", null, 1);
        awaitSample("carrel_participants", null, 2);
        pair[1].send("type", "leave", "id", "l");
        pair[1].expect("left");
        awaitSample("carrel_participants", null, 1);
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
        awaitSample("carrel_relayed_messages_total", "type=\"offer\"", 1);
        awaitSample("carrel_relayed_messages_total", "type=\"answer\"", 1);
        awaitSample("carrel_relayed_messages_total", "type=\"ice\"", 2);

        RecordingClient client = server.connect();
        client.sendJson("type", "join", "id", "j", "room", UUID.randomUUID().toString(), "name", "X");
        assertError(client.next(), "room-not-found", "j");
        awaitSample("carrel_errors_total", "code=\"room-not-found\"", 1);

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
        awaitSample("carrel_rate_limited_total", null, limited);
    }
}
