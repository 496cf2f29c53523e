package io.vodkit.emulator.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe path run against ffprobe output recorded from a real 2 s 320×180 testsrc2 clip (H.264 + AAC), with
 * ffmpeg and ffprobe pointing nowhere: the commands come from the builders and the parsing is the production code's,
 * so this runs on a machine without ffmpeg.
 */
class RecordedProbeTest {

    private static final FfmpegTools NOWHERE =
            new FfmpegTools(Path.of("/nonexistent/ffmpeg"), Path.of("/nonexistent/ffprobe"));

    @TempDir
    Path dir;

    @Test
    void probesCountsAndTimesAClipFromRecordedOutput() throws IOException, MediaException {
        Path clip = Files.createFile(dir.resolve("clip.mp4"));
        MediaProbe commands = new MediaProbe(NOWHERE, (command, stdin, stdout) -> {
            throw new AssertionError("not run");
        });
        ReplayRunner runner = new ReplayRunner()
                .answer(commands.command(clip), "testsrc2-320x180-2s.probe.json")
                .answer(commands.startCommand(clip), "testsrc2-320x180-2s.start.json")
                .answer(commands.countCommand(clip), "testsrc2-320x180-2s.count.csv");
        MediaProbe probe = new MediaProbe(NOWHERE, runner);

        ProbeResult info = probe.probe(clip);

        assertThat(info.formatName()).contains("mp4");
        assertThat(info.durationSeconds()).isBetween(1.99, 2.1);
        assertThat(info.video())
                .isEqualTo(
                        new VideoStreamInfo("h264", 320, 180, 25, info.video().bitRate(), "yuv420p", 8, 50));
        assertThat(info.video().bitRate()).isPositive();
        assertThat(info.audio().codec()).isEqualTo("aac");
        assertThat(probe.videoFrames(clip, info)).isEqualTo(50);
        assertThat(probe.countVideoFrames(clip)).isEqualTo(50);
        assertThat(probe.videoStartDelaySeconds(clip)).isZero();
        assertThat(runner.seen())
                .allSatisfy(command -> assertThat(ReplayRunner.binary(command)).isEqualTo("ffprobe"))
                .hasSize(3);
    }

    @Test
    void aCommandWithoutARecordingFails() throws IOException {
        Path clip = Files.createFile(dir.resolve("clip.mp4"));

        assertThatThrownBy(() -> new MediaProbe(NOWHERE, new ReplayRunner()).probe(clip))
                .isInstanceOf(MediaException.class)
                .hasMessageStartingWith("no recording for [/nonexistent/ffprobe");
    }
}
