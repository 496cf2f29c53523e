package io.vodkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.vodkit.client.upload.UploadProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void drawsABarWithSizeAndRateOnATerminal() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ProgressDisplay bar = ProgressDisplay.forUpload("movie.mp4", 8 * MIB,
                new PrintStream(err, true, StandardCharsets.UTF_8), true)) {
            bar.onProgress(new UploadProgress(4 * MIB, 8 * MIB));
            bar.onProgress(new UploadProgress(8 * MIB, 8 * MIB));
        }

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("movie.mp4").contains("100%").contains("8/8")
                .contains("MiB");
    }

    @Test
    void staysSilentWhenStderrIsNotATerminal() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ProgressDisplay bar = ProgressDisplay.forUpload("movie.mp4", 8 * MIB,
                new PrintStream(err, true, StandardCharsets.UTF_8), false)) {
            bar.onProgress(new UploadProgress(8 * MIB, 8 * MIB));
        }

        assertThat(err.size()).isZero();
    }
}
