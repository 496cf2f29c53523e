package io.vodkit.emulator.internal.tls;

import io.vodkit.emulator.internal.storage.PrivateFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Certificates and private keys in PEM files (BouncyCastle's PEM reader and writer). */
final class PemFiles {
    private static final Logger LOG = LoggerFactory.getLogger(PemFiles.class);

    private PemFiles() {}

    /** The certificate and key stored in two PEM files, if both are there and readable. */
    static Optional<KeyedCertificate> load(Path certFile, Path keyFile) {
        if (!Files.isRegularFile(certFile) || !Files.isRegularFile(keyFile)) {
            return Optional.empty();
        }
        try {
            Object cert = readPem(certFile);
            Object key = readPem(keyFile);
            if (cert instanceof X509CertificateHolder holder && key instanceof PrivateKeyInfo info) {
                return Optional.of(new KeyedCertificate(
                        new JcaX509CertificateConverter().getCertificate(holder),
                        new JcaPEMKeyConverter().getPrivateKey(info)));
            }
            LOG.warn("TLS files hold something else than expected, making new ones cert={}", certFile);
        } catch (IOException | CertificateException e) {
            LOG.warn("TLS files are unreadable, making new ones cert={} reason={}", certFile, e.getMessage());
        }
        return Optional.empty();
    }

    private static Object readPem(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            return parser.readObject();
        }
    }

    /** A certificate as PEM, a private key as PKCS#8 PEM; both mode 600, written whole or not at all. */
    static void write(Path file, Object item) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(item instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : item);
        }
        PrivateFiles.writeAtomically(file, text.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
