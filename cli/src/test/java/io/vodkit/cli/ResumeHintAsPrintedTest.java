package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.cli.support.BackgroundEmulators;
import io.vodkit.cli.support.Checkout;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.Shell;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestMedia;
import io.vodkit.emulator.support.SourceServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A time-out's {@code resume_hint.command}, and the {@code Command} of a running job in {@code vodkit jobs}, run as
 * printed from the folder the first command ran in: they name the launcher as it was started (a path, quoted for the
 * shell when it needs to be, when {@code vodkit} is not on PATH; {@code vodkit} when it is). So does the command
 * that stops the background emulator a command without credentials starts, which it names on stderr.
 */
class ResumeHintAsPrintedTest {
    /** The stop command in the notice of a command that started the background emulator. */
    private static final Pattern STOP_HINT = Pattern.compile("until `([^`]+)`");

    @TempDir
    Path tmp;

    @AfterEach
    void stopBackgroundEmulators() {
        BackgroundEmulators.stopIn(tmp.resolve("home/.vodkit"));
    }

    @Test
    void theStopHintOfTheBackgroundEmulatorNamesTheLauncherAndRunsAsPrinted() throws Exception {
        Checkout.ofVodkit(Files.createDirectories(tmp.resolve("my tools")));
        Path home = Files.createDirectories(tmp.resolve("home"));
        TestMedia.randomFile(tmp.resolve("clip.mp4"), 50_000, 3);

        CliResult upload = Shell.run(tmp, Shell.userEnv(home), "'my tools/vodkit' upload clip.mp4");

        assertThat(upload.exitCode()).as(upload.toString()).isZero();
        Matcher hint = STOP_HINT.matcher(upload.stderr());
        assertThat(hint.find()).as(upload.stderr()).isTrue();
        assertThat(hint.group(1)).isEqualTo("'my tools/vodkit' serve --stop");
        assertThat(BackgroundEmulators.running(home.resolve(".vodkit/local"))).hasSize(1);

        CliResult stopped = Shell.run(tmp, Shell.userEnv(home), hint.group(1));

        assertThat(stopped.exitCode()).as(stopped.toString()).isZero();
        assertThat(stopped.single().get("stopped").asBoolean())
                .as(stopped.toString())
                .isTrue();
        assertThat(BackgroundEmulators.running(home.resolve(".vodkit/local"))).isEmpty();
    }

    @Test
    void aLauncherStartedByItsPathIsNamedByThatPathQuoted() throws Exception {
        Checkout checkout = Checkout.ofVodkit(Files.createDirectories(tmp.resolve("my tools")));
        assertThat(checkout.launcher()).isEqualTo(tmp.resolve("my tools/vodkit"));

        resumeAsPrinted("'my tools/vodkit'", Shell.userEnv(tmp));
    }

    @Test
    void aLauncherFoundOnPathIsNamedVodkit() throws Exception {
        Path bin = Checkout.ofVodkit(Files.createDirectories(tmp.resolve("checkout")))
                .linkInto(tmp.resolve("bin"));

        resumeAsPrinted("vodkit", Shell.userEnv(tmp, bin));
    }

    /** Times a URL pull out by running {@code launcher upload URL}, then runs the hint and the jobs line's command. */
    private void resumeAsPrinted(String launcher, Map<String, String> userEnv) throws Exception {
        Path files = Files.createDirectories(tmp.resolve("files"));
        TestMedia.randomFile(files.resolve("slow.mp4"), 300_000, 7);
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"));
                SourceServer source = new SourceServer(files)) {
            Map<String, String> env = new HashMap<>(vod.env(tmp.resolve("home")));
            env.putAll(userEnv);
            env.put("VOD_POLL_INTERVAL", "0.2");
            Map<String, String> impatient = new HashMap<>(env);
            impatient.put("VOD_POLL_MAX", "1");

            CliResult timedOut = Shell.run(tmp, impatient, launcher + " upload " + source.url("/gated/slow.mp4"));

            assertThat(timedOut.exitCode()).as(timedOut.toString()).isEqualTo(ExitCodes.TIMED_OUT);
            String hint = timedOut.single().get("resume_hint").get("command").asText();
            String jobId = timedOut.single().get("JobIds").asText();
            assertThat(hint).isEqualTo(launcher + " poll-upload " + jobId + " " + TestEmulator.SPACE);
            CliResult jobs = Shell.run(tmp, env, launcher + " jobs --state running");
            assertThat(jobs.single().get("Command").asText()).isEqualTo(hint);

            source.open();
            CliResult resumed = Shell.run(tmp, env, hint);

            assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
            JsonNode line = resumed.single();
            assertThat(line.get("JobId").asText()).isEqualTo(jobId);
            assertThat(line.get("Vid").asText()).isNotEmpty();
        }
    }
}
