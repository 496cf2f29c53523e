package io.vodkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.byteplus.service.vod.IVodService;
import com.byteplus.service.vod.impl.VodServiceImpl;
import com.byteplus.service.vod.model.business.VodPlayInfo;
import com.byteplus.service.vod.model.request.VodGetPlayInfoRequest;
import com.byteplus.service.vod.model.request.VodUpdateMediaPublishStatusRequest;
import com.byteplus.service.vod.model.request.VodUploadMediaRequest;
import com.byteplus.service.vod.model.response.VodCommitUploadInfoResponse;
import com.byteplus.service.vod.model.response.VodGetPlayInfoResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.emulator.internal.tls.LocalCertificates;
import io.vodkit.emulator.support.OfficialSdk;
import io.vodkit.emulator.support.TestEmulator;
import io.vodkit.emulator.support.TrustedCa;
import io.vodkit.emulator.support.VodTestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.net.ssl.SSLContext;
import org.apache.http.impl.client.HttpClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * An emulator started with TLS serves HTTPS only, with a certificate from a local CA it keeps in its data folder,
 * hands out https URLs everywhere, and the unmodified official Java SDK uploads to it and plays back from it when
 * given an HTTP client that trusts that CA ({@code IVodService#setHttpClient}, the SDK's own configuration point).
 */
@ResourceLock(OfficialSdk.SINGLETON)
class TlsEmulatorTest {
    @TempDir
    Path tmp;

    private EmulatorConfig tlsConfig() {
        return TestEmulator.config(tmp.resolve("data")).newBuilder().tls(true).build();
    }

    @Test
    void theCaAndTheServerCertificateAreMadeOnceWithPrivateKeysAndKeptAcrossRestarts() throws Exception {
        Path tls = tmp.resolve("data").resolve(LocalCertificates.DIR);
        byte[] ca;
        byte[] server;
        try (Emulator emulator = Emulator.start(tlsConfig())) {
            assertThat(emulator.endpoint().toString()).isEqualTo("https://127.0.0.1:" + emulator.port());
            assertThat(emulator.caCertificate()).contains(tls.resolve(LocalCertificates.CA_CERT));
            for (String key : List.of(LocalCertificates.CA_KEY, LocalCertificates.SERVER_KEY)) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve(key))))
                        .as(key)
                        .isEqualTo("rw-------");
            }
            X509Certificate certificate = TrustedCa.certificate(tls.resolve(LocalCertificates.SERVER_CERT));
            assertThat(certificate.getSubjectAlternativeNames())
                    .extracting(name -> name.get(1).toString())
                    .contains("127.0.0.1", "localhost", "0:0:0:0:0:0:0:1");
            ca = Files.readAllBytes(tls.resolve(LocalCertificates.CA_CERT));
            server = Files.readAllBytes(tls.resolve(LocalCertificates.SERVER_CERT));
        }
        try (Emulator again = Emulator.start(tlsConfig())) {
            assertThat(Files.readAllBytes(tls.resolve(LocalCertificates.CA_CERT)))
                    .isEqualTo(ca);
            assertThat(Files.readAllBytes(tls.resolve(LocalCertificates.SERVER_CERT)))
                    .isEqualTo(server);
            assertThat(get(again.endpoint().resolve("/_vodkit/stats"), trusting(again))
                            .statusCode())
                    .isEqualTo(200);
        }
        try (Emulator everywhere =
                Emulator.start(tlsConfig().newBuilder().host("0.0.0.0").build())) {
            assertThat(Files.readAllBytes(tls.resolve(LocalCertificates.CA_CERT)))
                    .as("the CA stays")
                    .isEqualTo(ca);
            assertThat(get(everywhere.endpoint().resolve("/_vodkit/stats"), trusting(everywhere))
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void onlyHttpsIsServedAndOnlyToClientsThatTrustTheCa() throws Exception {
        try (Emulator emulator = Emulator.start(tlsConfig())) {
            URI stats = emulator.endpoint().resolve("/_vodkit/stats");
            assertThat(get(stats, trusting(emulator)).statusCode()).isEqualTo(200);
            assertThatThrownBy(() -> get(stats, SSLContext.getDefault()))
                    .as("the JDK's own roots do not vouch for a local CA")
                    .isInstanceOf(IOException.class);
            URI plain = URI.create("http://127.0.0.1:" + emulator.port() + "/_vodkit/stats");
            assertThatThrownBy(() -> HttpClient.newHttpClient()
                            .send(HttpRequest.newBuilder(plain).build(), HttpResponse.BodyHandlers.ofString()))
                    .as("plain HTTP on the TLS port")
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void theOfficialSdkUploadsOverHttpsAndGetPlayInfoWithSslAnswersWorkingHttpsUrls() throws Exception {
        try (Emulator emulator = Emulator.start(tlsConfig())) {
            IVodService sdk = VodServiceImpl.getInstance("ap-singapore-1");
            try {
                sdk.setHttpClient(
                        HttpClients.custom().setSSLContext(trusting(emulator)).build());
                sdk.setScheme("https");
                sdk.setHost(emulator.endpoint().getAuthority());
                sdk.setAccessKey(TestEmulator.ACCESS_KEY);
                sdk.setSecretKey(TestEmulator.SECRET_KEY);
                byte[] data = new byte[700_000];
                new Random(5).nextBytes(data);
                Path file = Files.write(tmp.resolve("clip.mp4"), data);

                VodCommitUploadInfoResponse committed = sdk.uploadMedia(
                        VodUploadMediaRequest.newBuilder()
                                .setSpaceName(TestEmulator.SPACE)
                                .setFilePath(file.toString())
                                .build(),
                        null);

                assertThat(committed.getResponseMetadata().hasError())
                        .as(committed.toString())
                        .isFalse();
                String vid = committed.getResult().getData().getVid();
                sdk.updateMediaPublishStatus(VodUpdateMediaPublishStatusRequest.newBuilder()
                        .setVid(vid)
                        .setStatus("Published")
                        .build());
                VodGetPlayInfoResponse playInfo = sdk.getPlayInfo(VodGetPlayInfoRequest.newBuilder()
                        .setVid(vid)
                        .setSsl("1")
                        .build());
                assertThat(playInfo.getResponseMetadata().hasError())
                        .as(playInfo.toString())
                        .isFalse();
                VodPlayInfo play = playInfo.getResult().getPlayInfoList(0);
                for (String url : List.of(play.getMainPlayUrl(), play.getBackupPlayUrl())) {
                    assertThat(url).startsWith("https://" + emulator.endpoint().getAuthority() + "/");
                    HttpResponse<byte[]> download = HttpClient.newBuilder()
                            .sslContext(trusting(emulator))
                            .build()
                            .send(
                                    HttpRequest.newBuilder(URI.create(url)).build(),
                                    HttpResponse.BodyHandlers.ofByteArray());
                    assertThat(download.statusCode()).isEqualTo(200);
                    assertThat(VodTestClient.md5(download.body())).isEqualTo(VodTestClient.md5(data));
                }
            } finally {
                sdk.destroy();
            }
        }
    }

    @Test
    void thePlayDomainSaysHttpsIsServedUntilTheCertificateExpiresAndTheStorageHostIsHttps() throws Exception {
        try (Emulator emulator = Emulator.start(tlsConfig())) {
            VodTestClient client = new VodTestClient(
                    emulator.endpoint(),
                    TestEmulator.ACCESS_KEY,
                    TestEmulator.SECRET_KEY,
                    emulator.region(),
                    Clock.systemUTC(),
                    trusting(emulator));
            JsonNode domain = client.get("ListDomain", "2023-01-01", Map.of("SpaceName", TestEmulator.SPACE))
                    .result()
                    .path("PlayInstanceInfo")
                    .path("ByteInstances")
                    .get(0)
                    .path("Domains")
                    .get(0);

            assertThat(domain.path("Certificate").path("HttpsStatus").asText()).isEqualTo("enable");
            X509Certificate server =
                    TrustedCa.certificate(tmp.resolve("data/tls").resolve(LocalCertificates.SERVER_CERT));
            assertThat(domain.path("Certificate").path("ExpiredAt").asText())
                    .isEqualTo(server.getNotAfter().toInstant().toString())
                    .endsWith("Z");
            assertThat(client.get("GetStorageConfig", "2023-01-01", Map.of("SpaceName", TestEmulator.SPACE))
                            .result()
                            .path("StorageHost")
                            .asText())
                    .isEqualTo(emulator.endpoint().toString());
        }
    }

    @Test
    void aPlainHttpEmulatorRefusesSslOneInsteadOfAnsweringHttpUrls() throws Exception {
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("plain"))) {
            TestEmulator.Grant grant = vod.upload("plain.mp4", new byte[] {1, 2, 3});
            String vid = vod.commit(TestEmulator.SPACE, grant.sessionKey(), null)
                    .result()
                    .path("Data")
                    .path("Vid")
                    .asText();
            vod.client().get("UpdateMediaPublishStatus", "2023-01-01", Map.of("Vid", vid, "Status", "Published"));

            VodTestClient.Reply refused = vod.client().get("GetPlayInfo", "2023-01-01", Map.of("Vid", vid, "Ssl", "1"));
            VodTestClient.Reply plain = vod.client().get("GetPlayInfo", "2023-01-01", Map.of("Vid", vid));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.error().path("Message").asText())
                    .contains("plain HTTP")
                    .contains("vodkit serve --tls");
            assertThat(plain.result()
                            .path("PlayInfoList")
                            .get(0)
                            .path("MainPlayUrl")
                            .asText())
                    .startsWith("http://");
        }
    }

    private static HttpResponse<String> get(URI uri, SSLContext trust) throws Exception {
        return HttpClient.newBuilder()
                .sslContext(trust)
                .build()
                .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A client context that trusts the emulator's CA only. */
    static SSLContext trusting(Emulator emulator) throws Exception {
        return TrustedCa.context(emulator.caCertificate().orElseThrow());
    }
}
