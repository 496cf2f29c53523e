package io.vodkit.emulator.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FfmpegCommandTest {
    private static final FfmpegTools TOOLS = new FfmpegTools(Path.of("/ff/ffmpeg"), Path.of("/ff/ffprobe"));

    @Test
    void aGeneratedSourceIsALavfiInputAndDurationLimitsTheOutput() {
        assertThat(FfmpegCommand.of(TOOLS)
                        .overwrite()
                        .input(FfmpegCommand.Input.lavfi("sine=frequency=440"))
                        .output(FfmpegCommand.Output.file(Path.of("/t.m4a"))
                                .duration(0.5)
                                .audioCodec("aac"))
                        .build())
                .containsExactly(
                        "/ff/ffmpeg",
                        "-nostdin",
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=440",
                        "-t",
                        "0.500",
                        "-c:a",
                        "aac",
                        "/t.m4a");
    }

    @Test
    void aCommandNeedsAnInputAndAnOutput() {
        assertThatThrownBy(() -> FfmpegCommand.of(TOOLS)
                        .input(FfmpegCommand.Input.lavfi("sine"))
                        .build())
                .isInstanceOf(IllegalStateException.class);
    }
}
