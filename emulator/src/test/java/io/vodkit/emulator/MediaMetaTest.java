package io.vodkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.emulator.media.FfmpegCommand;
import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.media.TestMedia;
import io.vodkit.emulator.support.TestEmulator;
import io.vodkit.emulator.support.VodTestClient;
import io.vodkit.emulator.support.VodTestClient.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CommitUploadInfo's GetMeta and Snapshot on a real clip generated with ffmpeg. */
class MediaMetaTest {
    private static final String FUNCTIONS =
            "[{\"Name\":\"GetMeta\"},{\"Name\":\"Snapshot\",\"Input\":{\"SnapshotTime\":0.5}}]";

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    @Test
    void getMetaReportsFfprobeFieldsAndSnapshotStoresARealJpeg() throws IOException, MediaException {
        FfmpegTools tools = TestMedia.toolsOrSkip();
        byte[] clip = Files.readAllBytes(TestMedia.clip(tools, work.resolve("clip.mp4"), 320, 180, 1.0));
        try (TestEmulator vod = TestEmulator.start(dataDir)) {
            TestEmulator.Grant grant = vod.upload("media/clip.mp4", clip);

            JsonNode data = vod.commit(TestEmulator.SPACE, grant.sessionKey(), FUNCTIONS)
                    .result()
                    .path("Data");

            JsonNode source = data.path("SourceInfo");
            assertThat(source.path("FileType").asText()).isEqualTo("video");
            assertThat(source.path("Codec").asText()).isEqualTo("h264");
            assertThat(source.path("Width").asInt()).isEqualTo(320);
            assertThat(source.path("Height").asInt()).isEqualTo(180);
            assertThat(source.path("Format").asText()).isEqualTo("mp4");
            assertThat(source.path("Definition").asText()).isEqualTo("240p");
            assertThat(source.path("Duration").asDouble()).isCloseTo(1.0, within(0.1));
            assertThat(source.path("Fps").asDouble()).isCloseTo(25.0, within(0.01));
            assertThat(source.path("Bitrate").asLong()).isPositive();
            assertThat(source.path("Size").asLong()).isEqualTo(clip.length);
            assertThat(source.path("Md5").asText()).isEqualTo(VodTestClient.md5(clip));
            assertThat(source.path("StoreUri").asText()).isEqualTo("tos-vod-local-demo/media/clip.mp4");
            assertThat(source.path("FileName").asText()).isEqualTo("media/clip.mp4");
            assertThat(source.path("FileId").asText()).isNotEmpty();
            assertThat(source.path("CreateTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(source.path("TosStorageClass").asText()).isEqualTo("STANDARD");
            JsonNode video = source.path("VideoStreamMeta");
            assertThat(video.path("Codec").asText()).isEqualTo("h264");
            assertThat(video.path("Width").asInt()).isEqualTo(320);
            assertThat(video.path("Height").asInt()).isEqualTo(180);
            assertThat(video.path("Definition").asText()).isEqualTo("240p");
            assertThat(video.path("Fps").asDouble()).isCloseTo(25.0, within(0.01));
            assertThat(video.path("Bitrate").asLong()).isPositive();
            JsonNode audio = source.path("AudioStreamMeta");
            assertThat(audio.path("Codec").asText()).isEqualTo("aac");
            assertThat(audio.path("SampleRate").asInt()).isEqualTo(44100);
            assertThat(audio.path("Duration").asDouble()).isCloseTo(1.0, within(0.1));

            String vid = data.path("Vid").asText();
            String posterUri = data.path("PosterUri").asText();
            assertThat(posterUri).isEqualTo("tos-vod-local-demo/_vodkit/posters/" + vid + ".jpg");
            String posterFile = posterUri.substring(posterUri.indexOf('/') + 1);
            Reply poster = vod.download(posterFile);
            assertThat(poster.status()).isEqualTo(200);
            assertThat(poster.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(Arrays.copyOf(poster.body(), 3)).containsExactly(0xFF, 0xD8, 0xFF);
            Path jpeg = Files.write(work.resolve("poster.jpg"), poster.body());
            assertThat(TestMedia.RUNNER
                            .run(java.util.List.of(
                                    tools.ffprobe().toString(),
                                    "-v",
                                    "error",
                                    "-show_entries",
                                    "stream=width,height",
                                    "-of",
                                    "csv=p=0",
                                    jpeg.toString()))
                            .stdout()
                            .trim())
                    .isEqualTo("320,180");
        }
    }

    @Test
    void withoutFfmpegGetMetaDegradesToStorageFactsAndNoPoster() throws IOException, MediaException {
        FfmpegTools tools = TestMedia.toolsOrSkip();
        byte[] clip = Files.readAllBytes(TestMedia.clip(tools, work.resolve("clip.mp4"), 160, 90, 0.5));
        EmulatorConfig config = TestEmulator.config(dataDir)
                .newBuilder()
                .ffmpeg(dataDir.resolve("no-such-ffmpeg"))
                .build();
        try (TestEmulator vod = TestEmulator.start(config, Clock.systemUTC())) {
            TestEmulator.Grant grant = vod.upload("media/plain.mp4", clip);

            JsonNode data = vod.commit(TestEmulator.SPACE, grant.sessionKey(), FUNCTIONS)
                    .result()
                    .path("Data");

            assertThat(data.path("PosterUri").asText()).isEmpty();
            JsonNode source = data.path("SourceInfo");
            assertThat(source.path("Size").asLong()).isEqualTo(clip.length);
            assertThat(source.path("Md5").asText()).isEqualTo(VodTestClient.md5(clip));
            assertThat(source.path("FileType").asText()).isEqualTo("video");
            assertThat(source.has("Width")).isFalse();
            assertThat(source.has("Codec")).isFalse();
            assertThat(source.has("VideoStreamMeta")).isFalse();
        }
    }

    @Test
    void audioOnlyUploadHasNoPoster() throws IOException, MediaException {
        FfmpegTools tools = TestMedia.toolsOrSkip();
        Path audio = work.resolve("tone.m4a");
        TestMedia.RUNNER.run(FfmpegCommand.of(tools)
                .overwrite()
                .input(FfmpegCommand.Input.lavfi("sine=frequency=440:sample_rate=44100"))
                .output(FfmpegCommand.Output.file(audio).duration(0.5).audioCodec("aac"))
                .build());
        try (TestEmulator vod = TestEmulator.start(dataDir)) {
            TestEmulator.Grant grant = vod.upload("media/tone.m4a", Files.readAllBytes(audio));

            JsonNode data = vod.commit(TestEmulator.SPACE, grant.sessionKey(), FUNCTIONS)
                    .result()
                    .path("Data");

            assertThat(data.path("PosterUri").asText()).isEmpty();
            assertThat(data.path("SourceInfo").path("FileType").asText()).isEqualTo("audio");
            assertThat(data.path("SourceInfo").path("Codec").asText()).isEqualTo("aac");
            assertThat(data.path("SourceInfo").has("Width")).isFalse();
            assertThat(data.path("SourceInfo").has("VideoStreamMeta")).isFalse();
            assertThat(data.path("SourceInfo")
                            .path("AudioStreamMeta")
                            .path("Codec")
                            .asText())
                    .isEqualTo("aac");
        }
    }
}
