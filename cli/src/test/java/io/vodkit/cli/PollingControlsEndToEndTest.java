package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.FakeService;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestMedia;
import io.vodkit.emulator.support.SourceServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --poll-interval} and {@code --poll-max} on every command that waits (upload of URLs, poll-upload, enhance,
 * poll): they win over {@code VOD_POLL_INTERVAL}/{@code VOD_POLL_MAX}, are repeated in the resume hint, and a
 * time-out says how long was really waited, measured.
 */
class PollingControlsEndToEndTest {
    private static final Pattern TIMED_OUT =
            Pattern.compile("Polling timed out after ([0-9.]+) s \\((\\d+) polls?, ([0-9.]+) s apart\\); .+");

    @TempDir
    Path tmp;

    private FakeService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    /** An environment that would poll every 30 s for hours: a run that ends in seconds obeyed its flags. */
    private static Map<String, String> patientEnv(Map<String, String> env) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put("VOD_POLL_INTERVAL", "30");
        copy.put("VOD_POLL_MAX", "1000");
        return copy;
    }

    /** The seconds a time-out line says were waited, after checking its polls and interval. */
    private static double waited(JsonNode line, int polls, String interval) {
        Matcher m = TIMED_OUT.matcher(line.get("error").asText());
        assertThat(m.matches()).as(line.toString()).isTrue();
        assertThat(Integer.parseInt(m.group(2))).isEqualTo(polls);
        assertThat(m.group(3)).isEqualTo(interval);
        return Double.parseDouble(m.group(1));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void urlPullsOnUploadAndPollUploadFollowTheFlags() throws Exception {
        Path files = Files.createDirectories(tmp.resolve("files"));
        TestMedia.randomFile(files.resolve("slow.mp4"), 400_000, 7);
        try (SourceServer source = new SourceServer(files);
                TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            Map<String, String> env = patientEnv(vod.env(tmp));

            long start = System.nanoTime();
            CliResult first = CliRun.run(
                    env, tmp, "upload", source.url("/gated/slow.mp4"), "--poll-interval", "0.2", "--poll-max", "3");
            double elapsed = (System.nanoTime() - start) / 1e9;

            assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.TIMED_OUT);
            JsonNode timeout = first.single();
            assertThat(waited(timeout, 3, "0.2")).isGreaterThanOrEqualTo(0.4).isLessThanOrEqualTo(elapsed);
            assertThat(timeout.get("resume_hint").get("command").asText())
                    .endsWith(" --poll-interval 0.2 --poll-max 3");
            String jobId = timeout.get("JobIds").asText();

            CliResult again = CliRun.run(env, tmp, "poll-upload", jobId, "--poll-interval", "0.1", "--poll-max", "2");

            assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCodes.TIMED_OUT);
            assertThat(waited(again.single(), 2, "0.1")).isGreaterThanOrEqualTo(0.1);

            source.open();
            CliResult done = CliRun.run(env, tmp, "poll-upload", jobId, "--poll-interval", "0.2", "--poll-max", "150");

            assertThat(done.exitCode()).as(done.toString()).isZero();
            assertThat(done.single().get("Vid").asText()).isNotBlank();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void restorationsOnEnhanceAndPollFollowTheFlags() throws Exception {
        AtomicInteger queries = new AtomicInteger();
        Map<String, String> env = patientEnv(serveRunningJob(queries, Duration.ZERO));

        CliResult enhanced = CliRun.run(
                env,
                tmp,
                "enhance",
                "vid://v0abc",
                "--config",
                "common",
                "--tier",
                "standard",
                "--poll-interval",
                "0.1",
                "--poll-max",
                "3");

        assertThat(enhanced.exitCode()).as(enhanced.toString()).isEqualTo(ExitCodes.TIMED_OUT);
        JsonNode line = enhanced.single();
        assertThat(waited(line, 3, "0.1")).isGreaterThanOrEqualTo(0.2);
        assertThat(queries.get()).isEqualTo(3);
        String command = line.get("resume_hint").get("command").asText();
        assertThat(command).startsWith("vodkit poll hb:run1 s ").endsWith(" --poll-interval 0.1 --poll-max 3");

        CliResult polled = CliRun.run(env, tmp, "poll", "hb:run1", "s", "--poll-interval", "0.2", "--poll-max", "2");

        assertThat(polled.exitCode()).as(polled.toString()).isEqualTo(ExitCodes.TIMED_OUT);
        assertThat(waited(polled.single(), 2, "0.2")).isGreaterThanOrEqualTo(0.2);
        assertThat(queries.get()).isEqualTo(3 + 2);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theTimeOutStatesTheTimeReallyWaitedNotIntervalTimesPolls() throws Exception {
        Map<String, String> env = serveRunningJob(new AtomicInteger(), Duration.ofMillis(400));

        CliResult polled = CliRun.run(env, tmp, "poll", "hb:run1", "s", "--poll-interval", "0.1", "--poll-max", "3");

        assertThat(polled.exitCode()).as(polled.toString()).isEqualTo(ExitCodes.TIMED_OUT);
        // 3 polls 0.1 s apart would claim 0.2-0.3 s; each answer takes 0.4 s, so at least 1.4 s went by
        assertThat(waited(polled.single(), 3, "0.1")).isGreaterThanOrEqualTo(1.4);
    }

    /**
     * A service whose restoration job {@code hb:run1} runs forever: StartExecution gives its RunId, each GetExecution
     * (counted) answers Running after {@code delay}, the time a slow service takes.
     */
    private Map<String, String> serveRunningJob(AtomicInteger queries, Duration delay) throws IOException {
        service = FakeService.start(action -> {
            if (!action.equals("GetExecution")) {
                return FakeService.Answer.json("{\"ResponseMetadata\":{},\"Result\":{\"RunId\":\"hb:run1\"}}");
            }
            queries.incrementAndGet();
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeService.Answer.json(
                    "{\"ResponseMetadata\":{},\"Result\":{\"RunId\":\"hb:run1\",\"Status\":\"Running\"}}");
        });
        return service.env(tmp.resolve("home"));
    }
}
