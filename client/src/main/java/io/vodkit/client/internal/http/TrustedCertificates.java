package io.vodkit.client.internal.http;

import io.vodkit.client.VodException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A TLS client context that trusts the certificates of a PEM file (e.g. the local emulator's CA) as well as the
 * JDK's own trusted roots.
 */
public final class TrustedCertificates {
    private TrustedCertificates() {}

    /**
     * @param pem a file of one or more {@code -----BEGIN CERTIFICATE-----} blocks
     * @throws VodException when the file cannot be read or holds no certificate
     */
    public static SSLContext sslContext(Path pem) {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (X509Certificate root : defaultTrust().getAcceptedIssuers()) {
                trusted.setCertificateEntry("jdk-" + n++, root);
            }
            Collection<? extends Certificate> certificates;
            try (InputStream in = Files.newInputStream(pem)) {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (certificates.isEmpty()) {
                throw new VodException("No certificate in " + pem);
            }
            for (Certificate certificate : certificates) {
                trusted.setCertificateEntry("pem-" + n++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new VodException("Cannot trust the certificates in " + pem + ": " + e.getMessage(), e);
        }
    }

    private static X509TrustManager defaultTrust() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK has no X.509 trust manager");
    }
}
