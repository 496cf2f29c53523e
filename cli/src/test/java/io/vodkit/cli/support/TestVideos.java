package io.vodkit.cli.support;

import io.vodkit.emulator.media.FfmpegCommand;
import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.media.MediaProbe;
import io.vodkit.emulator.media.ProbeResult;
import io.vodkit.emulator.media.ProcessRunner;
import io.vodkit.emulator.restore.DegradedClips;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Tiny test clips made with ffmpeg at test time (by the emulator tests' {@link DegradedClips}), ffprobe facts, Y-PSNR,
 * and downloads to a file.
 */
public final class TestVideos {
    private static final ProcessRunner RUNNER = new ProcessRunner(Duration.ofSeconds(60));

    private final FfmpegTools tools;
    private final DegradedClips clips;

    private TestVideos(FfmpegTools tools) {
        this.tools = tools;
        this.clips = new DegradedClips(tools, RUNNER);
    }

    /** ffmpeg and ffprobe from PATH; skips the calling test when they are absent (the emulator tests' rule). */
    public static TestVideos orSkip() {
        return new TestVideos(io.vodkit.emulator.media.TestMedia.toolsOrSkip());
    }

    /** A lossless 320×180 {@code testsrc2} clip with a sine track, in Matroska. */
    public Path clean(Path out, double seconds) throws MediaException {
        return clips.clean(out, 320, 180, seconds);
    }

    /** {@code clean} with temporal noise, H.264 CRF 14 in MP4 (audio copied). */
    public Path noisy(Path clean, Path out) throws MediaException {
        return clips.noisy(clean, out, 20, 14);
    }

    /** {@code clean} scaled to {@code height} lines (bicubic), near-lossless H.264 in MP4. */
    public Path scaled(Path clean, Path out, int height) throws MediaException {
        return clips.lowRes(clean, out, height);
    }

    /** {@code clean} as H.264 at {@code crf}, in MP4. */
    public Path compressed(Path clean, Path out, int crf) throws MediaException {
        return clips.compressed(clean, out, crf);
    }

    /** A 320×180 clip of other content ({@code mandelbrot}), H.264 in MP4, no audio. */
    public Path otherContent(Path out, double seconds) throws MediaException {
        RUNNER.run(FfmpegCommand.of(tools)
                .overwrite()
                .input(FfmpegCommand.Input.lavfi("mandelbrot=size=320x180:rate=25"))
                .output(FfmpegCommand.Output.file(out)
                        .duration(seconds)
                        .videoCodec("libx264")
                        .option("-preset", "ultrafast")
                        .pixelFormat("yuv420p")
                        .format("mp4"))
                .build());
        return out;
    }

    /** Mean Y-PSNR (dB) of {@code video} against {@code reference}, scaled to the reference's size. */
    public double psnr(Path video, Path reference) throws MediaException {
        return clips.psnr(video, reference);
    }

    public ProbeResult probe(Path file) throws MediaException {
        return new MediaProbe(tools, RUNNER).probe(file);
    }

    /** GETs {@code url} into {@code file}; returns the HTTP status (the file holds the body only on 200). */
    public static int download(String url, Path file) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> response =
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() == 200) {
                Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return response.statusCode();
    }
}
