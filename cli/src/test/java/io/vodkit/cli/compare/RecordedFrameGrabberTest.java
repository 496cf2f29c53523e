package io.vodkit.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.media.ReplayRunner;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frame grab of {@code compare} run against ffmpeg output recorded from a real 2 s 320×180 testsrc2 clip (H.264 +
 * AAC), scaled to 16×9 rgb24, with ffmpeg pointing nowhere: the command comes from the builder and the decoding is the
 * production code's, so this runs on a machine without ffmpeg. At 5 s, past the end, the real ffmpeg printed nothing.
 */
class RecordedFrameGrabberTest {
    private static final FfmpegTools NOWHERE =
            new FfmpegTools(Path.of("/nonexistent/ffmpeg"), Path.of("/nonexistent/ffprobe"));
    private static final String CLIP = "testsrc2-320x180-2s.frame-16x9-at-";

    @TempDir
    Path dir;

    private final FrameGrabber commands = new FrameGrabber(NOWHERE, (command, stdin, stdout) -> {
        throw new AssertionError("not run");
    });

    @Test
    void decodesTheRecordedFrameRowByRow() throws IOException, MediaException {
        Path clip = Files.createFile(dir.resolve("clip.mp4"));
        ReplayRunner runner = new ReplayRunner().answer(commands.command(clip, 1, 16, 9), CLIP + "1s.rgb24");

        BufferedImage frame = new FrameGrabber(NOWHERE, runner).grab(clip, 1, 16, 9);

        assertRecorded(frame, CLIP + "1s.rgb24");
        assertThat(runner.seen())
                .singleElement()
                .satisfies(command -> assertThat(command)
                        .startsWith(
                                "/nonexistent/ffmpeg", "-nostdin", "-v", "error", "-ss", "1.000", "-i", clip.toString())
                        .endsWith("-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"));
    }

    @Test
    void aMomentPastTheEndFallsBackToTheFirstFrame() throws IOException, MediaException {
        Path clip = Files.createFile(dir.resolve("clip.mp4"));
        ReplayRunner runner = new ReplayRunner()
                .answer(commands.command(clip, 5, 16, 9), CLIP + "5s.rgb24")
                .answer(commands.command(clip, 0, 16, 9), CLIP + "0s.rgb24");

        BufferedImage frame = new FrameGrabber(NOWHERE, runner).grab(clip, 5, 16, 9);

        assertRecorded(frame, CLIP + "0s.rgb24");
        assertThat(runner.seen()).containsExactly(commands.command(clip, 5, 16, 9), commands.command(clip, 0, 16, 9));
    }

    @Test
    void noFrameAtAllIsAnError() throws IOException {
        Path clip = Files.createFile(dir.resolve("clip.mp4"));
        ReplayRunner runner = new ReplayRunner().answer(commands.command(clip, 0, 16, 9), CLIP + "5s.rgb24");

        assertThatThrownBy(() -> new FrameGrabber(NOWHERE, runner).grab(clip, 0, 16, 9))
                .isInstanceOf(MediaException.class)
                .hasMessage("no frame decodes from " + clip);
    }

    private static void assertRecorded(BufferedImage frame, String resource) throws IOException {
        byte[] rgb;
        try (InputStream in = RecordedFrameGrabberTest.class.getResourceAsStream("/recorded/" + resource)) {
            rgb = in.readAllBytes();
        }
        assertThat(rgb).hasSize(16 * 9 * 3);
        assertThat(frame.getWidth()).isEqualTo(16);
        assertThat(frame.getHeight()).isEqualTo(9);
        for (int i = 0; i < 16 * 9; i++) {
            int expected = (rgb[3 * i] & 0xFF) << 16 | (rgb[3 * i + 1] & 0xFF) << 8 | (rgb[3 * i + 2] & 0xFF);
            assertThat(frame.getRGB(i % 16, i / 16) & 0xFFFFFF)
                    .as("pixel %d", i)
                    .isEqualTo(expected);
        }
    }
}
