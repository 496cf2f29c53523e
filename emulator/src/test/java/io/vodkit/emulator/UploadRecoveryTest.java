package io.vodkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vodkit.emulator.support.FillingDisk;
import io.vodkit.emulator.support.TestEmulator;
import io.vodkit.emulator.support.TestEmulator.Grant;
import io.vodkit.emulator.support.VodTestClient;
import io.vodkit.emulator.support.VodTestClient.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an upload leaves when it is not finished: uploads never committed are removed after the grace period, a full
 * disk is reported as such (HTTP 507) and leaves no staged bytes, and a restarted emulator completes uploads it
 * granted before.
 */
class UploadRecoveryTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    @Test
    void uploadsNeverCommittedAreRemovedAfterTheGracePeriodAndCommittedOnesStay() throws Exception {
        Path data = tmp.resolve("data");
        EmulatorConfig config = TestEmulator.config(data)
                .newBuilder()
                .uploadGracePeriod(Duration.ofMillis(400))
                .build();
        try (TestEmulator vod = TestEmulator.start(config, Clock.systemUTC())) {
            Grant committed = vod.upload("kept.bin", UploadFlowTest.bytes(1000, 1));
            assertThat(vod.commit(TestEmulator.SPACE, committed.sessionKey(), null)
                            .status())
                    .isEqualTo(200);
            vod.upload("abandoned.bin", UploadFlowTest.bytes(2000, 2));
            Grant parted = vod.apply(TestEmulator.SPACE, Map.of("FileName", "parted.bin"));
            String uploadId = init(vod, parted);
            byte[] part = UploadFlowTest.bytes(3000, 3);
            assertThat(putPart(vod, parted, uploadId, 1, part).status()).isEqualTo(200);

            await().atMost(WAIT)
                    .until(() -> stored(data).size() == 1 && stagedParts(data).isEmpty());

            assertThat(vod.download(committed.fileName()).status()).isEqualTo(200);
            assertThat(vod.download("abandoned.bin").status()).isEqualTo(404);
            assertThat(putPart(vod, parted, uploadId, 2, part)
                            .json()
                            .path("error")
                            .path("error")
                            .asText())
                    .isEqualTo("NoSuchUpload");
        }
    }

    @Test
    void aFullDiskIsNamedToTheClientAndLeavesNoStagedParts() throws Exception {
        Path data = tmp.resolve("data");
        FillingDisk disk = new FillingDisk(5000);
        try (TestEmulator vod = TestEmulator.start(
                TestEmulator.config(data).newBuilder().disk(disk).build(), Clock.systemUTC())) {
            Grant grant = vod.apply(TestEmulator.SPACE, Map.of("FileName", "big.bin"));
            String uploadId = init(vod, grant);
            assertThat(putPart(vod, grant, uploadId, 1, UploadFlowTest.bytes(3000, 1))
                            .status())
                    .isEqualTo(200);

            Reply full = putPart(vod, grant, uploadId, 2, UploadFlowTest.bytes(3000, 2));

            assertThat(full.status()).isEqualTo(507);
            assertThat(full.json().path("error").path("message").asText())
                    .contains("no space left on the emulator's disk");
            assertThat(stagedParts(data))
                    .as("the upload's parts give the space back")
                    .isEmpty();

            Reply direct = vod.directPut(
                    vod.apply(TestEmulator.SPACE, Map.of("FileName", "one.bin")), UploadFlowTest.bytes(6000, 3));
            assertThat(direct.status()).isEqualTo(507);
            assertThat(direct.json().path("error").path("message").asText())
                    .contains("no space left on the emulator's disk");
            assertThat(stored(data)).as("no half-written object").isEmpty();
        }
    }

    @Test
    void aRestartedEmulatorKeepsItsKeysAndCompletesAnUploadItGrantedBefore() throws Exception {
        EmulatorConfig config = EmulatorConfig.builder(tmp.resolve("data"))
                .port(0)
                .spaces(List.of(TestEmulator.SPACE))
                .build();
        byte[] first = UploadFlowTest.bytes(3000, 1);
        byte[] second = UploadFlowTest.bytes(2000, 2);
        Grant grant;
        String uploadId;
        VodTestClient client;
        int port;
        try (TestEmulator vod = TestEmulator.start(config, Clock.systemUTC())) {
            grant = vod.apply(TestEmulator.SPACE, Map.of("FileName", "across.bin"));
            uploadId = init(vod, grant);
            assertThat(putPart(vod, grant, uploadId, 1, first).status()).isEqualTo(200);
            port = vod.emulator().port();
            client = vod.client();
        }
        try (TestEmulator again =
                TestEmulator.start(config.newBuilder().port(port).build(), Clock.systemUTC())) {
            assertThat(putPart(again, grant, uploadId, 2, second).status()).isEqualTo(200);
            Reply merged = again.client()
                    .gatewayPut(
                            grant.storeUri(),
                            grant.auth(),
                            "uploadID=" + uploadId,
                            ("0:" + VodTestClient.crc32(first) + ",1:" + VodTestClient.crc32(second))
                                    .getBytes(StandardCharsets.UTF_8),
                            Map.of("X-Storage-Mode", "gateway"));
            assertThat(merged.status()).as(merged.text()).isEqualTo(200);

            Reply committed = client.get(
                    "CommitUploadInfo",
                    "2023-01-01",
                    Map.of("SpaceName", TestEmulator.SPACE, "SessionKey", grant.sessionKey()));

            assertThat(committed.status())
                    .as("signed with the keys of the first run: " + committed.text())
                    .isEqualTo(200);
            assertThat(committed
                            .result()
                            .path("Data")
                            .path("SourceInfo")
                            .path("Size")
                            .asLong())
                    .isEqualTo(5000);
        }
    }

    static String init(TestEmulator vod, Grant grant) {
        Reply reply = vod.client()
                .gatewayPut(
                        grant.storeUri(), grant.auth(), "uploads", new byte[0], Map.of("X-Storage-Mode", "gateway"));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().path("payload").path("uploadID").asText();
    }

    static Reply putPart(TestEmulator vod, Grant grant, String uploadId, int number, byte[] data) {
        return vod.client()
                .gatewayPut(
                        grant.storeUri(),
                        grant.auth(),
                        "partNumber=" + number + "&uploadID=" + uploadId,
                        data,
                        Map.of("Content-CRC32", VodTestClient.crc32(data), "X-Storage-Mode", "gateway"));
    }

    /** Object files, temp files included. */
    private static List<Path> stored(Path data) throws IOException {
        return files(data.resolve("objects"));
    }

    private static List<Path> stagedParts(Path data) throws IOException {
        return files(data.resolve("multipart"));
    }

    static List<Path> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
