package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodkit.cli.support.CliProcess;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.TestMedia;
import io.vodkit.emulator.Emulator;
import io.vodkit.emulator.EmulatorConfig;
import io.vodkit.emulator.owner.DataDirOwner;
import io.vodkit.emulator.owner.Lifetime;
import io.vodkit.emulator.support.SourceServer;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One emulator per data folder, with real processes: commands use a running {@code vodkit serve}, wait for another
 * command's embedded emulator, are not misled by what a killed owner left, and {@code serve} refuses an owned folder.
 */
class DataFolderOwnerEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path localData() {
        return tmp.resolve("home").resolve("local");
    }

    @Test
    void withServeRunningAnUploadGoesThroughItAndASecondServeIsRefused() throws Exception {
        Process serve = CliProcess.start(tmp, Map.of(), "serve");
        try {
            String endpoint = JSON.readTree(CliProcess.firstLine(serve.getInputStream())).get("endpoint").asText();
            int port = URI.create(endpoint).getPort();
            assertThat(rememberedPort()).isEqualTo(port);

            Finished refused = finish(CliProcess.start(tmp, Map.of(), "serve", "--port", "0"));
            assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(refused.line().get("error").asText()).startsWith("cannot start the emulator: the data folder "
                    + localData() + " is in use by another local emulator (pid " + serve.pid() + ", " + endpoint
                    + ", long-lived)").contains("--data DIR");

            Path file = TestMedia.randomFile(tmp.resolve("clip.mp4"), 300_000, 31);
            Finished upload = finish(CliProcess.start(tmp, Map.of(), "upload", file.toString()));
            assertThat(upload.exitCode()).as(upload.stderr()).isZero();
            assertThat(upload.stderr()).contains("using the local emulator already serving " + localData() + " at "
                    + endpoint + " (pid " + serve.pid() + ")");
            JsonNode stats = JSON.readTree(URI.create(endpoint + "/_vodkit/stats").toURL());
            assertThat(stats.get("vids").asLong()).as("the serve process committed it").isEqualTo(1);
            assertThat(stats.get("bytes_received").asLong()).isGreaterThanOrEqualTo(300_000);
            assertThat(upload.line().get("PlayURL").asText()).startsWith(endpoint + "/");
            assertThat(TestMedia.downloadMd5(upload.line().get("PlayURL").asText()))
                    .as("the PlayURL works after the upload command exited").isEqualTo(TestMedia.md5(file));
            assertThat(rememberedPort()).isEqualTo(port);

            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(localData().resolve(DataDirOwner.INFO_FILE)).as("withdrawn on SIGTERM").doesNotExist();
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void whatAKilledServeLeftBehindNeitherBlocksNorMisleadsTheNextCommand() throws Exception {
        Process serve = CliProcess.start(tmp, Map.of(), "serve", "--port", "0");
        String endpoint;
        try {
            endpoint = JSON.readTree(CliProcess.firstLine(serve.getInputStream())).get("endpoint").asText();
        } finally {
            serve.destroyForcibly();
        }
        assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(localData().resolve(DataDirOwner.INFO_FILE))).contains(endpoint);

        Path file = TestMedia.randomFile(tmp.resolve("song.wav"), 50_000, 32);
        Finished upload = finish(CliProcess.start(tmp, Map.of(), "upload", file.toString()));

        assertThat(upload.exitCode()).as(upload.stderr()).isZero();
        assertThat(upload.stderr()).contains("using the local emulator at").doesNotContain("already serving")
                .doesNotContain("waiting");
        assertThat(localData().resolve(DataDirOwner.INFO_FILE)).doesNotExist();
    }

    @Test
    void twoEmbeddedUploadsOnOneHomeBothSucceedTheSecondAfterWaitingForTheFirst() throws Exception {
        Path served = Files.createDirectories(tmp.resolve("served"));
        Path pulled = TestMedia.randomFile(served.resolve("pulled.mp4"), 200_000, 33);
        Path file = TestMedia.randomFile(tmp.resolve("clip.mp4"), 200_000, 34);
        Map<String, String> env = Map.of("VOD_POLL_INTERVAL", "0.2");
        try (SourceServer source = new SourceServer(served)) {
            Process first = CliProcess.start(tmp, env, "upload", source.url("/gated/pulled.mp4"));
            Lines firstErr = Lines.of(first);
            firstErr.await("using the local emulator at");
            Process second = CliProcess.start(tmp, env, "upload", file.toString());
            Lines secondErr = Lines.of(second);
            secondErr.await("is in use by another vodkit command (pid " + first.pid() + "); waiting for it to finish");
            assertThat(second.isAlive()).isTrue();

            source.open();
            Finished firstDone = finish(first, firstErr);
            Finished secondDone = finish(second, secondErr);

            assertThat(firstDone.exitCode()).as(firstDone.stderr()).isZero();
            assertThat(firstDone.line().get("SourceUrl").asText()).endsWith("/gated/pulled.mp4");
            assertThat(secondDone.exitCode()).as(secondDone.stderr()).isZero();
            assertThat(secondDone.line().get("Vid").asText()).isNotEqualTo(firstDone.line().get("Vid").asText());
            assertThat(secondDone.stderr()).containsOnlyOnce("waiting for it to finish");
            assertThat(TestMedia.md5(pulled)).isNotEqualTo(TestMedia.md5(file));
        }
    }

    @Test
    void aStopRequestWhileWaitingEndsTheCommandWithOneErrorLine() throws Exception {
        EmulatorConfig config = EmulatorConfig.defaults(localData()).withPort(0);
        Path file = TestMedia.randomFile(tmp.resolve("clip.mp4"), 10_000, 35);
        try (Emulator owner = Emulator.start(config, Lifetime.SINGLE_COMMAND)) {
            CompletableFuture<Void> shutdown = new CompletableFuture<>();
            CompletableFuture<CliResult> run = CompletableFuture.supplyAsync(() -> CliRun.run(
                    Map.of("VODKIT_HOME", tmp.resolve("home").toString()), tmp, shutdown, "upload", file.toString()));
            Thread.sleep(500);
            assertThat(run).isNotDone();
            shutdown.complete(null);
            CliResult result = run.get(30, TimeUnit.SECONDS);

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(result.single().get("error").asText()).isEqualTo("stopped while waiting for the local "
                    + "emulator in " + localData() + " (in use by another vodkit command (pid "
                    + ProcessHandle.current().pid() + "))");
            assertThat(owner.spaces()).as("the owner was left alone").doesNotContain("local");
        }
    }

    /** The port the data folder remembers for its next start. */
    private int rememberedPort() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + localData().resolve("vodkit.db"));
             ResultSet rs = db.createStatement().executeQuery("SELECT value FROM settings WHERE name = 'http.port'")) {
            assertThat(rs.next()).isTrue();
            return Integer.parseInt(rs.getString(1));
        }
    }

    /** A process's stderr, read as it comes. */
    private record Lines(List<String> lines, Thread reader) {
        static Lines of(Process process) {
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                        StandardCharsets.UTF_8))) {
                    in.lines().forEach(lines::add);
                } catch (IOException | java.io.UncheckedIOException closed) {
                    // the process ended
                }
            });
            reader.start();
            return new Lines(lines, reader);
        }

        void await(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lines.stream().noneMatch(line -> line.contains(text))) {
                assertThat(System.nanoTime()).as("waiting for '%s' in %s", text, lines).isLessThan(deadline);
                Thread.sleep(50);
            }
        }

        String text() throws InterruptedException {
            reader.join(TimeUnit.SECONDS.toMillis(30));
            return String.join("\n", lines);
        }
    }

    /** A process run to its end: exit code, its one stdout line, and stderr. */
    private record Finished(int exitCode, JsonNode line, String stderr) {
    }

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
