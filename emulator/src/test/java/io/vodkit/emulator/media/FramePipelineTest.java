package io.vodkit.emulator.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FramePipelineTest {

    private static final UnaryOperator<FfmpegCommand.Output> LOSSLESS = out -> out.map("0:v:0")
            .map("1:a:0?")
            .videoCodec("libx264")
            .option("-qp", "0")
            .option("-preset", "ultrafast")
            .pixelFormat("yuv420p")
            .audioCodec("copy")
            .format("matroska");

    @TempDir
    Path dir;

    @Test
    void buildsDecoderAndEncoderCommands() {
        FramePipeline pipeline =
                new FramePipeline(new FfmpegTools(Path.of("/ff/ffmpeg"), Path.of("/ff/ffprobe")), TestMedia.RUNNER);
        VideoStreamInfo video = new VideoStreamInfo("h264", 320, 180, 30000.0 / 1001, 0, "yuv420p", 8, 0);

        assertThat(pipeline.decodeCommand(Path.of("/in.mp4")))
                .containsExactly(
                        "/ff/ffmpeg",
                        "-nostdin",
                        "-v",
                        "error",
                        "-noautorotate",
                        "-i",
                        "/in.mp4",
                        "-map",
                        "0:v:0",
                        "-fps_mode",
                        "passthrough",
                        "-f",
                        "rawvideo",
                        "-pix_fmt",
                        "yuv420p",
                        "pipe:1");
        assertThat(pipeline.encodeCommand(
                        Path.of("/in.mp4"), video, 0, out -> out.videoCodec("ffv1"), Path.of("/out.mkv")))
                .containsExactly(
                        "/ff/ffmpeg",
                        "-nostdin",
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "rawvideo",
                        "-pix_fmt",
                        "yuv420p",
                        "-s",
                        "320x180",
                        "-framerate",
                        "29.97003",
                        "-i",
                        "pipe:0",
                        "-i",
                        "/in.mp4",
                        "-c:v",
                        "ffv1",
                        "/out.mkv");
        assertThat(pipeline.encodeCommand(Path.of("/in.mp4"), video, 0.5, out -> out, Path.of("/out.mkv")))
                .containsSubsequence("-framerate", "29.97003", "-itsoffset", "0.500000", "-i", "pipe:0");
    }

    @ParameterizedTest
    @CsvSource({"25, 25", "29.97002997, 29.97003", "0, 25", "12.5, 12.5"})
    void formatsTheFrameRate(double fps, String expected) {
        assertThat(FramePipeline.frameRate(fps)).isEqualTo(expected);
    }

    @Test
    void changesEveryFrameInOrderAndKeepsTheAudio() throws MediaException {
        FfmpegTools tools = TestMedia.toolsOrSkip();
        Path clip = TestMedia.clip(tools, dir.resolve("clip.mp4"), 320, 180, 2);
        ProbeResult source = new MediaProbe(tools, TestMedia.RUNNER).probe(clip);
        FramePipeline pipeline = new FramePipeline(tools, TestMedia.RUNNER);
        List<String> neighbours = new ArrayList<>();
        Path out = dir.resolve("grey.mkv");

        long frames = pipeline.run(
                clip,
                source.video(),
                (previous, current, next) -> {
                    neighbours.add((previous == null ? "-" : "p") + (next == null ? "-" : "n"));
                    Arrays.fill(current.luma(), (byte) 200);
                },
                LOSSLESS,
                out);

        assertThat(frames).isEqualTo(50);
        assertThat(neighbours).hasSize(50).startsWith("-n").endsWith("p-");
        assertThat(neighbours.subList(1, 49)).containsOnly("pn");
        ProbeResult result = new MediaProbe(tools, TestMedia.RUNNER).probe(out);
        assertThat(result.video().width()).isEqualTo(320);
        assertThat(result.audio()).isNotNull();
        assertThat(result.durationSeconds()).isCloseTo(2.0, within(0.1));
        List<Double> means = new ArrayList<>();
        pipeline.run(
                out,
                result.video(),
                (previous, current, next) -> means.add(mean(current.luma())),
                decoded -> decoded.map("0:v:0").format("null"),
                Path.of("-"));
        assertThat(means).hasSize(50).allSatisfy(mean -> assertThat(mean).isCloseTo(200, within(0.5)));
    }

    @Test
    void keepsALateVideoStartInSyncWithTheAudio() throws MediaException {
        FfmpegTools tools = TestMedia.toolsOrSkip();
        Path late = dir.resolve("late.mkv");
        TestMedia.RUNNER.run(FfmpegCommand.of(tools)
                .input(FfmpegCommand.Input.lavfi("testsrc2=size=160x90:rate=25").option("-itsoffset", "0.5"))
                .input(FfmpegCommand.Input.lavfi("sine"))
                .output(FfmpegCommand.Output.file(late)
                        .duration(2)
                        .videoCodec("libx264")
                        .option("-preset", "ultrafast")
                        .audioCodec("pcm_s16le"))
                .build());
        MediaProbe probe = new MediaProbe(tools, TestMedia.RUNNER);
        Path out = dir.resolve("out.mkv");

        new FramePipeline(tools, TestMedia.RUNNER).run(late, probe.probe(late).video(), (p, c, n) -> {}, LOSSLESS, out);

        double delay = probe.videoStartDelaySeconds(late);
        assertThat(delay).isBetween(0.45, 0.6);
        assertThat(probe.videoStartDelaySeconds(out)).isCloseTo(delay, within(0.01));
    }

    @Test
    void encoderFailureIsReportedWithoutHanging() throws MediaException {
        FfmpegTools tools = TestMedia.toolsOrSkip();
        Path clip = TestMedia.clip(tools, dir.resolve("clip.mp4"), 320, 180, 2);
        VideoStreamInfo video =
                new MediaProbe(tools, TestMedia.RUNNER).probe(clip).video();

        assertThatThrownBy(() -> new FramePipeline(tools, TestMedia.RUNNER)
                        .run(
                                clip,
                                video,
                                (p, c, n) -> {},
                                out -> out.videoCodec("no_such_encoder"),
                                dir.resolve("out.mkv")))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("ffmpeg exited with status");
    }

    private static double mean(byte[] plane) {
        long sum = 0;
        for (byte b : plane) {
            sum += b & 0xFF;
        }
        return (double) sum / plane.length;
    }
}
