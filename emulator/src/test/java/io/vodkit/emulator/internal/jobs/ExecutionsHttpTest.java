package io.vodkit.emulator.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodkit.emulator.EmulatorConfig;
import io.vodkit.emulator.media.FfmpegCommand;
import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.MediaProbe;
import io.vodkit.emulator.media.ProbeResult;
import io.vodkit.emulator.media.TestMedia;
import io.vodkit.emulator.support.MutableClock;
import io.vodkit.emulator.support.TestEmulator;
import io.vodkit.emulator.support.VodTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** StartExecution / GetExecution / GetPlayInfo over real HTTP, restoring tiny generated clips. */
class ExecutionsHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION = "2025-07-01";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @Test
    void proIsRefusedWithPermissionDeniedUnlessAllowed() throws Exception {
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            String fileName = vod.upload("clip.bin", new byte[] {1, 2, 3}).fileName();

            VodTestClient.Reply refused = start(vod, directUrl(fileName), moe("common", 2, null, null));

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.error().path("Message").asText()).contains("Permission denied");
        }
        try (TestEmulator vod = TestEmulator.start(
                TestEmulator.config(tmp.resolve("pro"))
                        .newBuilder()
                        .allowPro(true)
                        .build(),
                java.time.Clock.systemUTC())) {
            String fileName = vod.upload("clip.bin", new byte[] {1, 2, 3}).fileName();

            assertThat(start(vod, directUrl(fileName), moe("common", 2, null, null))
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void restoresToTheTargetHeightServesTheOutputSignedAndRefusesTamperedOrExpiredUrls() throws Exception {
        FfmpegTools tools = TestMedia.toolsOrSkip();
        MutableClock clock = new MutableClock(Instant.now());
        try (TestEmulator vod = TestEmulator.start(TestEmulator.config(tmp.resolve("data")), clock)) {
            Path clip = TestMedia.clip(tools, tmp.resolve("clip.mp4"), 320, 180, 1);
            String fileName =
                    vod.upload("in/clip.mp4", Files.readAllBytes(clip)).fileName();

            String runId = start(vod, directUrl(fileName), moe("common", 1, "360p", null))
                    .result()
                    .path("RunId")
                    .asText();
            assertThat(runId).matches("hb:[0-9a-f]{32}");
            JsonNode done = awaitEnd(vod, runId);

            assertThat(done.path("Status").asText()).as(done.toString()).isEqualTo("Success");
            assertThat(done.path("Meta").path("SpaceName").asText()).isEqualTo(TestEmulator.SPACE);
            assertThat(done.path("Meta").path("Trigger").asText()).isEqualTo("API");
            assertThat(done.path("Input").path("DirectUrl").path("FileName").asText())
                    .isEqualTo(fileName);
            JsonNode enhance = done.path("Output").path("Task").path("Enhance");
            String storeUri = enhance.path("StoreUri").asText();
            String output = storeUri.substring(storeUri.indexOf('/') + 1);
            assertThat(output).isEqualTo("enhance/clip_common_" + runId.substring(3) + ".mp4");
            assertThat(enhance.path("VideoStreamMeta").path("Height").asInt()).isEqualTo(360);
            assertThat(enhance.path("VideoStreamMeta").path("Width").asInt()).isEqualTo(640);
            assertThat(enhance.path("AudioStreamMeta").path("Codec").asText()).isEqualTo("aac");
            assertThat(done.path("Report").path("steps").toString()).contains("scale=-2:360");

            VodTestClient.Reply download = vod.download(output);
            assertThat(download.status()).isEqualTo(200);
            assertThat(VodTestClient.md5(download.body()))
                    .isEqualTo(enhance.path("Md5").asText());
            Path fetched = Files.write(tmp.resolve("out.mp4"), download.body());
            ProbeResult probe = new MediaProbe(tools, TestMedia.RUNNER).probe(fetched);
            assertThat(probe.video().height()).isEqualTo(360);
            assertThat(probe.hasAudio()).isTrue();

            String authKey = vod.authKey(output);
            String tampered = authKey.substring(0, authKey.length() - 1) + (authKey.endsWith("0") ? "1" : "0");
            assertThat(vod.client().download("GET", output, tampered, Map.of()).status())
                    .isEqualTo(403);
            clock.advance(Duration.ofMinutes(31));
            assertThat(vod.client().download("GET", output, authKey, Map.of()).status())
                    .isEqualTo(403);
        }
    }

    @Test
    void invalidValuesAndNonVideoInputsEndAsFailedJobsWithTaskCodes() throws Exception {
        TestMedia.toolsOrSkip();
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            String fileName = vod.upload("noise.mp4", new byte[4096]).fileName();

            String badConfig = start(vod, directUrl(fileName), moe("cinema", 1, null, null))
                    .result()
                    .path("RunId")
                    .asText();
            String notVideo = start(vod, directUrl(fileName), moe("ugc", 1, null, null))
                    .result()
                    .path("RunId")
                    .asText();

            JsonNode invalid = awaitEnd(vod, badConfig);
            assertThat(invalid.path("Status").asText()).isEqualTo("Failed");
            assertThat(invalid.path("Code").asText()).isEqualTo("InvalidParameter.InvalidParam");
            assertThat(invalid.path("Message").asText()).contains("Config must be one of");
            JsonNode media = awaitEnd(vod, notVideo);
            assertThat(media.path("Status").asText()).isEqualTo("Failed");
            assertThat(media.path("Code").asText()).isEqualTo("InvalidParameter.InvalidMediaStream");
            assertThat(media.has("Output")).isFalse();
        }
    }

    @Test
    void sixteenBitIsRefusedForSourcesLongerThanFortySeconds() throws Exception {
        FfmpegTools tools = TestMedia.toolsOrSkip();
        Path longClip = tmp.resolve("long.mp4");
        TestMedia.RUNNER.run(FfmpegCommand.of(tools)
                .overwrite()
                .input(FfmpegCommand.Input.lavfi("color=c=gray:size=64x64:rate=2"))
                .output(FfmpegCommand.Output.file(longClip)
                        .duration(41)
                        .videoCodec("libx264")
                        .option("-preset", "ultrafast"))
                .build());
        try (TestEmulator vod = TestEmulator.start(
                TestEmulator.config(tmp.resolve("data"))
                        .newBuilder()
                        .allowPro(true)
                        .build(),
                java.time.Clock.systemUTC())) {
            String fileName =
                    vod.upload("long.mp4", Files.readAllBytes(longClip)).fileName();

            VodTestClient.Reply reply = start(vod, directUrl(fileName), moe("common", 2, null, 16));

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.error().path("Code").asText()).isEqualTo("InvalidParameter");
            assertThat(reply.error().path("Message").asText()).contains("at most 40 s");
        }
    }

    @Test
    void aJobInterruptedByShutdownIsFinishedAfterARestart() throws Exception {
        FfmpegTools tools = TestMedia.toolsOrSkip();
        Path clip = TestMedia.clip(tools, tmp.resolve("clip.mp4"), 320, 180, 1);
        EmulatorConfig config = TestEmulator.config(tmp.resolve("data"));
        String runId;
        try (TestEmulator vod = TestEmulator.start(config, java.time.Clock.systemUTC())) {
            String fileName = vod.upload("clip.mp4", Files.readAllBytes(clip)).fileName();
            runId = start(vod, directUrl(fileName), moe("common", 1, null, null))
                    .result()
                    .path("RunId")
                    .asText();
        }
        try (TestEmulator vod = TestEmulator.start(config, java.time.Clock.systemUTC())) {
            assertThat(awaitEnd(vod, runId).path("Status").asText()).isEqualTo("Success");
        }
    }

    @Test
    void getPlayInfoNeedsPublishedMediaAndSignsItsUrls() throws Exception {
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            byte[] data = "not really a video".getBytes();
            TestEmulator.Grant grant = vod.upload("v.mp4", data);
            String vid = vod.commit(TestEmulator.SPACE, grant.sessionKey(), null)
                    .result()
                    .path("Data")
                    .path("Vid")
                    .asText();

            VodTestClient.Reply unpublished = vod.client().get("GetPlayInfo", "2023-01-01", Map.of("Vid", vid));
            assertThat(unpublished.status()).isEqualTo(400);
            assertThat(unpublished.error().path("Message").asText()).contains("not published");
            vod.client()
                    .get("UpdateMediaPublishStatus", "2023-01-01", Map.of("Vid", vid, "Status", "Published"))
                    .result();
            JsonNode info = vod.client()
                    .get("GetPlayInfo", "2023-01-01", Map.of("Vid", vid))
                    .result();

            JsonNode entry = info.path("PlayInfoList").get(0);
            for (String field : List.of("MainPlayUrl", "BackupPlayUrl")) {
                String url = entry.path(field).asText();
                assertThat(url).contains("auth_key=");
                VodTestClient.Reply body =
                        vod.client().send("GET", url.substring(url.indexOf('/', 7)), Map.of(), new byte[0]);
                assertThat(body.body()).isEqualTo(data);
            }
            assertThat(vod.client()
                            .get("GetPlayInfo", "2023-01-01", Map.of("Vid", "v0nope"))
                            .status())
                    .isEqualTo(404);
        }
    }

    @Test
    void aClientTokenMakesResubmissionAnswerTheSameRunId() throws Exception {
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            String fileName = vod.upload("clip.bin", new byte[] {1, 2, 3}).fileName();
            ObjectNode control = JSON.createObjectNode().put("ClientToken", "token-1");

            String runId = start(vod, directUrl(fileName), moe("common", 1, null, null), control)
                    .result()
                    .path("RunId")
                    .asText();
            VodTestClient.Reply again = start(vod, directUrl(fileName), moe("common", 1, null, null), control);
            VodTestClient.Reply otherJob = start(vod, directUrl(fileName), moe("ugc", 1, null, null), control);

            assertThat(again.result().path("RunId").asText()).isEqualTo(runId);
            assertThat(otherJob.status()).isEqualTo(400);
            assertThat(otherJob.error().path("Message").asText()).contains("token-1", runId);
            String untokened = start(vod, directUrl(fileName), moe("common", 1, null, null))
                    .result()
                    .path("RunId")
                    .asText();
            assertThat(start(vod, directUrl(fileName), moe("common", 1, null, null))
                            .result()
                            .path("RunId")
                            .asText())
                    .isNotEqualTo(untokened);
            assertThat(vod.client()
                            .get("GetExecution", VERSION, Map.of("RunId", runId))
                            .result()
                            .path("Control")
                            .path("ClientToken")
                            .asText())
                    .isEqualTo("token-1");
        }
    }

    private static VodTestClient.Reply start(TestEmulator vod, ObjectNode input, ObjectNode moe) {
        return start(vod, input, moe, null);
    }

    private static VodTestClient.Reply start(TestEmulator vod, ObjectNode input, ObjectNode moe, ObjectNode control) {
        ObjectNode body = JSON.createObjectNode();
        body.set("Input", input);
        if (control != null) {
            body.set("Control", control);
        }
        ObjectNode operation = body.putObject("Operation");
        operation.put("Type", "Task");
        ObjectNode task = operation.putObject("Task");
        task.put("Type", "Enhance");
        ObjectNode enhance = task.putObject("Enhance");
        enhance.put("Type", "Moe");
        enhance.set("MoeEnhance", moe);
        return vod.client().postJson("StartExecution", VERSION, body.toString());
    }

    private static ObjectNode directUrl(String fileName) {
        ObjectNode input = JSON.createObjectNode().put("Type", "DirectUrl");
        input.putObject("DirectUrl").put("FileName", fileName).put("SpaceName", TestEmulator.SPACE);
        return input;
    }

    private static ObjectNode moe(String config, int style, String res, Integer bitDepth) {
        ObjectNode moe = JSON.createObjectNode().put("Config", config);
        moe.putObject("VideoStrategy").put("RepairStyle", style).put("RepairStrength", 0);
        if (res != null || bitDepth != null) {
            ObjectNode target = moe.putObject("Target");
            if (res != null) {
                target.put("Res", res);
            }
            if (bitDepth != null) {
                target.put("BitDepth", bitDepth);
            }
        }
        return moe;
    }

    /** Polls GetExecution (the RunId's colon travels percent-encoded) until the job ends. */
    private static JsonNode awaitEnd(TestEmulator vod, String runId) {
        return await().atMost(DEADLINE)
                .until(
                        () -> vod.client()
                                .get("GetExecution", VERSION, Map.of("RunId", runId))
                                .result(),
                        result -> List.of("Success", "Failed")
                                .contains(result.path("Status").asText()));
    }
}
