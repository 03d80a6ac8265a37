package app.carrel.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
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

    @ParameterizedTest
    @CsvSource({"RSA", "EC"})
    void readsAnEncryptedPkcs8KeyWithItsPassphrase(String algorithm) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance(algorithm).generateKeyPair();
        Path key = write("key.pem", new JcaPKCS8Generator(pair.getPrivate(), new JceOpenSSLPKCS8EncryptorBuilder(
                JcaPKCS8Generator.AES_256_CBC).setProvider(new BouncyCastleProvider()).setPassword("correct horse".toCharArray()).build()).generate());
        assertTrue(Files.readString(key).contains("BEGIN ENCRYPTED PRIVATE KEY"));

        assertEquals(pair.getPrivate(), TlsContext.readKey(key, "correct horse"));
    }

    @Test
    void readsOpenSslsTraditionalEncryptedKey() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(pair.getPrivate(), new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(new BouncyCastleProvider()).build("pass".toCharArray()));
        }
        Path key = dir.resolve("rsa.pem");
        Files.writeString(key, out.toString());
        assertTrue(out.toString().contains("Proc-Type: 4,ENCRYPTED"));

        assertEquals(pair.getPrivate(), TlsContext.readKey(key, "pass"));
    }

    @Test
    void aWrongOrMissingPassphraseSaysSo() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("EC").generateKeyPair();
        Path key = write("key.pem", new JcaPKCS8Generator(pair.getPrivate(), new JceOpenSSLPKCS8EncryptorBuilder(
                JcaPKCS8Generator.AES_256_CBC).setProvider(new BouncyCastleProvider()).setPassword("right".toCharArray()).build()).generate());

        GeneralSecurityException wrong = assertThrows(GeneralSecurityException.class, () -> TlsContext.readKey(key, "left"));
        assertTrue(wrong.getMessage().contains("wrong passphrase"), wrong.getMessage());
        GeneralSecurityException missing = assertThrows(GeneralSecurityException.class, () -> TlsContext.readKey(key));
        assertTrue(missing.getMessage().contains("--tls-key-passphrase-file"), missing.getMessage());
    }

    /** The key as the openssl command line makes it, when openssl is installed. */
    @Test
    void readsAKeyEncryptedByTheOpensslCommand() throws Exception {
        Path key = dir.resolve("openssl.key");
        Path pass = dir.resolve("pass");
        Files.writeString(pass, "from a file\n");
        Process openssl;
        try {
            openssl = new ProcessBuilder("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
                    "-aes-256-cbc", "-pass", "file:" + pass, "-out", key.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "openssl is not installed");
            return;
        }
        assertEquals(0, openssl.waitFor(), () -> "openssl failed");
        assertTrue(Files.readString(key).contains("BEGIN ENCRYPTED PRIVATE KEY"));
        assertEquals("EC", TlsContext.readKey(key, "from a file").getAlgorithm());
    }
}
