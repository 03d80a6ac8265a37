package app.carrel.client.call;

import static app.carrel.client.call.CallFixture.BLUE;
import static app.carrel.client.call.CallFixture.RED;
import static app.carrel.client.call.CallFixture.awaitFrames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.NoLeaksExtension;
import app.carrel.client.TestCertificate;
import app.carrel.client.media.FrameColor;
import app.carrel.client.signaling.ServerTrust;
import app.carrel.client.signaling.SignalingException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Engines against a wss:// server with a self-signed certificate, trusted explicitly or not. */
@ExtendWith(NoLeaksExtension.class)
class TlsCallTest {


    @TempDir
    Path dir;

    @Test
    void enginesTrustingTheServersCertificateCallEachOtherOverWss() throws Exception {
        TestCertificate cert = TestCertificate.selfSigned(dir, "carrel-test");
        try (CallFixture call = new CallFixture(dir, b -> b.tls(cert.certPem(), cert.keyPem()),
                ServerTrust.fromPem(cert.certPem()))) {
            assertEquals("wss", call.uri().getScheme());
            CallEngine a = call.engine("a", RED, new EventRecorder());
            CallEngine b = call.engine("b", BLUE, new EventRecorder());
            long start = System.nanoTime();
            call.joinedTogether("Secure", 2, a, b);
            awaitFrames(b, a.selfId(), 10);
            awaitFrames(a, b.selfId(), 10);
            System.out.printf("TlsCallTest: over %s, 10 frames both ways %d ms after connecting%n",
                    call.uri(), (System.nanoTime() - start) / 1_000_000);
            int atB = b.videoReception(a.selfId(), VideoKind.CAMERA).avgRgb();
            int atA = a.videoReception(b.selfId(), VideoKind.CAMERA).avgRgb();
            assertTrue(FrameColor.distance(atB, RED) < 80, "b should see a's red, saw #" + FrameColor.hex(atB));
            assertTrue(FrameColor.distance(atA, BLUE) < 80, "a should see b's blue, saw #" + FrameColor.hex(atA));
        }
    }

    @Test
    void anUntrustedCertificateFailsTheConnectionWithAClearSignalingException() throws Exception {
        TestCertificate cert = TestCertificate.selfSigned(dir, "carrel-untrusted");
        // The engines trust only the JVM's trust store, which has never heard of this certificate.
        try (CallFixture call = new CallFixture(dir, b -> b.tls(cert.certPem(), cert.keyPem()), null)) {
            CallEngine a = call.engine("a", RED, new EventRecorder());
            long start = System.nanoTime();
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> a.connect().get(10, TimeUnit.SECONDS), "connecting must fail, not hang");
            long millis = (System.nanoTime() - start) / 1_000_000;
            SignalingException cause = assertInstanceOf(SignalingException.class, failed.getCause());
            System.out.printf("TlsCallTest: untrusted certificate refused after %d ms: %s%n", millis, cause.reason());
            assertTrue(cause.getMessage().startsWith("TLS handshake with " + call.uri() + " failed"), cause.getMessage());
            assertInstanceOf(SSLHandshakeException.class, cause.getCause());
            assertEquals(CallState.IDLE, a.state());
        }
    }

    @Test
    void aTrustedCertificateNamingAnotherHostIsStillRefused() throws Exception {
        TestCertificate cert = TestCertificate.selfSignedForHost(dir, "carrel-elsewhere", "carrel.example.org");
        try (CallFixture call = new CallFixture(dir, b -> b.tls(cert.certPem(), cert.keyPem()),
                ServerTrust.fromPem(cert.certPem()))) {
            CallEngine a = call.engine("a", RED, new EventRecorder());
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> a.connect().get(10, TimeUnit.SECONDS), "connecting must fail, not hang");
            SignalingException cause = assertInstanceOf(SignalingException.class, failed.getCause());
            System.out.println("TlsCallTest: certificate for another host refused: " + cause.reason());
            assertInstanceOf(SSLHandshakeException.class, cause.getCause());
            assertTrue(cause.getMessage().contains("127.0.0.1"), cause.getMessage());
        }
    }
}
