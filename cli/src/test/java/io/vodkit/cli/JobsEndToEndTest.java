package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestMedia;
import io.vodkit.cli.support.TestVideos;
import io.vodkit.emulator.support.SourceServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vodkit jobs}: URL pulls and restorations recorded by the commands that submit or observe them, listed by
 * later processes with their last known state, and brought up to date by {@code --refresh}.
 */
class JobsEndToEndTest {
    @TempDir
    Path tmp;

    private TestEmulator vod;
    private SourceServer source;
    private Path files;
    private Path home;

    @BeforeEach
    void start() throws Exception {
        vod = TestEmulator.start(tmp.resolve("data"));
        files = Files.createDirectories(tmp.resolve("files"));
        source = new SourceServer(files);
        home = tmp.resolve("home");
    }

    @AfterEach
    void stop() {
        source.close();
        vod.close();
    }

    private Map<String, String> env(String pollMax) {
        Map<String, String> env = new HashMap<>(vod.env(home));
        env.put("VOD_POLL_INTERVAL", "0.2");
        env.put("VOD_POLL_MAX", pollMax);
        return env;
    }

    private CliResult run(Map<String, String> env, int exitCode, String... args) {
        CliResult result = CliRun.run(env, tmp, args);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        return result;
    }

    /** The lines of {@code vodkit ARGS} once {@code done} holds for them (60 s at most). */
    private List<JsonNode> awaitLines(Predicate<List<JsonNode>> done, String... args) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> run(env("1"), ExitCodes.OK, args).lines(), done);
    }

    @Test
    void pullsThatTimedOutAreListedAsRunningAndFinishThroughPollUploadOrRefresh() throws Exception {
        TestMedia.randomFile(files.resolve("a.mp4"), 300_000, 1);
        TestMedia.randomFile(files.resolve("b.mp4"), 300_000, 2);
        String urlA = source.url("/gated/a.mp4");
        String urlB = source.url("/gated/b.mp4");
        run(env("100"), ExitCodes.FAILED, "upload", source.url("/files/missing.mp4"));
        List<JsonNode> timedOut =
                run(env("1"), ExitCodes.TIMED_OUT, "upload", urlA, urlB).lines();
        String jobA = timedOut.get(0).get("JobIds").asText();
        String jobB = timedOut.get(1).get("JobIds").asText();

        List<JsonNode> listed = run(env("1"), ExitCodes.OK, "jobs").lines();

        assertThat(listed)
                .extracting(line -> line.get("JobId").asText())
                .endsWith(jobA, jobB)
                .hasSize(3);
        JsonNode a = listed.get(1);
        assertThat(a.get("Kind").asText()).isEqualTo("pull");
        assertThat(a.get("State").asText()).isEqualTo("running");
        assertThat(a.get("SourceUrl").asText()).isEqualTo(urlA);
        assertThat(a.get("SpaceName").asText()).isEqualTo(TestEmulator.SPACE);
        assertThat(a.get("Command").asText()).isEqualTo("vodkit poll-upload " + jobA + " " + TestEmulator.SPACE);
        JsonNode missing = listed.get(0);
        assertThat(missing.get("State").asText()).isEqualTo("failed");
        assertThat(missing.get("Error").asText()).isEqualTo("URL pull upload failed: source answered HTTP 404");
        assertThat(missing.has("Command")).isFalse();

        source.open();
        run(env("100"), ExitCodes.OK, "poll-upload", jobA);
        JsonNode doneA =
                run(env("1"), ExitCodes.OK, "jobs", "--state", "success").single();
        assertThat(doneA.get("JobId").asText()).isEqualTo(jobA);
        assertThat(doneA.get("Vid").asText()).isNotBlank();

        List<JsonNode> done = awaitLines(
                lines -> lines.size() == 2,
                "jobs",
                "--refresh",
                "--kind",
                "pull",
                "--state",
                "success",
                "--space",
                TestEmulator.SPACE);
        assertThat(done).extracting(line -> line.get("JobId").asText()).containsExactly(jobA, jobB);
        JsonNode b = done.get(1);
        assertThat(b.get("ServiceState").asText()).isEqualTo("success");
        assertThat(b.get("FileName").asText()).endsWith(".mp4");
        assertThat(b.get("SubmittedAt").asText()).isLessThan(b.get("UpdatedAt").asText());
        assertThat(b.has("Command")).isFalse();
        assertThat(run(env("1"), ExitCodes.OK, "jobs", "--kind", "restore").lines())
                .isEmpty();
    }

    @Test
    void theJobsOfAnotherServiceAreNotListed() {
        run(env("100"), ExitCodes.FAILED, "upload", source.url("/files/missing.mp4"));

        CliResult local = run(Map.of("VODKIT_HOME", home.toString(), "HOME", home.toString()), ExitCodes.OK, "jobs");

        assertThat(local.lines()).isEmpty();
        assertThat(local.stderr()).contains("no jobs recorded for local:" + home.resolve("local"));
    }

    @Test
    void aRestorationThatTimedOutIsListedAndRefreshFindsItsOutput() throws Exception {
        TestVideos videos = TestVideos.orSkip();
        Path clip = videos.clean(tmp.resolve("clip.mkv"), 1);
        String vid = run(env("1"), ExitCodes.OK, "upload", clip.toString())
                .single()
                .get("Vid")
                .asText();
        CliResult enhance =
                CliRun.run(env("1"), tmp, "enhance", "vid://" + vid, "--config", "common", "--tier", "standard");
        String runId = enhance.single().get("RunId").asText();

        JsonNode listed =
                run(env("1"), ExitCodes.OK, "jobs", "--kind", "restore").single();
        assertThat(listed.get("RunId").asText()).isEqualTo(runId);
        assertThat(listed.get("Video").asText()).isEqualTo("vid://" + vid);
        if (enhance.exitCode() == ExitCodes.TIMED_OUT) {
            assertThat(listed.get("State").asText()).isEqualTo("running");
            assertThat(listed.get("Command").asText()).isEqualTo("vodkit poll " + runId + " " + TestEmulator.SPACE);
        }

        JsonNode done = awaitLines(
                        lines -> !lines.get(0).get("State").asText().equals("running"),
                        "jobs",
                        "--refresh",
                        "--kind",
                        "restore")
                .get(0);

        assertThat(done.get("State").asText()).as(done.toString()).isEqualTo("success");
        assertThat(done.get("ServiceState").asText()).isEqualTo("Success");
        assertThat(done.get("DirectUrl").asText()).isNotBlank();
        assertThat(done.get("Video").asText()).isEqualTo("vid://" + vid);
    }

    @Test
    void badFiltersAndAnUnusableLedgerAreRefused() throws Exception {
        assertThat(run(env("1"), ExitCodes.INVALID_INPUT, "jobs", "--kind", "transcode")
                        .single()
                        .get("error")
                        .asText())
                .isEqualTo("--kind must be pull or restore, got 'transcode'");
        assertThat(run(env("1"), ExitCodes.INVALID_INPUT, "jobs", "--state", "done")
                        .single()
                        .get("error")
                        .asText())
                .isEqualTo("--state must be running, success or failed, got 'done'");
        Map<String, String> fileHome = new HashMap<>(env("1"));
        fileHome.put("VODKIT_HOME", Files.writeString(tmp.resolve("plain"), "x").toString());
        assertThat(run(fileHome, ExitCodes.INVALID_INPUT, "jobs", "--refresh")
                        .single()
                        .get("error")
                        .asText())
                .contains("cannot open the vodkit ledger " + tmp.resolve("plain"));
    }
}
