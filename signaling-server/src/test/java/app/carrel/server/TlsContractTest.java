package app.carrel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.SelfSignedCertificate;
import app.carrel.server.testing.ServerFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** wss:// with a self-signed certificate the test makes with BouncyCastle. */
@ContractTest
class TlsContractTest {

    static final Path CERT_DIR = tempDir();
    static final SelfSignedCertificate CERT = SelfSignedCertificate.generate(CERT_DIR);

    @RegisterExtension
    final ServerFixture server = new ServerFixture().tls(CERT);

    static Path tempDir() {
        try {
            return Files.createTempDirectory("carrel-tls");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void deleteCertificate() throws IOException {
        Files.deleteIfExists(CERT.certificatePem());
        Files.deleteIfExists(CERT.keyPem());
        Files.deleteIfExists(CERT_DIR);
    }

    @Test
    void theServerSpeaksWssAtSignal() {
        URI uri = server.uri();
        assertEquals("wss", uri.getScheme());
        assertEquals("/signal", uri.getPath());
        assertEquals(server.server().port(), uri.getPort());
    }

    @Test
    void aClientTrustingTheCertificateJoinsAndRelaysOverWss() {
        Member[] pair = server.pair();
        assertTrue(pair[0].client().hasSSLSupport());
        pair[0].send("type", "offer", "to", pair[1].id(), "sdp", "v=0 over tls");
        assertEquals("v=0 over tls", pair[1].expect("offer").path("sdp").asText());
        pair[1].chatAndAwaitEcho("secure");
        assertEquals("secure", pair[0].expect("chat").path("text").asText());
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateCannotConnect() throws Exception {
        RecordingClient untrusting = server.track(new RecordingClient(server.uri()));
        untrusting.setSocketFactory(SSLContext.getDefault().getSocketFactory());
        assertFalse(untrusting.connectBlocking(5, TimeUnit.SECONDS), "the JDK's trust store does not know our CA");
    }

    @Test
    void plainWebSocketToTheTlsPortGetsNoWelcome() throws Exception {
        URI plain = new URI("ws", null, "127.0.0.1", server.server().port(), "/signal", null, null);
        RecordingClient client = server.track(new RecordingClient(plain));
        assertFalse(client.connectBlocking(5, TimeUnit.SECONDS), "a cleartext handshake must fail on the TLS port");
    }
}
