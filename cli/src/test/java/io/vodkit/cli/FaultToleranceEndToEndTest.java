package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestMedia;
import io.vodkit.cli.support.TestVideos;
import io.vodkit.emulator.Fault;
import io.vodkit.emulator.FaultPlan;
import io.vodkit.emulator.support.SourceServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against an emulator that fails requests on purpose, by script (the same requests on every run), with
 * every kind of fault in every flow: 500, 503, connection reset, a stall past the client's time-out, a truncated
 * answer (the service acted, the client never heard). Uploads, a URL pull and a restoration still succeed,
 * byte-identical and exactly once (a retried commit or submission makes no second Vid or job).
 */
class FaultToleranceEndToEndTest {
    private static final long MIB = 1024 * 1024;
    /** The client gives up on a silent request after this; a stall lasts longer. */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(2);

    private static final FaultPlan NONE = FaultPlan.OFF.withStall(Duration.ofSeconds(4));

    @TempDir
    Path tmp;

    private TestEmulator start(FaultPlan faults) throws Exception {
        return TestEmulator.start(
                TestEmulator.config(tmp.resolve("data"), 0, List.of())
                        .newBuilder()
                        .faults(faults)
                        .build(),
                Clock.systemUTC());
    }

    private Map<String, String> env(TestEmulator vod) {
        Map<String, String> env = vod.env(tmp);
        env.put("VOD_REQUEST_TIMEOUT", Long.toString(CLIENT_TIMEOUT.toSeconds()));
        env.put("VOD_POLL_INTERVAL", "0.3");
        env.put("VOD_POLL_MAX", "300");
        return env;
    }

    /**
     * A direct upload, then a multipart one (init, three parts, complete), then a URL pull, each downloaded after:
     * the steps of each route are taken in that order, so every flow meets the faults written for it.
     */
    @Test
    void directMultipartAndPulledUploadsArriveWholeAndOnce() throws Exception {
        FaultPlan faults = NONE.withScript("ApplyUploadInfo", "500, ok, 503") // direct: 500; multipart: 503
                .withScript("PUT /*?partNumber", "stall, ok, truncate") // parts (before the next script)
                .withScript("PUT /*", "reset, ok, 500") // the direct PUT: reset; the multipart init: 500
                .withScript("CommitUploadInfo", "truncate, ok, stall") // direct: committed, reply lost; multipart
                .withScript("UploadMediaByUrl", "truncate") // the job is created, the reply lost
                .withScript("QueryUploadTaskInfo", "503, reset")
                .withScript("GET /*", "truncate, ok, 500, ok, stall"); // the three downloads
        Path small = TestMedia.randomFile(tmp.resolve("small.mp4"), 3 * MIB, 1);
        Path large = TestMedia.randomFile(tmp.resolve("large.mov"), 45 * MIB, 2);
        Path pulled = TestMedia.randomFile(
                Files.createDirectories(tmp.resolve("files")).resolve("pulled.mp4"), 700_000, 3);
        try (TestEmulator vod = start(faults);
                SourceServer source = new SourceServer(pulled.getParent())) {
            assertRoundTrip(vod, small, "upload", small.toString());
            assertRoundTrip(vod, large, "upload", large.toString(), "--part-size", "20MiB");
            assertRoundTrip(vod, pulled, "upload", source.url("/files/pulled.mp4"));
            assertThat(source.requests("/files/pulled.mp4"))
                    .as("the source is fetched once, requests retried or not")
                    .isEqualTo(1);

            JsonNode stats = vod.stats();
            assertThat(stats.get("vids").asLong()).as("one Vid per upload").isEqualTo(3);
            assertInjected(
                    stats,
                    Map.of(Fault.ERROR_500, 3, Fault.ERROR_503, 2, Fault.RESET, 2, Fault.STALL, 3, Fault.TRUNCATE, 4));
        }
    }

    @Test
    void aRestorationIsSubmittedAndPolledToSuccess() throws Exception {
        Path clip = TestVideos.orSkip().clean(tmp.resolve("clip.mp4"), 1);
        FaultPlan faults = NONE.withScript("ApplyUploadInfo", "503")
                .withScript("PUT /*", "truncate") // stored, the reply lost
                .withScript("CommitUploadInfo", "500")
                .withScript("StartExecution", "truncate, stall") // the job is submitted, the reply lost: twice
                .withScript("GetExecution", "reset, 503")
                .withScript("GET /*", "500"); // the output's download
        try (TestEmulator vod = start(faults)) {
            CliResult upload = CliRun.run(env(vod), tmp, "upload", clip.toString());
            assertThat(upload.exitCode()).as(upload.toString()).isZero();

            CliResult result = CliRun.run(
                    env(vod),
                    tmp,
                    "enhance",
                    "vid://" + upload.single().get("Vid").asText(),
                    "--config",
                    "common",
                    "--tier",
                    "standard");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            JsonNode line = result.single();
            assertThat(line.get("Status").asText()).isEqualTo("Success");
            assertThat(TestMedia.downloadMd5ThroughFaults(
                            line.get("VideoUrls").get(0).get("Url").asText(), CLIENT_TIMEOUT, 10))
                    .isNotEmpty();
            JsonNode stats = vod.stats();
            assertThat(stats.get("vids").asLong()).isEqualTo(1);
            assertInjected(
                    stats,
                    Map.of(Fault.ERROR_500, 2, Fault.ERROR_503, 2, Fault.RESET, 1, Fault.STALL, 1, Fault.TRUNCATE, 2));
        }
    }

    private void assertRoundTrip(TestEmulator vod, Path file, String... args) throws Exception {
        CliResult result = CliRun.run(env(vod), tmp, args);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String playUrl = result.single().get("PlayURL").asText();
        assertThat(TestMedia.downloadMd5ThroughFaults(playUrl, CLIENT_TIMEOUT, 10))
                .as(file.toString())
                .isEqualTo(TestMedia.md5(file));
    }

    /** Every kind of fault was injected, each exactly as often as the scripts say: every step was reached. */
    private static void assertInjected(JsonNode stats, Map<Fault, Integer> expected) {
        Map<String, Long> injected = new TreeMap<>();
        stats.get("faults")
                .properties()
                .forEach(kind -> injected.put(kind.getKey(), kind.getValue().asLong()));
        Map<String, Long> scripted = new TreeMap<>();
        expected.forEach((fault, count) -> scripted.put(fault.label(), count.longValue()));
        assertThat(scripted)
                .as("every kind of fault")
                .containsOnlyKeys(
                        Arrays.stream(Fault.values()).map(Fault::label).toList());
        assertThat(injected).as("faults injected, in " + stats).isEqualTo(scripted);
    }
}
