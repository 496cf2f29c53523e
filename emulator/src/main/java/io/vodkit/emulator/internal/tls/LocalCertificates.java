package io.vodkit.emulator.internal.tls;

import io.vodkit.emulator.internal.storage.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.util.IPAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's TLS identity, kept in {@code <dataDir>/}{@value #DIR}: a local certificate authority ({@value
 * #CA_CERT}, key {@value #CA_KEY}) made on first use, and a server certificate it signed ({@value #SERVER_CERT},
 * key {@value #SERVER_KEY}) for {@code 127.0.0.1}, {@code ::1}, {@code localhost} and the bind host. Private keys are
 * written mode 600. Both are made again when missing, unreadable or within {@link #RENEW_BEFORE} of expiry; the
 * server certificate also when it does not name the bind host, so a client that trusts the CA keeps trusting the
 * emulator across restarts and bind hosts ({@link CertificateMaker} makes them, {@link PemFiles} keeps them).
 */
public final class LocalCertificates {
    private static final Logger LOG = LoggerFactory.getLogger(LocalCertificates.class);
    public static final String DIR = "tls";
    public static final String CA_CERT = "ca.pem";
    public static final String CA_KEY = "ca-key.pem";
    public static final String SERVER_CERT = "server.pem";
    public static final String SERVER_KEY = "server-key.pem";
    static final Duration CA_VALIDITY = Duration.ofDays(3650);
    /** Within the 398 days browsers and Apple platforms accept for a server certificate. */
    static final Duration SERVER_VALIDITY = Duration.ofDays(397);

    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final char[] NO_PASSWORD = new char[0];

    private final Path caCertFile;
    private final X509Certificate ca;
    private final X509Certificate server;
    private final PrivateKey serverKey;

    private LocalCertificates(Path caCertFile, X509Certificate ca, X509Certificate server, PrivateKey serverKey) {
        this.caCertFile = caCertFile;
        this.ca = ca;
        this.server = server;
        this.serverKey = serverKey;
    }

    /**
     * Loads the identity in {@code dataDir}, making what is missing, expiring or does not cover {@code bindHost}.
     *
     * @param bindHost the address the emulator binds; a wildcard ({@code 0.0.0.0}, {@code ::}) adds no name
     */
    public static LocalCertificates ensure(Path dataDir, String bindHost, Clock clock) throws IOException {
        Path dir = PrivateFiles.directory(dataDir.resolve(DIR));
        Instant now = clock.instant();
        SecureRandom random = new SecureRandom();
        Optional<KeyedCertificate> ca =
                PemFiles.load(dir.resolve(CA_CERT), dir.resolve(CA_KEY)).filter(pair -> fresh(pair.certificate(), now));
        boolean newCa = ca.isEmpty();
        if (newCa) {
            KeyedCertificate made = CertificateMaker.newCa(now, CA_VALIDITY, random);
            PemFiles.write(dir.resolve(CA_KEY), made.key());
            PemFiles.write(dir.resolve(CA_CERT), made.certificate());
            LOG.info("Made a local certificate authority file={}", dir.resolve(CA_CERT));
            ca = Optional.of(made);
        }
        Set<String> names = names(bindHost);
        X509Certificate caCert = ca.get().certificate();
        Optional<KeyedCertificate> server = newCa
                ? Optional.empty()
                : PemFiles.load(dir.resolve(SERVER_CERT), dir.resolve(SERVER_KEY))
                        .filter(pair -> fresh(pair.certificate(), now)
                                && signedBy(pair.certificate(), caCert)
                                && covered(pair.certificate()).containsAll(names));
        if (server.isEmpty()) {
            KeyedCertificate made = CertificateMaker.newServer(ca.get(), names, now, SERVER_VALIDITY, random);
            PemFiles.write(dir.resolve(SERVER_KEY), made.key());
            PemFiles.write(dir.resolve(SERVER_CERT), made.certificate());
            LOG.info("Made a server certificate names={} file={}", names, dir.resolve(SERVER_CERT));
            server = Optional.of(made);
        }
        return new LocalCertificates(
                dir.resolve(CA_CERT),
                caCert,
                server.get().certificate(),
                server.get().key());
    }

    /** The CA certificate (PEM) clients trust to reach the emulator over HTTPS. */
    public Path caCertFile() {
        return caCertFile;
    }

    /** When the server certificate expires. */
    public Instant serverNotAfter() {
        return server.getNotAfter().toInstant();
    }

    /** A TLS server context presenting the server certificate (with the CA behind it). */
    public SSLContext serverContext() {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("server", serverKey, NO_PASSWORD, new X509Certificate[] {server, ca});
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, NO_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS with the server certificate: " + e.getMessage(), e);
        }
    }

    private static boolean fresh(X509Certificate certificate, Instant now) {
        return certificate.getNotBefore().toInstant().isBefore(now.plusSeconds(1))
                && certificate.getNotAfter().toInstant().isAfter(now.plus(RENEW_BEFORE));
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate ca) {
        try {
            certificate.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** {@code 127.0.0.1}, {@code ::1}, {@code localhost} and the bind host, normalised as {@link #covered} does. */
    static Set<String> names(String bindHost) {
        Set<String> names = new LinkedHashSet<>(List.of(normalised("127.0.0.1"), normalised("::1"), "localhost"));
        String host = bindHost.startsWith("[") && bindHost.endsWith("]")
                ? bindHost.substring(1, bindHost.length() - 1)
                : bindHost;
        if (!host.equals("0.0.0.0") && !host.equals("::")) {
            names.add(normalised(host));
        }
        return names;
    }

    /** The names a certificate's subjectAltName lists: IP addresses in canonical form, DNS names in lower case. */
    private static Set<String> covered(X509Certificate certificate) {
        Set<String> names = new LinkedHashSet<>();
        try {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            if (entries != null) {
                for (List<?> entry : entries) {
                    names.add(normalised(String.valueOf(entry.get(1))));
                }
            }
        } catch (CertificateException e) {
            return Set.of();
        }
        return names;
    }

    private static String normalised(String name) {
        if (IPAddress.isValid(name)) {
            try {
                return InetAddress.getByName(name).getHostAddress(); // a literal: no lookup
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
