package io.vodkit.emulator.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnapshotterTest {

    @TempDir
    Path dir;

    @Test
    void buildsTheFfmpegCommand() {
        Snapshotter snapshotter =
                new Snapshotter(new FfmpegTools(Path.of("/ff/ffmpeg"), Path.of("/ff/ffprobe")), TestMedia.RUNNER);

        assertThat(snapshotter.command(Path.of("/in.mp4"), 1.25, Path.of("/out.jpg")))
                .isEqualTo(List.of(
                        "/ff/ffmpeg",
                        "-nostdin",
                        "-v",
                        "error",
                        "-y",
                        "-ss",
                        "1.250",
                        "-i",
                        "/in.mp4",
                        "-frames:v",
                        "1",
                        "-q:v",
                        "2",
                        "-f",
                        "image2",
                        "-update",
                        "1",
                        "/out.jpg"));
    }

    @ParameterizedTest
    @CsvSource({
        "1.0, 2.0, 25, 1.0",
        "5.0, 2.0, 25, 1.9",
        "5.0, 2.0, 5, 1.8",
        "-1, 2.0, 25, 0",
        "3.0, 0, 0, 0",
        "NaN, 2.0, 25, 0"
    })
    void clampsIntoTheDuration(double at, double duration, double fps, double expected) {
        assertThat(Snapshotter.clamp(at, duration, fps)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void writesADecodableJpeg() throws MediaException, IOException {
        FfmpegTools tools = TestMedia.toolsOrSkip();
        Path clip = TestMedia.clip(tools, dir.resolve("clip.mp4"), 320, 180, 2);
        Path jpeg = dir.resolve("poster.jpg");

        new Snapshotter(tools, TestMedia.RUNNER).snapshot(clip, 99, jpeg);

        BufferedImage image = ImageIO.read(jpeg.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(180);
    }

    @Test
    void refusesAudioOnlyInput() throws MediaException {
        FfmpegTools tools = TestMedia.toolsOrSkip();
        Path audio = dir.resolve("tone.m4a");
        TestMedia.RUNNER.run(FfmpegCommand.of(tools)
                .input(FfmpegCommand.Input.lavfi("sine=frequency=440"))
                .output(FfmpegCommand.Output.file(audio).duration(1).audioCodec("aac"))
                .build());

        assertThatThrownBy(() -> new Snapshotter(tools, TestMedia.RUNNER).snapshot(audio, 0, dir.resolve("x.jpg")))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("no video stream");
    }
}
