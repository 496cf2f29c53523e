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
import io.vodkit.emulator.support.SourceServer;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without credentials a command starts the local emulator in the background and leaves it serving: the URLs it
 * printed work after it exited, later commands join it, URL pulls go on without it, and it ends with
 * {@code vodkit serve --stop} (as the command told on stderr) or after {@code VODKIT_IDLE_MINUTES} without use.
 */
class BackgroundEmulatorEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STOP_COMMAND = Pattern.compile("`(vodkit serve --stop[^`]*)`");

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
    void aPlayUrlWorksAfterTheUploadingProcessExitedUntilServeStop() throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve("clip.mp4"), 300_000, 41);
        Finished upload = finish(CliProcess.start(tmp, Map.of(), "upload", file.toString()));

        assertThat(upload.exitCode()).as(upload.stderr()).isZero();
        String playUrl = upload.line().get("PlayURL").asText();
        assertThat(TestMedia.downloadMd5(playUrl))
                .as("the PlayURL after the upload exited")
                .isEqualTo(TestMedia.md5(file));
        assertThat(upload.stderr().lines().filter(line -> line.contains("local emulator")))
                .as("said once where it runs and how to stop it")
                .singleElement()
                .asString()
                .contains("started the local emulator in the background at http://127.0.0.1:")
                .contains("data in " + localData())
                .contains(localData().resolve("emulator.log").toString())
                .contains("`vodkit serve --stop`")
                .contains("5 min without use");
        List<ProcessHandle> serving = BackgroundEmulators.running(localData());
        assertThat(serving).hasSize(1);

        Finished again = finish(CliProcess.start(
                tmp, Map.of(), "play-url", upload.line().get("Vid").asText()));
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        assertThat(again.stderr())
                .contains("using the local emulator at " + endpointOf(playUrl) + " (pid "
                        + serving.get(0).pid() + ", data in " + localData() + "; stop it with `vodkit serve --stop`)");
        assertThat(BackgroundEmulators.running(localData()))
                .as("joined, not started again")
                .isEqualTo(serving);

        Finished stop = finish(CliProcess.start(tmp, Map.of(), words(stopCommand(upload.stderr()))));
        assertThat(stop.exitCode()).as(stop.stderr()).isZero();
        assertThat(stop.line().get("stopped").asBoolean()).isTrue();
        assertThat(stop.line().get("pid").asLong()).isEqualTo(serving.get(0).pid());
        assertThat(serving.get(0).isAlive()).isFalse();
        assertThat(localData().resolve(DataDirOwner.INFO_FILE)).doesNotExist();
        boolean served;
        try {
            TestMedia.downloadMd5(playUrl);
            served = true;
        } catch (ConnectException stopped) {
            served = false;
        } catch (AssertionError notFound) {
            served = false; // test classes run two at a time: another one's server may have the port by now
        }
        assertThat(served).as("the stopped emulator still serves %s", playUrl).isFalse();

        Finished none = finish(CliProcess.start(tmp, Map.of(), "serve", "--stop"));
        assertThat(none.exitCode()).isZero();
        assertThat(none.line().get("stopped").asBoolean()).isFalse();
        assertThat(none.line().get("message").asText()).isEqualTo("no local emulator serves " + localData());
    }

    @Test
    void aUrlPullGoesOnAfterTheCommandTimedOutAndExited() throws Exception {
        Path served = Files.createDirectories(tmp.resolve("served"));
        Path pulled = TestMedia.randomFile(served.resolve("pulled.mp4"), 200_000, 42);
        Map<String, String> env =
                Map.of("VODKIT_HOME", tmp.resolve("home").toString(), "VOD_POLL_INTERVAL", "0.2", "VOD_POLL_MAX", "1");
        try (SourceServer source = new SourceServer(served)) {
            CliResult timedOut = CliRun.run(env, tmp, "upload", source.url("/gated/pulled.mp4"));
            assertThat(timedOut.exitCode()).as(timedOut.toString()).isEqualTo(ExitCodes.TIMED_OUT);
            String jobId = timedOut.single().get("JobIds").asText();

            source.open();
            CliResult resumed = CliRun.run(
                    Map.of("VODKIT_HOME", tmp.resolve("home").toString(), "VOD_POLL_INTERVAL", "0.2"),
                    tmp,
                    "poll-upload",
                    jobId);

            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            assertThat(TestMedia.downloadMd5(resumed.single().get("PlayURL").asText()))
                    .isEqualTo(TestMedia.md5(pulled));
        }
    }

    @Test
    void itStopsByItselfAfterTheIdleTime() throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve("song.wav"), 20_000, 43);
        // the upload itself may lose the race against so short an idle time on a busy machine: only the end counts
        Finished upload =
                finish(CliProcess.start(tmp, Map.of("VODKIT_IDLE_MINUTES", "0.05"), "upload", file.toString()));
        Matcher started =
                Pattern.compile("in the background at \\S+ \\(pid (\\d+),").matcher(upload.stderr());
        assertThat(started.find()).as(upload.stderr()).isTrue();
        assertThat(upload.stderr()).contains("or 3 s without use");

        ProcessHandle.of(Long.parseLong(started.group(1))).ifPresent(emulator -> {
            try {
                emulator.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("the background emulator did not stop by itself", e);
            }
        });

        assertThat(Files.readString(localData().resolve("emulator.log")))
                .contains("no requests and no running jobs for 3 s (VODKIT_IDLE_MINUTES)");
        assertThat(localData().resolve(DataDirOwner.INFO_FILE)).doesNotExist();
        assertThat(BackgroundEmulators.running(localData())).isEmpty();
    }

    private static String stopCommand(String stderr) {
        Matcher matcher = STOP_COMMAND.matcher(stderr);
        assertThat(matcher.find()).as(stderr).isTrue();
        return matcher.group(1);
    }

    /** The words of a printed command, minus the leading {@code vodkit}. */
    private static String[] words(String command) {
        List<String> words = new ArrayList<>(List.of(command.split(" ")));
        assertThat(words.remove(0)).isEqualTo("vodkit");
        return words.toArray(String[]::new);
    }

    private static String endpointOf(String url) {
        return url.substring(0, url.indexOf('/', "http://".length()));
    }

    /** A process run to its end: exit code, its one stdout line, and stderr. */
    private record Finished(int exitCode, JsonNode line, String stderr) {}

    private static Finished finish(Process process) throws IOException, InterruptedException {
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(stdout.lines().toList()).as(stderr).hasSize(1);
        return new Finished(process.exitValue(), JSON.readTree(stdout), stderr);
    }
}
