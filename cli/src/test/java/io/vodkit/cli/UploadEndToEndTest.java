package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.cli.support.BackgroundEmulators;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.CorruptingProxy;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vodkit upload} against a real emulator over loopback HTTP. */
class UploadEndToEndTest {
    private static final long MIB = 1024 * 1024;
    /** The part size these tests upload with: {@link CliRun#SMALL_PARTS}. */
    private static final long PART = CliRun.SMALL_PART;

    @TempDir
    Path tmp;

    @AfterEach
    void stopBackgroundEmulators() {
        BackgroundEmulators.stopIn(tmp.resolve("home"));
    }

    @Test
    void smallFileGoesUpInOnePutAndDownloadsByteIdentical() throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve("clip.mp4"), 3 * MIB, 1);
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            CliResult result = CliRun.run(vod.env(tmp), tmp, "upload", file.toString());

            assertThat(result.exitCode()).as(result.toString()).isZero();
            JsonNode line = result.single();
            String vid = line.get("Vid").asText();
            assertThat(vid).isNotBlank();
            assertThat(line.get("Source").asText()).isEqualTo("vid://" + vid);
            assertThat(line.get("SpaceName").asText()).isEqualTo(TestEmulator.SPACE);
            assertThat(line.get("SourceUrl").asText()).isEqualTo(file.toString());
            assertThat(line.get("FileName").asText()).endsWith(".mp4");
            assertThat(line.has("PosterUri")).isTrue();
            assertThat(TestMedia.downloadMd5(line.get("PlayURL").asText())).isEqualTo(TestMedia.md5(file));
        }
    }

    @Test
    void largeFileGoesUpInPartsAndDownloadsByteIdentical() throws Exception {
        long size = 2 * PART + PART / 4; // two whole parts and a short last one
        Path file = TestMedia.randomFile(tmp.resolve("big.mov"), size, 2);
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            CliResult result =
                    CliRun.run(CliRun.SMALL_PARTS, vod.env(tmp), tmp, "upload", file.toString(), "--concurrency", "3");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            JsonNode line = result.single();
            assertThat(TestMedia.downloadMd5(line.get("PlayURL").asText())).isEqualTo(TestMedia.md5(file));
            assertThat(vod.stats().get("bytes_received").asLong()).isGreaterThanOrEqualTo(size);
        }
    }

    @Test
    void severalFilesGoUpTogetherWithTheSpaceLastAndALinePerFile() throws Exception {
        Path small = TestMedia.randomFile(tmp.resolve("a.mp4"), 200 * 1024, 5); // below the threshold: one PUT
        Path parts = TestMedia.randomFile(tmp.resolve("b.mp4"), 2 * MIB + 1024, 6);
        Path tiny = TestMedia.randomFile(tmp.resolve("c.mp4"), 1024, 7);
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            CliResult result = CliRun.run(
                    CliRun.SMALL_PARTS,
                    vod.env(tmp),
                    tmp,
                    "upload",
                    small.toString(),
                    parts.toString(),
                    tiny.toString(),
                    TestEmulator.SPACE,
                    "--jobs",
                    "2",
                    "--part-size",
                    "1MiB");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.lines()).hasSize(3);
            for (JsonNode line : result.lines()) {
                Path file = Path.of(line.get("SourceUrl").asText());
                assertThat(line.get("SpaceName").asText()).isEqualTo(TestEmulator.SPACE);
                assertThat(TestMedia.downloadMd5(line.get("PlayURL").asText())).isEqualTo(TestMedia.md5(file));
            }
            assertThat(result.lines())
                    .extracting(line -> line.get("SourceUrl").asText())
                    .containsExactlyInAnyOrder(small.toString(), parts.toString(), tiny.toString());
        }
    }

    @Test
    void wrongSecretGivesOneErrorLineAndNoStackTrace() throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve("clip.mp4"), 1024, 3);
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            Map<String, String> env = vod.env(tmp);
            env.put("BYTEPLUS_SECRETKEY", "not-the-secret");

            CliResult result = CliRun.run(env, tmp, "upload", file.toString());

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(result.single().get("error").asText()).contains("SignatureDoesNotMatch");
            assertThat(result.stdout() + result.stderr())
                    .doesNotContain("not-the-secret")
                    .doesNotContain(TestEmulator.SECRET_KEY)
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void corruptedDirectUploadIsRejectedAndTheUploadFailsCleanly() throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve("clip.mp4"), 3 * MIB, 4);
        assertCorruptionFailsUpload(file, 2 * MIB);
    }

    @Test
    void corruptedPartIsRejectedAndTheUploadFailsCleanly() throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve("big.mp4"), 2 * PART + PART / 4, 5);
        assertCorruptionFailsUpload(file, PART / 2);
    }

    private void assertCorruptionFailsUpload(Path file, long corruptAt) throws Exception {
        try (TestEmulator direct = TestEmulator.start(tmp.resolve("probe"))) {
            int port = direct.port();
            direct.close();
            try (CorruptingProxy proxy = new CorruptingProxy(port, corruptAt);
                    TestEmulator vod = TestEmulator.start(tmp.resolve("data"), port, List.of(proxy.hostPort()))) {
                CliResult result = CliRun.run(
                        CliRun.SMALL_PARTS, vod.env(tmp), tmp, "upload", file.toString(), "--concurrency", "1");

                assertThat(proxy.corrupted()).isTrue();
                assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
                assertThat(result.single().get("error").asText()).containsIgnoringCase("crc");
                assertThat(result.stderr()).doesNotContain("\tat ");
            }
        }
    }

    @Test
    void aFailingStorageHostIsSkippedForTheNextCandidate() throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve("clip.mp4"), PART + 1024, 6);
        try (TestEmulator probe = TestEmulator.start(tmp.resolve("probe"))) {
            int port = probe.port();
            probe.close();
            try (TestEmulator vod =
                    TestEmulator.start(tmp.resolve("data"), port, List.of("127.0.0.1:1", "127.0.0.1:" + port))) {
                CliResult result = CliRun.run(CliRun.SMALL_PARTS, vod.env(tmp), tmp, "upload", file.toString());

                assertThat(result.exitCode()).as(result.toString()).isZero();
                assertThat(TestMedia.downloadMd5(result.single().get("PlayURL").asText()))
                        .isEqualTo(TestMedia.md5(file));
            }
        }
    }

    @Test
    void aRestartedEmulatorStillServesTheVid() throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve("clip.mp4"), 2 * MIB, 7);
        Path data = tmp.resolve("data");
        JsonNode line;
        int port;
        try (TestEmulator vod = TestEmulator.start(data)) {
            port = vod.port();
            CliResult result = CliRun.run(vod.env(tmp), tmp, "upload", file.toString());
            assertThat(result.exitCode()).as(result.toString()).isZero();
            line = result.single();
        }
        try (TestEmulator restarted = TestEmulator.start(data, port, List.of())) {
            assertThat(TestMedia.downloadMd5(line.get("PlayURL").asText())).isEqualTo(TestMedia.md5(file));
        }
    }

    @Test
    void withoutCredentialsTheLocalEmulatorIsUsedAndKeepsServingThePlayUrl() throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve("tone.wav"), 512 * 1024, 8);
        Path home = tmp.resolve("home");
        Map<String, String> env = Map.of("VODKIT_HOME", home.toString(), "HOME", home.toString());

        CliResult result = CliRun.run(env, tmp, "upload", file.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).contains("local emulator");
        JsonNode line = result.single();
        assertThat(line.get("SpaceName").asText()).isEqualTo("local");
        assertThat(Files.isDirectory(home.resolve("local"))).isTrue();
        assertThat(TestMedia.downloadMd5(line.get("PlayURL").asText())).isEqualTo(TestMedia.md5(file));
    }
}
