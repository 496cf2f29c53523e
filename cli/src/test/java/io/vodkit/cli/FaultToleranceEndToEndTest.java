package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestMedia;
import io.vodkit.cli.support.TestVideos;
import io.vodkit.emulator.faults.Fault;
import io.vodkit.emulator.faults.FaultPlan;
import io.vodkit.emulator.support.SourceServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against an emulator that fails one request in five on purpose, with every kind of fault: 500, 503,
 * connection reset, a stall past the client's time-out, a truncated answer. Uploads, a URL pull and a restoration
 * still succeed, byte-identical and exactly once (a retried commit or submission makes no second Vid or job).
 */
class FaultToleranceEndToEndTest {
    private static final long MIB = 1024 * 1024;
    /**
     * The seed's first seven draws are truncate, -, -, 503, 500, stall, reset: every flow of seven requests or more
     * meets every kind of fault (which request gets which depends on timing); later requests fail at random.
     */
    private static final FaultPlan FAULTS = new FaultPlan(0.2, EnumSet.allOf(Fault.class), Duration.ofSeconds(4),
            4767);
    /** The client gives up on a silent request after this; a stall lasts longer. */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path tmp;

    private TestEmulator start() throws Exception {
        return TestEmulator.start(TestEmulator.config(tmp.resolve("data"), 0, List.of())
                .newBuilder().faults(FAULTS).build(),
                Clock.systemUTC());
    }

    private Map<String, String> env(TestEmulator vod) {
        Map<String, String> env = vod.env(tmp);
        env.put("VOD_REQUEST_TIMEOUT", Long.toString(CLIENT_TIMEOUT.toSeconds()));
        env.put("VOD_POLL_INTERVAL", "0.3");
        env.put("VOD_POLL_MAX", "300");
        return env;
    }

    @Test
    void directMultipartAndPulledUploadsArriveWholeAndOnce() throws Exception {
        Path small = TestMedia.randomFile(tmp.resolve("small.mp4"), 3 * MIB, 1);
        Path large = TestMedia.randomFile(tmp.resolve("large.mov"), 45 * MIB, 2);
        Path pulled = TestMedia.randomFile(Files.createDirectories(tmp.resolve("files")).resolve("pulled.mp4"),
                700_000, 3);
        try (TestEmulator vod = start(); SourceServer source = new SourceServer(pulled.getParent())) {
            assertRoundTrip(vod, small, "upload", small.toString());
            assertRoundTrip(vod, large, "upload", large.toString(), "--part-size", "20MiB");
            assertRoundTrip(vod, pulled, "upload", source.url("/files/pulled.mp4"));
            assertThat(source.requests("/files/pulled.mp4")).as("the source is fetched once, requests retried or not")
                    .isEqualTo(1);

            JsonNode stats = vod.stats();
            assertThat(stats.get("vids").asLong()).as("one Vid per upload").isEqualTo(3);
            assertEveryKindOfFaultWasInjected(stats);
        }
    }

    @Test
    void aRestorationIsSubmittedAndPolledToSuccess() throws Exception {
        Path clip = TestVideos.orSkip().clean(tmp.resolve("clip.mp4"), 1);
        try (TestEmulator vod = start()) {
            CliResult upload = CliRun.run(env(vod), tmp, "upload", clip.toString());
            assertThat(upload.exitCode()).as(upload.toString()).isZero();

            CliResult result = CliRun.run(env(vod), tmp, "enhance",
                    "vid://" + upload.single().get("Vid").asText(), "--config", "common", "--tier", "standard");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            JsonNode line = result.single();
            assertThat(line.get("Status").asText()).isEqualTo("Success");
            assertThat(TestMedia.downloadMd5ThroughFaults(line.get("VideoUrls").get(0).get("Url").asText(),
                    CLIENT_TIMEOUT, 10)).isNotEmpty();
            JsonNode stats = vod.stats();
            assertThat(stats.get("vids").asLong()).isEqualTo(1);
            assertEveryKindOfFaultWasInjected(stats);
        }
    }

    private void assertRoundTrip(TestEmulator vod, Path file, String... args) throws Exception {
        CliResult result = CliRun.run(env(vod), tmp, args);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String playUrl = result.single().get("PlayURL").asText();
        assertThat(TestMedia.downloadMd5ThroughFaults(playUrl, CLIENT_TIMEOUT, 10)).as(file.toString())
                .isEqualTo(TestMedia.md5(file));
    }

    private static void assertEveryKindOfFaultWasInjected(JsonNode stats) {
        for (Fault fault : Fault.values()) {
            assertThat(stats.get("faults").get(fault.label()).asLong()).as(fault.label() + " faults in " + stats)
                    .isPositive();
        }
    }
}
