package io.vodkit.emulator.media;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Finds ffmpeg for tests (skipping when absent) and generates tiny test clips with it. */
public final class TestMedia {

    public static final ProcessRunner RUNNER = new ProcessRunner(Duration.ofSeconds(60));

    private TestMedia() {}

    /**
     * The tools on PATH; aborts the calling test (as skipped) when ffmpeg or ffprobe is absent, or fails it when
     * {@code VODKIT_TEST_REQUIRE_FFMPEG} is set (CI sets it, so no media test is skipped there unnoticed).
     */
    public static FfmpegTools toolsOrSkip() {
        Optional<FfmpegTools> tools = FfmpegTools.locate(null);
        String message = "ffmpeg/ffprobe not on PATH";
        if (System.getenv("VODKIT_TEST_REQUIRE_FFMPEG") != null) {
            assertTrue(tools.isPresent(), message + " (VODKIT_TEST_REQUIRE_FFMPEG is set)");
        }
        assumeTrue(tools.isPresent(), message);
        return tools.get();
    }

    /** A {@code testsrc2} clip with a sine audio track, H.264 at a near-lossless CRF, in MP4. */
    public static Path clip(FfmpegTools tools, Path out, int width, int height, double seconds) throws MediaException {
        RUNNER.run(FfmpegCommand.of(tools)
                .overwrite()
                .input(FfmpegCommand.Input.lavfi("testsrc2=size=" + width + "x" + height + ":rate=25"))
                .input(FfmpegCommand.Input.lavfi("sine=frequency=440:sample_rate=44100"))
                .output(FfmpegCommand.Output.file(out)
                        .duration(seconds)
                        .videoCodec("libx264")
                        .option("-preset", "veryfast")
                        .option("-crf", "10")
                        .pixelFormat("yuv420p")
                        .audioCodec("aac")
                        .option("-b:a", "96k")
                        .flag("-shortest"))
                .build());
        return out;
    }
}
