package io.vodkit.emulator.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.vodkit.emulator.support.MutableClock;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local CA outlives server certificates: a new bind host or an expiring certificate renews the server's only. */
class LocalCertificatesTest {
    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));

    @Test
    void aBindHostTheCertificateDoesNotNameGetsANewServerCertificateFromTheSameCa() throws Exception {
        LocalCertificates.ensure(data, "127.0.0.1", clock);
        byte[] ca = read(LocalCertificates.CA_CERT);
        byte[] server = read(LocalCertificates.SERVER_CERT);

        LocalCertificates.ensure(data, "127.0.0.2", clock);

        assertThat(read(LocalCertificates.CA_CERT)).isEqualTo(ca);
        assertThat(read(LocalCertificates.SERVER_CERT)).isNotEqualTo(server);
        assertThat(certificate(LocalCertificates.SERVER_CERT).getSubjectAlternativeNames())
                .extracting(name -> name.get(1).toString())
                .contains("127.0.0.2", "127.0.0.1", "localhost");
        certificate(LocalCertificates.SERVER_CERT)
                .verify(certificate(LocalCertificates.CA_CERT).getPublicKey());
    }

    @Test
    void aServerCertificateCloseToItsExpiryIsRenewedAndTheCaStays() throws Exception {
        LocalCertificates first = LocalCertificates.ensure(data, "127.0.0.1", clock);
        byte[] ca = read(LocalCertificates.CA_CERT);

        clock.advance(LocalCertificates.SERVER_VALIDITY
                .minus(LocalCertificates.RENEW_BEFORE)
                .plusDays(1));
        LocalCertificates renewed = LocalCertificates.ensure(data, "127.0.0.1", clock);

        assertThat(read(LocalCertificates.CA_CERT)).isEqualTo(ca);
        assertThat(renewed.serverNotAfter()).isAfter(first.serverNotAfter());
        assertThat(Duration.between(clock.instant(), renewed.serverNotAfter()))
                .isGreaterThan(LocalCertificates.SERVER_VALIDITY.minusDays(1));
    }

    @Test
    void unreadableFilesAreMadeAgain() throws Exception {
        LocalCertificates.ensure(data, "127.0.0.1", clock);
        Files.writeString(data.resolve(LocalCertificates.DIR).resolve(LocalCertificates.CA_KEY), "garbage");

        LocalCertificates again = LocalCertificates.ensure(data, "127.0.0.1", clock);

        certificate(LocalCertificates.SERVER_CERT)
                .verify(certificate(LocalCertificates.CA_CERT).getPublicKey());
        assertThat(again.caCertFile()).exists();
    }

    private byte[] read(String file) throws Exception {
        return Files.readAllBytes(data.resolve(LocalCertificates.DIR).resolve(file));
    }

    private X509Certificate certificate(String file) throws Exception {
        try (InputStream in =
                Files.newInputStream(data.resolve(LocalCertificates.DIR).resolve(file))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
