package app.carrel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.SelfSignedCertificate;
import app.carrel.server.testing.ServerFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** wss:// with the private key encrypted (PKCS#8, AES-256) and its passphrase given to the server. */
@ContractTest
class TlsEncryptedKeyContractTest {

    static final Path CERT_DIR = tempDir();
    static final SelfSignedCertificate CERT = SelfSignedCertificate.generate(CERT_DIR);

    @RegisterExtension
    final ServerFixture server = new ServerFixture().tlsEncryptedKey(CERT, "a passphrase from a file");

    static Path tempDir() {
        try {
            return Files.createTempDirectory("carrel-tls-encrypted");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void deleteCertificate() throws IOException {
        try (Stream<Path> files = Files.walk(CERT_DIR)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void aServerWithAnEncryptedKeyServesWss() throws IOException {
        assertTrue(Files.readString(CERT_DIR.resolve("server-encrypted.key")).contains("BEGIN ENCRYPTED PRIVATE KEY"));
        assertEquals("wss", server.uri().getScheme());
        Member[] pair = server.pair();
        assertTrue(pair[0].client().hasSSLSupport());
        pair[0].send("type", "offer", "to", pair[1].id(), "sdp", "v=0 under an encrypted key");
        assertEquals("v=0 under an encrypted key", pair[1].expect("offer").path("sdp").asText());
    }
}
