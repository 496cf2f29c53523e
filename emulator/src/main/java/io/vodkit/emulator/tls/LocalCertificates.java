package io.vodkit.emulator.tls;

import io.vodkit.emulator.storage.PrivateFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.util.IPAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's TLS identity, kept in {@code <dataDir>/}{@value #DIR}: a local certificate authority ({@value
 * #CA_CERT}, key {@value #CA_KEY}) made on first use, and a server certificate it signed ({@value #SERVER_CERT},
 * key {@value #SERVER_KEY}) for {@code 127.0.0.1}, {@code ::1}, {@code localhost} and the bind host. Private keys are
 * written mode 600. Both are made again when missing, unreadable or within {@link #RENEW_BEFORE} of expiry; the
 * server certificate also when it does not name the bind host, so a client that trusts the CA keeps trusting the
 * emulator across restarts and bind hosts. ECDSA P-256 keys, SHA-256 signatures (BouncyCastle builds the
 * certificates; the JDK's providers do the cryptography).
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
    private static final String SIGNATURE = "SHA256withECDSA";
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
        Optional<Pair> ca = load(dir.resolve(CA_CERT), dir.resolve(CA_KEY))
                .filter(pair -> fresh(pair.certificate(), now));
        boolean newCa = ca.isEmpty();
        if (newCa) {
            Pair made = newCa(now, random);
            write(dir.resolve(CA_KEY), made.key());
            write(dir.resolve(CA_CERT), made.certificate());
            LOG.info("Made a local certificate authority file={}", dir.resolve(CA_CERT));
            ca = Optional.of(made);
        }
        Set<String> names = names(bindHost);
        X509Certificate caCert = ca.get().certificate();
        Optional<Pair> server = newCa ? Optional.empty() : load(dir.resolve(SERVER_CERT), dir.resolve(SERVER_KEY))
                .filter(pair -> fresh(pair.certificate(), now) && signedBy(pair.certificate(), caCert)
                        && covered(pair.certificate()).containsAll(names));
        if (server.isEmpty()) {
            Pair made = newServer(ca.get(), names, now, random);
            write(dir.resolve(SERVER_KEY), made.key());
            write(dir.resolve(SERVER_CERT), made.certificate());
            LOG.info("Made a server certificate names={} file={}", names, dir.resolve(SERVER_CERT));
            server = Optional.of(made);
        }
        return new LocalCertificates(dir.resolve(CA_CERT), caCert, server.get().certificate(), server.get().key());
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

    private record Pair(X509Certificate certificate, PrivateKey key) {
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

    /** {@code 127.0.0.1}, {@code ::1}, {@code localhost} and the bind host, normalised as {@link #covered} reads them. */
    static Set<String> names(String bindHost) {
        Set<String> names = new LinkedHashSet<>(List.of(normalised("127.0.0.1"), normalised("::1"), "localhost"));
        String host = bindHost.startsWith("[") && bindHost.endsWith("]")
                ? bindHost.substring(1, bindHost.length() - 1) : bindHost;
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

    private static Pair newCa(Instant now, SecureRandom random) {
        KeyPair keys = keyPair(random);
        X500Name name = new X500Name("CN=vodkit local emulator CA " + serial(random).toString(16).substring(0, 8)
                + ",O=vodkit");
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(random),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(CA_VALIDITY)), name,
                    keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            utils.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(keys.getPublic()));
            return new Pair(sign(builder, keys.getPrivate()), keys.getPrivate());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make the local certificate authority: " + e.getMessage(), e);
        }
    }

    private static Pair newServer(Pair ca, Set<String> names, Instant now, SecureRandom random) {
        KeyPair keys = keyPair(random);
        List<GeneralName> altNames = new ArrayList<>();
        for (String name : names) {
            altNames.add(IPAddress.isValid(name) ? new GeneralName(GeneralName.iPAddress, name)
                    : new GeneralName(GeneralName.dNSName, name));
        }
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), serial(random),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(SERVER_VALIDITY)),
                    new X500Name("CN=vodkit local emulator,O=vodkit"), keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(altNames.toArray(GeneralName[]::new)))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            utils.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(ca.certificate()));
            return new Pair(sign(builder, ca.key()), keys.getPrivate());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make the server certificate: " + e.getMessage(), e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws CertificateException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer)));
        } catch (OperatorCreationException e) {
            throw new CertificateException(e.getMessage(), e);
        }
    }

    private static KeyPair keyPair(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no EC P-256 key generator: " + e.getMessage(), e);
        }
    }

    /** A positive 127-bit serial number. */
    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(127, random).setBit(126);
    }

    /** The certificate and key stored in two PEM files, if both are there and readable. */
    private static Optional<Pair> load(Path certFile, Path keyFile) {
        if (!Files.isRegularFile(certFile) || !Files.isRegularFile(keyFile)) {
            return Optional.empty();
        }
        try {
            Object cert = readPem(certFile);
            Object key = readPem(keyFile);
            if (cert instanceof X509CertificateHolder holder && key instanceof PrivateKeyInfo info) {
                return Optional.of(new Pair(new JcaX509CertificateConverter().getCertificate(holder),
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

    /** A certificate as PEM (readable by all in its private folder), a private key as PKCS#8 PEM, mode 600. */
    private static void write(Path file, Object item) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(item instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : item);
        }
        PrivateFiles.writeAtomically(file, text.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
