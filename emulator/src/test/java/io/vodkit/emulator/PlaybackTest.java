package io.vodkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.emulator.support.TestEmulator;
import io.vodkit.emulator.support.VodTestClient;
import io.vodkit.emulator.support.VodTestClient.Reply;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The play domain: signed downloads, ranges, and state surviving a restart. */
class PlaybackTest {
    private static final byte[] DATA = UploadFlowTest.bytes(1000, 42);
    private static final String FILE = "play/clip.bin";

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "Range {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "bytes=0-99    | 206 | bytes 0-99/1000    | 0   | 100",
                "bytes=900-    | 206 | bytes 900-999/1000 | 900 | 100",
                "bytes=-10     | 206 | bytes 990-999/1000 | 990 | 10",
                "bytes=500-5000| 206 | bytes 500-999/1000 | 500 | 500",
                "bytes=1000-   | 416 | bytes */1000       | 0   | 0",
            })
    void servesRanges(String range, int status, String contentRange, int start, int length) throws IOException {
        try (TestEmulator vod = TestEmulator.start(dataDir)) {
            vod.upload(FILE, DATA);

            Reply reply = vod.client().download("GET", FILE, vod.authKey(FILE), Map.of("Range", range));

            assertThat(reply.status()).isEqualTo(status);
            assertThat(reply.headers().firstValue("Content-Range")).hasValue(contentRange);
            if (status == 206) {
                assertThat(reply.body()).isEqualTo(Arrays.copyOfRange(DATA, start, start + length));
                assertThat(reply.headers().firstValue("Content-Length")).hasValue(String.valueOf(length));
            }
        }
    }

    @Test
    void headReportsLengthWithoutBody() throws IOException {
        try (TestEmulator vod = TestEmulator.start(dataDir)) {
            vod.upload(FILE, DATA);

            Reply reply = vod.client().download("HEAD", FILE, vod.authKey(FILE), Map.of());

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.headers().firstValue("Content-Length")).hasValue("1000");
            assertThat(reply.headers().firstValue("Accept-Ranges")).hasValue("bytes");
            assertThat(reply.body()).isEmpty();
        }
    }

    @Test
    void refusesMissingTamperedAndExpiredAuthKeys() throws IOException {
        try (TestEmulator vod = TestEmulator.start(dataDir)) {
            vod.upload(FILE, DATA);
            JsonNode keys = vod.domainAuthAction();
            String master = keys.path("MasterSecretKey").asText();
            long now = Instant.now().getEpochSecond();
            String valid = VodTestClient.typeA(FILE, now, "r4nd0m", master);

            assertThat(vod.client().download("GET", FILE, valid, Map.of()).status())
                    .isEqualTo(200);
            assertThat(vod.client()
                            .download(
                                    "GET",
                                    FILE,
                                    VodTestClient.typeA(
                                            FILE,
                                            now,
                                            "r4nd0m",
                                            keys.path("BackupSecretKey").asText()),
                                    Map.of())
                            .status())
                    .isEqualTo(200);
            assertThat(vod.client().download("GET", FILE, null, Map.of()).status())
                    .isEqualTo(403);
            String tampered = valid.substring(0, valid.length() - 1) + (valid.endsWith("0") ? "1" : "0");
            assertThat(vod.client().download("GET", FILE, tampered, Map.of()).status())
                    .isEqualTo(403);
            assertThat(vod.client()
                            .download("GET", "play/other.bin", valid, Map.of())
                            .status())
                    .isEqualTo(403);
            assertThat(vod.client()
                            .download("GET", FILE, VodTestClient.typeA(FILE, now, "r4nd0m", "wrongkey"), Map.of())
                            .status())
                    .isEqualTo(403);
            String expired = VodTestClient.typeA(FILE, now - 1801, "r4nd0m", master);
            assertThat(vod.client().download("GET", FILE, expired, Map.of()).status())
                    .isEqualTo(403);
            String future = VodTestClient.typeA(FILE, now + 3600, "r4nd0m", master);
            assertThat(vod.client().download("GET", FILE, future, Map.of()).status())
                    .isEqualTo(200);
            assertThat(vod.download("play/missing.bin").status()).isEqualTo(404);
        }
    }

    @Test
    void namesWithSpacesAndNonAsciiRoundTrip() throws IOException {
        String fileName = "dir/clip \u00fc.bin";
        try (TestEmulator vod = TestEmulator.start(dataDir)) {
            vod.upload(fileName, DATA);
            String master = vod.masterKey();
            long now = Instant.now().getEpochSecond();
            String hashInput = "/" + fileName + "-" + now + "-abc-0-" + master;
            String overDecodedUri =
                    now + "-abc-0-" + VodTestClient.md5(hashInput.getBytes(java.nio.charset.StandardCharsets.UTF_8));

            assertThat(vod.download(fileName).body()).isEqualTo(DATA);
            assertThat(vod.client()
                            .download("GET", fileName, overDecodedUri, Map.of())
                            .body())
                    .isEqualTo(DATA);
        }
    }

    @Test
    void restartKeepsVidsObjectsSessionsAndDomainKeys() throws IOException {
        EmulatorConfig config = TestEmulator.config(dataDir)
                .newBuilder()
                .port(EmulatorConfig.STICKY_PORT)
                .build();
        String vid;
        String sessionKey;
        String masterKey;
        int port;
        try (TestEmulator first = TestEmulator.start(config, Clock.systemUTC())) {
            TestEmulator.Grant grant = first.upload(FILE, DATA);
            sessionKey = grant.sessionKey();
            vid = first.commit(TestEmulator.SPACE, sessionKey, null)
                    .result()
                    .path("Data")
                    .path("Vid")
                    .asText();
            masterKey = first.masterKey();
            port = first.emulator().port();
        }

        try (TestEmulator second =
                TestEmulator.start(config.newBuilder().spaces(List.of()).build(), Clock.systemUTC())) {
            assertThat(second.emulator().port()).isEqualTo(port);
            assertThat(second.emulator().spaces()).containsExactly("demo", "other");
            assertThat(second.masterKey()).isEqualTo(masterKey);
            assertThat(second.download(FILE).body()).isEqualTo(DATA);
            assertThat(second.commit(TestEmulator.SPACE, sessionKey, null)
                            .result()
                            .path("Data")
                            .path("Vid")
                            .asText())
                    .as("the committed session is remembered")
                    .isEqualTo(vid);
        }
    }

    @Test
    void stickyPortFallsBackWhenTaken(@TempDir Path otherDir) throws IOException {
        EmulatorConfig sticky = TestEmulator.config(dataDir)
                .newBuilder()
                .port(EmulatorConfig.STICKY_PORT)
                .build();
        int port;
        try (TestEmulator first = TestEmulator.start(sticky, Clock.systemUTC())) {
            port = first.emulator().port();
        }
        try (TestEmulator squatter = TestEmulator.start(
                        TestEmulator.config(otherDir).newBuilder().port(port).build(), Clock.systemUTC());
                TestEmulator second = TestEmulator.start(sticky, Clock.systemUTC())) {
            assertThat(squatter.emulator().port()).isEqualTo(port);
            assertThat(second.emulator().port()).isNotEqualTo(port).isPositive();
        }
    }
}
