package io.vodkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.TestMedia;
import io.vodkit.emulator.restore.DegradedClips;
import io.vodkit.emulator.support.EmulatorTestBase;
import io.vodkit.emulator.support.TestEmulator;
import io.vodkit.emulator.support.TestEmulator.Grant;
import io.vodkit.emulator.support.VodTestClient.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** StartWorkflow at commit and in URL pulls: real templates run by ffmpeg, unknown templates refused. */
class WorkflowTest extends EmulatorTestBase {
    private static final String WORKFLOW = "[{\"Name\":\"GetMeta\"},{\"Name\":\"StartWorkflow\",\"Input\":"
            + "{\"TemplateId\":\"%s\",\"TemplateIds\":[]}}]";

    private Reply commit(Grant grant, String templateId) {
        return vod.commit(TestEmulator.SPACE, grant.sessionKey(), String.format(WORKFLOW, templateId));
    }

    @Test
    void anUnknownTemplateIsRefusedAtCommitAndInAUrlPull() {
        Grant grant = vod.upload("a.mp4", new byte[] {1, 2, 3});

        Reply refused = commit(grant, "nosuch");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error().path("Code").asText()).isEqualTo("InvalidParameter");
        assertThat(refused.error().path("Message").asText()).contains("workflow template nosuch");
        assertThat(vod.commit(TestEmulator.SPACE, grant.sessionKey(), null).status())
                .isEqualTo(200);
        Reply pull = vod.client()
                .postJson(
                        "UploadMediaByUrl",
                        "2023-01-01",
                        "{\"SpaceName\":\"demo\",\"URLSets\":"
                                + "[{\"SourceUrl\":\"http://127.0.0.1:1/a.mp4\",\"TemplateId\":\"nosuch\"}]}");
        assertThat(pull.status()).isEqualTo(400);
        assertThat(pull.error().path("Message").asText()).contains("nosuch");
    }

    @Test
    @Timeout(120)
    void aTranscodeTemplateRunsAfterCommitAndItsOutputGoesWithTheMedia() throws Exception {
        FfmpegTools tools = TestMedia.toolsOrSkip();
        Path clip = new DegradedClips(tools, TestMedia.RUNNER)
                .clean(dataDir.resolveSibling(dataDir.getFileName() + "-clip.mkv"), 320, 240, 1);
        vod.emulator().defineWorkflowTemplate(WorkflowTemplate.parse("small=transcode:144p"));
        Grant grant = vod.upload("clip.mkv", Files.readAllBytes(clip));

        String vid = commit(grant, "small").result().path("Data").path("Vid").asText();

        JsonNode transcode = awaitTranscode(vid, Duration.ofSeconds(90));
        assertThat(transcode.path("VideoStreamMeta").path("Height").asInt()).isEqualTo(144);
        assertThat(transcode.path("VideoStreamMeta").path("Codec").asText()).isEqualTo("h264");
        assertThat(transcode.path("VideoStreamMeta").path("Definition").asText())
                .isEqualTo("240p");
        assertThat(transcode.path("Format").asText()).isEqualTo("mp4");
        String fileName = transcode.path("StoreUri").asText().substring("tos-vod-local-demo/".length());
        assertThat(vod.download(fileName).status()).isEqualTo(200);

        vod.client().get("DeleteMedia", "2023-01-01", Map.of("Vids", vid));

        assertThat(vod.download(fileName).status()).isEqualTo(404);
        Files.deleteIfExists(clip);
    }

    @Test
    @Timeout(120)
    void aRunCutShortByAStopRunsAgainAfterTheRestart() throws Exception {
        FfmpegTools tools = TestMedia.toolsOrSkip();
        Path clip = TestMedia.clip(tools, dataDir.resolveSibling(dataDir.getFileName() + "-clip.mp4"), 320, 180, 10);
        vod.emulator().defineWorkflowTemplate(WorkflowTemplate.parse("big=transcode:720p"));
        String cut = commit(vod.upload("cut.mp4", Files.readAllBytes(clip)), "big")
                .result()
                .path("Data")
                .path("Vid")
                .asText();
        String waiting = commit(vod.upload("waiting.mp4", Files.readAllBytes(clip)), "big")
                .result()
                .path("Data")
                .path("Vid")
                .asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> transcoding(cut));

        vod.close();
        vod = TestEmulator.start(dataDir);

        assertThat(awaitTranscode(cut, Duration.ofSeconds(90))
                        .path("VideoStreamMeta")
                        .path("Height")
                        .asInt())
                .isEqualTo(720);
        assertThat(awaitTranscode(waiting, Duration.ofSeconds(90))
                        .path("VideoStreamMeta")
                        .path("Height")
                        .asInt())
                .as("a run still waiting at the stop runs too")
                .isEqualTo(720);
        Files.deleteIfExists(clip);
    }

    /** Whether ffmpeg is writing the transcode of {@code vid}: its work file (named after the Vid) has bytes. */
    private boolean transcoding(String vid) throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("work"))) {
            return files.anyMatch(file -> file.getFileName().toString().startsWith(vid)
                    && file.toFile().length() > 0);
        }
    }

    private JsonNode awaitTranscode(String vid, Duration timeout) {
        return await().alias("a transcode of " + vid)
                .atMost(timeout)
                .until(
                        () -> vod.client()
                                .get("GetMediaInfos", "2023-01-01", Map.of("Vids", vid))
                                .result()
                                .path("MediaInfoList")
                                .get(0)
                                .path("TranscodeInfos"),
                        transcodes -> transcodes.size() > 0)
                .get(0);
    }
}
