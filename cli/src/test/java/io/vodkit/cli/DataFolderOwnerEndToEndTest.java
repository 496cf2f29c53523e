package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodkit.cli.support.BackgroundEmulators;
import io.vodkit.cli.support.CliProcess;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.TestMedia;
import io.vodkit.emulator.internal.owner.DataDirOwner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One emulator per data folder, with real processes: commands use a running {@code vodkit serve}, share one
 * background emulator when started together, are not misled by what a killed owner left, and {@code serve} refuses
 * an owned folder.
 */
class DataFolderOwnerEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @AfterEach
    void stopBackgroundEmulators() {
        BackgroundEmulators.stopIn(tmp.resolve("home"));
    }

    private Path localData() {
        return tmp.resolve("home").resolve("local");
    }

    @Test
    void withServeRunningAnUploadGoesThroughItAndASecondServeIsRefused() throws Exception {
        Process serve = CliProcess.start(tmp, Map.of(), "serve");
        try {
            String endpoint = JSON.readTree(CliProcess.firstLine(serve.getInputStream()))
                    .get("endpoint")
                    .asText();
            int port = URI.create(endpoint).getPort();
            assertThat(rememberedPort()).isEqualTo(port);

            Finished refused = finish(CliProcess.start(tmp, Map.of(), "serve", "--port", "0"));
            assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(refused.line().get("error").asText())
                    .startsWith("cannot start the emulator: the data folder "
                            + localData() + " is in use by another local emulator (pid " + serve.pid() + ", " + endpoint
                            + ", long-lived)")
                    .contains("--data DIR");

            Path file = TestMedia.randomFile(tmp.resolve("clip.mp4"), 300_000, 31);
            Finished upload = finish(CliProcess.start(tmp, Map.of(), "upload", file.toString()));
            assertThat(upload.exitCode()).as(upload.stderr()).isZero();
            assertThat(upload.stderr())
                    .contains("using the local emulator at " + endpoint + " (pid " + serve.pid() + ", data in "
                            + localData());
            JsonNode stats =
                    JSON.readTree(URI.create(endpoint + "/_vodkit/stats").toURL());
            assertThat(stats.get("vids").asLong())
                    .as("the serve process committed it")
                    .isEqualTo(1);
            assertThat(stats.get("bytes_received").asLong()).isGreaterThanOrEqualTo(300_000);
            assertThat(upload.line().get("PlayURL").asText()).startsWith(endpoint + "/");
            assertThat(TestMedia.downloadMd5(upload.line().get("PlayURL").asText()))
                    .as("the PlayURL works after the upload command exited")
                    .isEqualTo(TestMedia.md5(file));
            assertThat(rememberedPort()).isEqualTo(port);

            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(localData().resolve(DataDirOwner.INFO_FILE))
                    .as("withdrawn on SIGTERM")
                    .doesNotExist();
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void whatAKilledServeLeftBehindNeitherBlocksNorMisleadsTheNextCommand() throws Exception {
        Process serve = CliProcess.start(tmp, Map.of(), "serve", "--port", "0");
        String endpoint;
        try {
            endpoint = JSON.readTree(CliProcess.firstLine(serve.getInputStream()))
                    .get("endpoint")
                    .asText();
        } finally {
            serve.destroyForcibly();
        }
        assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(localData().resolve(DataDirOwner.INFO_FILE)))
                .contains(endpoint);

        Path file = TestMedia.randomFile(tmp.resolve("song.wav"), 50_000, 32);
        Finished upload = finish(CliProcess.start(tmp, Map.of(), "upload", file.toString()));

        assertThat(upload.exitCode()).as(upload.stderr()).isZero();
        assertThat(upload.stderr())
                .contains("started the local emulator in the background at")
                .doesNotContain("pid " + serve.pid());
        assertThat(JSON.readTree(localData().resolve(DataDirOwner.INFO_FILE).toFile())
                        .get("pid")
                        .asLong())
                .as("the new owner published itself")
                .isNotEqualTo(serve.pid());
    }

    @Test
    void twoCommandsStartedAtOnceShareOneBackgroundEmulator() throws Exception {
        Path first = TestMedia.randomFile(tmp.resolve("a.mp4"), 200_000, 33);
        Path second = TestMedia.randomFile(tmp.resolve("b.mp4"), 200_000, 34);
        Process one = CliProcess.start(tmp, Map.of(), "upload", first.toString());
        Process two = CliProcess.start(tmp, Map.of(), "upload", second.toString());
        Finished oneDone = finish(one);
        Finished twoDone = finish(two);

        assertThat(oneDone.exitCode()).as(oneDone.stderr()).isZero();
        assertThat(twoDone.exitCode()).as(twoDone.stderr()).isZero();
        assertThat(BackgroundEmulators.running(localData()))
                .as("one emulator serves the folder")
                .hasSize(1);
        String endpoint = JSON.readTree(
                        localData().resolve(DataDirOwner.INFO_FILE).toFile())
                .get("endpoint")
                .asText();
        assertThat(oneDone.line().get("PlayURL").asText()).startsWith(endpoint + "/");
        assertThat(twoDone.line().get("PlayURL").asText()).startsWith(endpoint + "/");
        assertThat(TestMedia.downloadMd5(twoDone.line().get("PlayURL").asText()))
                .isEqualTo(TestMedia.md5(second));
    }

    @Test
    void aStopRequestWhileAnEmulatorIsStartingEndsTheCommandWithOneErrorLine() throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve("clip.mp4"), 10_000, 35);
        try (DataDirOwner starting = DataDirOwner.acquire(Files.createDirectories(localData()))) {
            CompletableFuture<Void> shutdown = new CompletableFuture<>();
            CompletableFuture<CliResult> run = CompletableFuture.supplyAsync(() -> CliRun.run(
                    Map.of("VODKIT_HOME", tmp.resolve("home").toString()), tmp, shutdown, "upload", file.toString()));
            shutdown.complete(null);
            CliResult result = run.get(30, TimeUnit.SECONDS);

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(result.single().get("error").asText())
                    .isEqualTo("stopped while waiting for the local " + "emulator in " + localData() + " to start");
            assertThat(BackgroundEmulators.running(localData()))
                    .as("none was started beside the owner")
                    .isEmpty();
        }
    }

    /** The port the data folder remembers for its next start. */
    private int rememberedPort() throws SQLException {
        try (Connection db =
                        DriverManager.getConnection("jdbc:sqlite:" + localData().resolve("vodkit.db"));
                ResultSet rs =
                        db.createStatement().executeQuery("SELECT value FROM settings WHERE name = 'http.port'")) {
            assertThat(rs.next()).isTrue();
            return Integer.parseInt(rs.getString(1));
        }
    }

    /** A process's stderr, read as it comes. */
    private record Lines(List<String> lines, Thread reader) {
        static Lines of(Process process) {
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                    in.lines().forEach(lines::add);
                } catch (IOException | java.io.UncheckedIOException closed) {
                    // the process ended
                }
            });
            reader.start();
            return new Lines(lines, reader);
        }

        String text() throws InterruptedException {
            reader.join(TimeUnit.SECONDS.toMillis(30));
            return String.join("\n", lines);
        }
    }

    /** A process run to its end: exit code, its one stdout line, and stderr. */
    private record Finished(int exitCode, JsonNode line, String stderr) {}

    private static Finished finish(Process process) throws Exception {
        return finish(process, Lines.of(process));
    }

    private static Finished finish(Process process, Lines stderr) throws Exception {
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = stderr.text();
        assertThat(stdout.lines().toList()).as(err).hasSize(1);
        return new Finished(process.exitValue(), JSON.readTree(stdout), err);
    }
}
