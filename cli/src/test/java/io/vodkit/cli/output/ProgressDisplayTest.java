package io.vodkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.vodkit.client.upload.UploadListener;
import io.vodkit.client.upload.UploadProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
    private static final long MIB = 1024 * 1024;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    @Test
    void oneFileDrawsItsBarWithSizeAndRateOnATerminal() {
        try (ProgressDisplay display = ProgressDisplay.forFiles(1, 8 * MIB, errStream, true)) {
            UploadListener bar = display.started(Path.of("movie.mp4"), 8 * MIB);
            bar.onProgress(new UploadProgress(4 * MIB, 8 * MIB));
            bar.onProgress(new UploadProgress(8 * MIB, 8 * MIB));
            display.finished(Path.of("movie.mp4"), 8 * MIB, true);
        }

        String drawn = err.toString(StandardCharsets.UTF_8);
        assertThat(drawn)
                .contains("movie.mp4")
                .contains("100%")
                .contains("8/8")
                .contains("MiB/s")
                .doesNotContain("total");
    }

    @Test
    void aBatchDrawsABarPerFileAndATotalThatCountsFilesAndLeavesOutSkippedBytes() {
        try (ProgressDisplay display = ProgressDisplay.forFiles(3, 12 * MIB, errStream, true)) {
            UploadListener a = display.started(Path.of("a.mp4"), 4 * MIB);
            UploadListener b = display.started(Path.of("b.mov"), 4 * MIB);
            a.onProgress(new UploadProgress(4 * MIB, 4 * MIB));
            b.onProgress(new UploadProgress(2 * MIB, 4 * MIB));
            display.finished(Path.of("a.mp4"), 4 * MIB, true);
            display.finished(Path.of("c.wav"), 4 * MIB, false);
            b.onProgress(new UploadProgress(4 * MIB, 4 * MIB));
            display.printAbove(() -> errStream.print("RESULT LINE\n"));
            display.finished(Path.of("b.mov"), 4 * MIB, true);
        }

        String drawn = err.toString(StandardCharsets.UTF_8);
        assertThat(drawn)
                .contains("a.mp4")
                .contains("b.mov")
                .contains("RESULT LINE")
                .contains("\033[")
                .contains("MiB/s");
        String last = drawn.substring(drawn.lastIndexOf("total"));
        assertThat(last).contains("100%").contains("8/8").contains("3/3 files");
    }

    @Test
    void staysSilentWhenStderrIsNotATerminal() {
        try (ProgressDisplay display = ProgressDisplay.forFiles(2, 16 * MIB, errStream, false)) {
            display.started(Path.of("movie.mp4"), 8 * MIB).onProgress(new UploadProgress(8 * MIB, 8 * MIB));
            display.finished(Path.of("movie.mp4"), 8 * MIB, true);
            display.printAbove(() -> {});
        }

        assertThat(err.size()).isZero();
    }
}
