package app.carrel.client;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObjectGenerator;

/**
 * A self-signed certificate, written as the PEM files a self-hosted server is given: the
 * certificate, and an unencrypted PKCS#8 key.
 */
public record TestCertificate(Path certPem, Path keyPem) {

    /** For 127.0.0.1 and localhost, where the test servers listen. */
    public static TestCertificate selfSigned(Path dir, String name) throws IOException, GeneralSecurityException {
        return selfSigned(dir, name, new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost"));
    }

    /** For another host only: a certificate a client must refuse on 127.0.0.1 even when trusted. */
    public static TestCertificate selfSignedForHost(Path dir, String name, String host)
            throws IOException, GeneralSecurityException {
        return selfSigned(dir, name, new GeneralName(GeneralName.dNSName, host));
    }

    private static TestCertificate selfSigned(Path dir, String name, GeneralName... names)
            throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=" + name);
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(1))), subject, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        X509CertificateHolder certificate;
        try {
            certificate = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("Cannot sign the test certificate", e);
        }
        Path cert = dir.resolve(name + "-cert.pem");
        Path key = dir.resolve(name + "-key.pem");
        write(cert, new JcaMiscPEMGenerator(certificate));
        write(key, new JcaPKCS8Generator(pair.getPrivate(), null));
        return new TestCertificate(cert, key);
    }

    private static void write(Path file, PemObjectGenerator pem) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
             JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(pem);
        }
    }
}
