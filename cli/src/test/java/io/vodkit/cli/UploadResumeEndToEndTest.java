package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vodkit.cli.support.CliProcess;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.CorruptingProxy;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload interrupted by a network loss or a {@code kill -9} continues where it stopped when the same command runs
 * again; one the storage no longer knows starts fresh.
 */
class UploadResumeEndToEndTest {
    private static final long MIB = 1024 * 1024;
    /** The part size of the in-process runs ({@link CliRun#SMALL_PARTS}), and a file of 4 parts, the last short. */
    private static final long PART = CliRun.SMALL_PART;

    private static final long FILE_SIZE = 3 * PART + PART / 4;

    @TempDir
    Path tmp;

    private Path file;

    @BeforeEach
    void media() throws Exception {
        file = TestMedia.randomFile(tmp.resolve("long.mp4"), FILE_SIZE, 11);
    }

    /** What a test does once an upload was interrupted and the link came back. */
    private interface AfterInterruption {
        void run(TestEmulator vod, Map<String, String> env) throws Exception;
    }

    /**
     * Uploads once through a link that goes down 1.5 parts in (so part 1 of 4 is stored and the upload fails), heals
     * the link, then hands over to {@code then}.
     */
    private void afterAnInterruptedUpload(AfterInterruption then) throws Exception {
        int port;
        try (TestEmulator probe = TestEmulator.start(tmp.resolve("probe"))) {
            port = probe.port();
        }
        try (CorruptingProxy link = CorruptingProxy.cutting(port, PART + PART / 2);
                TestEmulator vod = TestEmulator.start(tmp.resolve("data"), port, List.of(link.hostPort()))) {
            Map<String, String> env = vod.env(tmp.resolve("home"));
            env.put("VOD_MAX_ATTEMPTS", "2");
            CliResult failed =
                    CliRun.run(CliRun.SMALL_PARTS, env, tmp, "upload", file.toString(), "--concurrency", "1");
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.FAILED);
            link.heal();
            then.run(vod, env);
        }
    }

    @Test
    void aRerunSendsOnlyTheMissingPartsAndTheMediaIsWhole() throws Exception {
        afterAnInterruptedUpload((vod, env) -> {
            Path checkpoints = tmp.resolve("home/checkpoints");
            try (Stream<Path> saved = Files.list(checkpoints)) {
                Path checkpoint = saved.findFirst().orElseThrow();
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(checkpoint)))
                        .isEqualTo("rw-------");
                assertThat(Files.readString(checkpoint))
                        .contains("\"uploadId\"")
                        .contains("\"1\"");
            }
            long before = vod.stats().get("bytes_received").asLong();

            CliResult resumed =
                    CliRun.run(CliRun.SMALL_PARTS, env, tmp, "upload", file.toString(), "--concurrency", "1");

            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            assertThat(resumed.stderr()).contains("resuming the upload").contains("1 of 4 parts");
            long sent = vod.stats().get("bytes_received").asLong() - before;
            assertThat(sent)
                    .as("only parts 2, 3 and 4 (and the small merge body) go up again")
                    .isBetween(FILE_SIZE - PART, FILE_SIZE - PART + 1024);
            assertThat(TestMedia.downloadMd5(resumed.single().get("PlayURL").asText()))
                    .isEqualTo(TestMedia.md5(file));
            try (Stream<Path> left = Files.list(checkpoints)) {
                assertThat(left).as("the checkpoint is gone once committed").isEmpty();
            }
        });
    }

    @Test
    void aRerunAfterKillDashNineMidUploadContinuesIt() throws Exception {
        // a separate JVM uploads with the service's 20 MiB parts, so this file is full-sized
        file = TestMedia.randomFile(tmp.resolve("long.mp4"), 65 * MIB, 11);
        try (TestEmulator vod = TestEmulator.start(
                TestEmulator.config(tmp.resolve("data"), 0, List.of())
                        .newBuilder()
                        .linkRate(16 * MIB)
                        .build(),
                Clock.systemUTC())) {
            Map<String, String> env = vod.env(tmp.resolve("home"));
            Process upload = CliProcess.start(tmp, env, "upload", file.toString(), "--concurrency", "1");
            try {
                await().alias("part 1 received")
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> vod.stats().get("bytes_received").asLong(), received -> received >= 30 * MIB);
            } finally {
                upload.destroyForcibly();
            }
            assertThat(upload.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(upload.exitValue()).as("killed mid-upload").isNotZero();
            long before = settledBytesReceived(vod);

            CliResult resumed = CliRun.run(env, tmp, "upload", file.toString(), "--concurrency", "1");

            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            assertThat(resumed.stderr()).contains("resuming the upload");
            assertThat(vod.stats().get("bytes_received").asLong() - before)
                    .as("part 1 is not sent again")
                    .isLessThanOrEqualTo(45 * MIB + 1024);
            assertThat(TestMedia.downloadMd5(resumed.single().get("PlayURL").asText()))
                    .isEqualTo(TestMedia.md5(file));
            assertThat(vod.stats().get("vids").asLong()).isEqualTo(1);
        }
    }

    /** The emulator's byte count once bytes a killed client left in flight have all arrived (300 ms unchanged). */
    private static long settledBytesReceived(TestEmulator vod) {
        AtomicLong previous = new AtomicLong(-1);
        return await().atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> vod.stats().get("bytes_received").asLong(), count -> count == previous.getAndSet(count));
    }

    /**
     * Uploads once with OpenAPI calls going through a link that drops CommitUploadInfo (storage calls go straight to
     * the emulator), so the client stops after its last part and the merge, before committing; heals the link, then
     * hands over to {@code then}.
     */
    private void afterAStopBeforeTheCommit(AfterInterruption then) throws Exception {
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"));
                CorruptingProxy openApi = CorruptingProxy.cuttingAt(vod.port(), "Action=CommitUploadInfo")) {
            Map<String, String> env = vod.env(tmp.resolve("home"));
            env.put("VOD_ENDPOINT", "http://" + openApi.hostPort());
            env.put("VOD_MAX_ATTEMPTS", "1");
            CliResult stopped = CliRun.run(CliRun.SMALL_PARTS, env, tmp, "upload", file.toString());
            assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(ExitCodes.FAILED);
            assertThat(vod.stats().get("bytes_received").asLong()).isGreaterThanOrEqualTo(FILE_SIZE);
            openApi.heal();
            then.run(vod, env);
        }
    }

    @Test
    void aRerunAfterAStopBetweenTheMergeAndTheCommitOnlyCommits() throws Exception {
        afterAStopBeforeTheCommit((vod, env) -> {
            long before = vod.stats().get("bytes_received").asLong();

            CliResult resumed = CliRun.run(CliRun.SMALL_PARTS, env, tmp, "upload", file.toString());

            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            assertThat(resumed.stderr())
                    .contains("all 4 parts are stored and merged; committing")
                    .doesNotContain("starting fresh");
            assertThat(vod.stats().get("bytes_received").asLong() - before)
                    .as("no byte goes up again")
                    .isZero();
            assertOneWholeMediaAndNoOrphan(vod, resumed);
        });
    }

    @Test
    void aRerunAfterAKillBeforeTheMergeWasRecordedMergesAgainAndCommits() throws Exception {
        afterAStopBeforeTheCommit((vod, env) -> {
            try (Stream<Path> saved = Files.list(tmp.resolve("home/checkpoints"))) {
                Path checkpoint = saved.findFirst().orElseThrow();
                String text = Files.readString(checkpoint);
                assertThat(text).contains("\"merged\":true");
                Files.writeString(checkpoint, text.replace("\"merged\":true", "\"merged\":false"));
            }
            long before = vod.stats().get("bytes_received").asLong();

            CliResult resumed = CliRun.run(CliRun.SMALL_PARTS, env, tmp, "upload", file.toString());

            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            assertThat(resumed.stderr())
                    .contains("all 4 parts were stored and are merged; committing")
                    .doesNotContain("starting fresh");
            assertThat(vod.stats().get("bytes_received").asLong() - before)
                    .as("only the merge body goes up again")
                    .isLessThan(1024);
            assertOneWholeMediaAndNoOrphan(vod, resumed);
        });
    }

    private void assertOneWholeMediaAndNoOrphan(TestEmulator vod, CliResult resumed) throws Exception {
        assertThat(TestMedia.downloadMd5(resumed.single().get("PlayURL").asText()))
                .isEqualTo(TestMedia.md5(file));
        assertThat(vod.stats().get("vids").asLong()).isEqualTo(1);
        try (Stream<Path> objects = Files.walk(vod.dataDir().resolve("objects"))) {
            assertThat(objects.filter(Files::isRegularFile))
                    .as("one stored object, no orphan")
                    .hasSize(1);
        }
        try (Stream<Path> left = Files.list(tmp.resolve("home/checkpoints"))) {
            assertThat(left).as("the checkpoint is gone once committed").isEmpty();
        }
    }

    @Test
    void anUploadTheStorageNoLongerKnowsStartsFreshAndSaysSo() throws Exception {
        afterAnInterruptedUpload((vod, env) -> {
            int port = vod.port();
            vod.close();
            try (TestEmulator forgetful = TestEmulator.start(tmp.resolve("other-data"), port, List.of())) {
                CliResult fresh = CliRun.run(CliRun.SMALL_PARTS, env, tmp, "upload", file.toString());

                assertThat(fresh.exitCode()).as(fresh.toString()).isZero();
                assertThat(fresh.stderr()).contains("cannot be resumed").contains("starting fresh");
                assertThat(forgetful.stats().get("bytes_received").asLong()).isGreaterThanOrEqualTo(FILE_SIZE);
                assertThat(TestMedia.downloadMd5(fresh.single().get("PlayURL").asText()))
                        .isEqualTo(TestMedia.md5(file));
            }
        });
    }

    @Test
    void aChangedFileStartsFreshAndSaysSo() throws Exception {
        afterAnInterruptedUpload((vod, env) -> {
            Files.write(file, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);

            CliResult fresh = CliRun.run(CliRun.SMALL_PARTS, env, tmp, "upload", file.toString());

            assertThat(fresh.exitCode()).as(fresh.toString()).isZero();
            assertThat(fresh.stderr()).contains("changed since its interrupted upload; starting fresh");
            assertThat(TestMedia.downloadMd5(fresh.single().get("PlayURL").asText()))
                    .isEqualTo(TestMedia.md5(file));
        });
    }

    @Test
    void noResumeSendsTheWholeFileAgain() throws Exception {
        afterAnInterruptedUpload((vod, env) -> {
            long before = vod.stats().get("bytes_received").asLong();

            CliResult fresh = CliRun.run(CliRun.SMALL_PARTS, env, tmp, "upload", file.toString(), "--no-resume");

            assertThat(fresh.exitCode()).as(fresh.toString()).isZero();
            assertThat(fresh.stderr()).doesNotContain("resuming");
            assertThat(vod.stats().get("bytes_received").asLong() - before).isBetween(FILE_SIZE, FILE_SIZE + 1024);
        });
    }
}
