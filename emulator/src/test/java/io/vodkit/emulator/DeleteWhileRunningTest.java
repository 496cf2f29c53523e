package io.vodkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.TestMedia;
import io.vodkit.emulator.support.TestEmulator;
import io.vodkit.emulator.support.TestEmulator.Grant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * DeleteMedia while a restoration or a workflow run still reads the media: the run stops (its ffmpeg is killed,
 * not left to finish) and what it would have stored is never stored, so no bytes outlive the media.
 */
class DeleteWhileRunningTest {
    @TempDir
    Path dataDir;

    /** Pro restorations allowed: Pro interpolates frames by motion, which keeps ffmpeg busy for minutes. */
    TestEmulator vod;

    @BeforeEach
    void start() throws IOException {
        vod = TestEmulator.start(
                TestEmulator.config(dataDir).newBuilder().allowPro(true).build(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        vod.close();
    }

    private static final String FUNCTIONS = "[{\"Name\":\"GetMeta\"}%s]";
    private static final String WORKFLOW = ",{\"Name\":\"StartWorkflow\",\"Input\":{\"TemplateId\":\"%s\"}}";

    private String commit(String name, Path clip, String templateId) throws Exception {
        Grant grant = vod.upload(name, Files.readAllBytes(clip));
        String functions = String.format(FUNCTIONS, templateId == null ? "" : String.format(WORKFLOW, templateId));
        return vod.commit(TestEmulator.SPACE, grant.sessionKey(), functions)
                .result()
                .path("Data")
                .path("Vid")
                .asText();
    }

    @Test
    @Timeout(120)
    void deletingTheMediaStopsItsRestorationWhichFailsAndStoresNothing() throws Exception {
        FfmpegTools tools = TestMedia.toolsOrSkip();
        Path clip = TestMedia.clip(tools, dataDir.resolveSibling(dataDir.getFileName() + "-clip.mp4"), 320, 180, 10);
        String vid = commit("long.mp4", clip, null);
        String runId = vod.startExecution(
                        vid,
                        "{\"Config\":\"common\",\"VideoStrategy\":{\"RepairStyle\":2},"
                                + "\"Target\":{\"Res\":\"1080p\",\"Fps\":60}}")
                .result()
                .path("RunId")
                .asText();
        // the step that writes the restored file is the long one; without a cancel it runs to its end
        ProcessHandle encoding = await().atMost(Duration.ofSeconds(60))
                .until(this::ffmpegWritingTheRestoredFile, Optional::isPresent)
                .get();
        assertThat(execution(runId).path("Status").asText()).isEqualTo("Running");

        vod.client().get("DeleteMedia", "2023-01-01", Map.of("Vids", vid));

        await().alias("the restoration's ffmpeg is killed")
                .atMost(Duration.ofSeconds(5))
                .until(() -> !encoding.isAlive());

        JsonNode done = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> execution(runId),
                        job -> job.path("Status").asText().equals("Failed"));
        assertThat(done.path("Code").asText()).isEqualTo("InvalidParameter.InvalidUriError");
        assertThat(done.path("Message").asText()).isEqualTo("the source was deleted while it was being restored");
        assertThat(done.has("Output")).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> ffmpegRuns().count() == 0);
        assertThat(UploadRecoveryTest.files(dataDir.resolve("objects")))
                .as("neither the source nor an output is left")
                .isEmpty();
        assertThat(UploadRecoveryTest.files(dataDir.resolve("work"))).isEmpty();
        Files.deleteIfExists(clip);
    }

    @Test
    @Timeout(120)
    void deletingTheMediaStopsItsWorkflowRunAndNoTranscodeIsLeft() throws Exception {
        FfmpegTools tools = TestMedia.toolsOrSkip();
        Path longClip =
                TestMedia.clip(tools, dataDir.resolveSibling(dataDir.getFileName() + "-long.mp4"), 320, 180, 60);
        Path shortClip =
                TestMedia.clip(tools, dataDir.resolveSibling(dataDir.getFileName() + "-short.mp4"), 320, 180, 1);
        vod.emulator().defineWorkflowTemplate(WorkflowTemplate.parse("big=transcode:1080p"));
        String deleted = commit("long.mp4", longClip, "big");
        ProcessHandle transcoding = await().atMost(Duration.ofSeconds(30))
                .until(() -> ffmpegWriting(deleted), Optional::isPresent)
                .get();

        vod.client().get("DeleteMedia", "2023-01-01", Map.of("Vids", deleted));

        await().alias("the workflow's ffmpeg is killed")
                .atMost(Duration.ofSeconds(5))
                .until(() -> !transcoding.isAlive());
        // runs go one at a time in order, so this one's transcode shows once the deleted one's run is over
        String kept = commit("short.mp4", shortClip, "big");

        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> vod.client()
                                .get("GetMediaInfos", "2023-01-01", Map.of("Vids", kept))
                                .result()
                                .path("MediaInfoList")
                                .path(0)
                                .path("TranscodeInfos")
                                .size(),
                        size -> size == 1);
        assertThat(UploadRecoveryTest.files(dataDir.resolve("objects")))
                .as("the kept media and its transcode, nothing of the deleted one")
                .hasSize(2);
        assertThat(vod.download("_vodkit/transcodes/" + deleted + "/big.mp4").status())
                .isEqualTo(404);
        Files.deleteIfExists(longClip);
        Files.deleteIfExists(shortClip);
    }

    private JsonNode execution(String runId) {
        return vod.client()
                .get("GetExecution", "2025-07-01", Map.of("RunId", runId))
                .result();
    }

    /** ffmpeg processes this test JVM (the emulator runs in it) has started and that still run. */
    /** This test's emulator's ffmpeg runs: those naming its data folder (other test classes run beside it). */
    private Stream<ProcessHandle> ffmpegRuns() {
        return ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("ffmpeg")).orElse(false))
                .filter(p -> Arrays.stream(p.info().arguments().orElse(new String[0]))
                        .anyMatch(argument -> argument.contains(dataDir.toString())));
    }

    /** The running ffmpeg that writes a restored file (the restorer writes it as {@code *.part} first). */
    private Optional<ProcessHandle> ffmpegWritingTheRestoredFile() {
        return ffmpegWriting(".part");
    }

    /**
     * A running ffmpeg whose output file (an argument) contains {@code text} and has bytes: it has opened its input
     * and encodes, so deleting the input now cannot make it fail by itself.
     */
    private Optional<ProcessHandle> ffmpegWriting(String text) {
        return ffmpegRuns()
                .filter(p -> Arrays.stream(p.info().arguments().orElse(new String[0]))
                        .filter(argument -> argument.contains(text))
                        .map(Path::of)
                        .anyMatch(output -> output.toFile().length() > 0))
                .findFirst();
    }
}
