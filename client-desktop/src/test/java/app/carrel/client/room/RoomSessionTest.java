package app.carrel.client.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import app.carrel.client.call.CallConfig;
import app.carrel.client.lobby.JoinRequest;
import app.carrel.client.prejoin.CameraChoice;
import app.carrel.client.prejoin.JoinPlan;
import app.carrel.protocol.Room;
import java.net.URI;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** What the lobby and the pre-join screen chose reaches the engine's configuration. */
class RoomSessionTest {

    private static final Room ROOM = new Room("6f1c2b9e-1111-4222-8333-944455556666", "Optics", 1, 4, false);

    @Test
    void theChosenDevicesAndTheTrustedCertificateReachTheEngine() throws Exception {
        SSLContext trust = SSLContext.getInstance("TLS");
        JoinRequest request = new JoinRequest(URI.create("wss://study.example.org/signal"),
                "wss://study.example.org/signal", ROOM, "Noor", null, trust);
        JoinPlan plan = new JoinPlan(request, null, CameraChoice.SYNTHETIC, true, false, "USB Mic", "Headphones");
        CallConfig config = RoomSession.config(plan, () -> null);
        assertEquals("USB Mic", config.microphone());
        assertEquals("Headphones", config.speaker());
        assertSame(trust, config.trust());
        assertEquals(true, config.microphoneOn());
        assertEquals(false, config.cameraOn());
    }

    @Test
    void noChoiceMeansTheSystemDefaults() {
        JoinRequest request = new JoinRequest(URI.create("ws://127.0.0.1:7000/signal"), "ws://127.0.0.1:7000/signal",
                ROOM, "Noor", null, null);
        CallConfig config = RoomSession.config(new JoinPlan(request, null, CameraChoice.SYNTHETIC, false, true, null, null),
                () -> null);
        assertNull(config.microphone());
        assertNull(config.speaker());
        assertNull(config.trust());
    }
}
