package app.carrel.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsContextTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"RSA, SHA256withRSA", "EC, SHA256withECDSA"})
    void loadsAPemChainAndAPkcs8Key(String algorithm, String signature) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance(algorithm).generateKeyPair();
        X500Name name = new X500Name("CN=localhost");
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.ONE, new Date(), new Date(System.currentTimeMillis() + 86_400_000L), name,
                pair.getPublic()).build(new JcaContentSignerBuilder(signature).build(pair.getPrivate())));
        Path certPem = write("cert.pem", cert);
        Path keyPem = write("key.pem", new JcaPKCS8Generator(pair.getPrivate(), null).generate());

        assertEquals(cert, TlsContext.readChain(certPem)[0]);
        assertEquals(algorithm, TlsContext.readKey(keyPem).getAlgorithm());
        assertNotNull(TlsContext.fromPem(certPem, keyPem).getServerSocketFactory());
    }

    @Test
    void refusesAKeyThatIsNotPkcs8() throws Exception {
        Path key = dir.resolve("rsa.pem");
        Files.writeString(key, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertThrows(GeneralSecurityException.class, () -> TlsContext.readKey(key));
    }

    private Path write(String file, Object pem) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(pem);
        }
        Path path = dir.resolve(file);
        Files.writeString(path, out.toString());
        return path;
    }
}
