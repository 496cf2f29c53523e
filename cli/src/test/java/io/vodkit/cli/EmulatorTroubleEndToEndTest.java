package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestMedia;
import io.vodkit.emulator.support.FillingDisk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the emulator's disk or data folder is in trouble the user gets one clear error line and no stack trace: a
 * data folder others can write, a damaged database, a disk that fills up during an upload.
 */
class EmulatorTroubleEndToEndTest {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path tmp;

    @Test
    void serveRefusesADataFolderOthersCanWrite() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("shared"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThat(serveRefused(data))
                .startsWith("cannot start the emulator: the data folder " + data
                        + " can be written by other users (rwxrwxrwx)")
                .contains("chmod 700 '" + data + "'")
                .contains("--data DIR");
    }

    @Test
    void serveNamesADamagedDatabaseInOneLine() throws Exception {
        Path data = tmp.resolve("data");
        try (TestEmulator vod = TestEmulator.start(data)) {
            vod.stats();
        }
        Files.writeString(data.resolve("vodkit.db"), "not a database ".repeat(500));
        Files.deleteIfExists(data.resolve("vodkit.db-wal"));
        Files.deleteIfExists(data.resolve("vodkit.db-shm"));

        assertThat(serveRefused(data)).contains("the database " + data.resolve("vodkit.db") + " is damaged");
    }

    @Test
    void aFullDiskIsNamedToTheUserAndLeavesNoStagedParts() throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve("big.mp4"), 25 * MIB, 51);
        FillingDisk disk = new FillingDisk(22 * MIB);
        try (TestEmulator vod = TestEmulator.start(
                TestEmulator.config(tmp.resolve("data"), 0, List.of())
                        .newBuilder()
                        .disk(disk)
                        .build(),
                Clock.systemUTC())) {
            CliResult full =
                    CliRun.run(vod.env(tmp.resolve("home")), tmp, "upload", file.toString(), "--concurrency", "1");

            assertThat(full.exitCode()).as(full.toString()).isEqualTo(ExitCodes.FAILED);
            assertThat(full.single().get("error").asText()).contains("no space left on the emulator's disk");
            assertNoStackTrace(full);
            try (Stream<Path> staged = Files.walk(vod.dataDir().resolve("multipart"))) {
                assertThat(staged.filter(Files::isRegularFile))
                        .as("no staged parts")
                        .isEmpty();
            }
            assertThat(vod.stats().get("bytes_received").asLong())
                    .as("not sent again and again")
                    .isLessThan(26 * MIB);
        }
    }

    /** Runs {@code vodkit serve --data DATA}, which must fail with one error line; returns its text. */
    private String serveRefused(Path data) {
        CliResult refused = CliRun.run(
                Map.of("VODKIT_HOME", tmp.resolve("home").toString()),
                tmp,
                "serve",
                "--data",
                data.toString(),
                "--port",
                "0");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.FAILED);
        assertNoStackTrace(refused);
        return refused.single().get("error").asText();
    }

    private static void assertNoStackTrace(CliResult result) {
        assertThat(result.stdout().lines()).hasSize(1);
        assertThat(result.stderr()).doesNotContain("\tat ").doesNotContain("Exception");
    }
}
