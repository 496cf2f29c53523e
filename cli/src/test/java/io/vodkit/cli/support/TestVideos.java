package io.vodkit.cli.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.media.MediaProbe;
import io.vodkit.emulator.media.ProbeResult;
import io.vodkit.emulator.media.ProcessRunner;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tiny test clips made with ffmpeg at test time, ffprobe facts, Y-PSNR, and downloads to a file. */
public final class TestVideos {
    private static final ProcessRunner RUNNER = new ProcessRunner(Duration.ofSeconds(60));
    private static final Pattern PSNR_Y = Pattern.compile("PSNR y:([0-9.]+|inf)");

    private final FfmpegTools tools;

    private TestVideos(FfmpegTools tools) {
        this.tools = tools;
    }

    /** ffmpeg and ffprobe from PATH; skips the calling test when they are absent. */
    public static TestVideos orSkip() {
        Optional<FfmpegTools> tools = FfmpegTools.locate(null);
        assumeTrue(tools.isPresent(), "ffmpeg/ffprobe not on PATH");
        return new TestVideos(tools.get());
    }

    /** A lossless 320×180 {@code testsrc2} clip with a sine track, in Matroska. */
    public Path clean(Path out, double seconds) throws MediaException {
        ffmpeg("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25", "-f", "lavfi",
                "-i", "sine=frequency=440:sample_rate=44100", "-t", String.valueOf(seconds), "-c:v", "libx264",
                "-qp", "0", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-f", "matroska",
                out.toString());
        return out;
    }

    /** {@code clean} with temporal noise, H.264 CRF 14 in MP4 (audio copied). */
    public Path noisy(Path clean, Path out) throws MediaException {
        ffmpeg("-i", clean.toString(), "-vf", "noise=alls=20:allf=t", "-c:v", "libx264", "-preset", "veryfast",
                "-crf", "14", "-pix_fmt", "yuv420p", "-c:a", "copy", "-f", "mp4", out.toString());
        return out;
    }

    /** Mean Y-PSNR (dB) of {@code video} against {@code reference}, scaled to the reference's size. */
    public double psnr(Path video, Path reference) throws MediaException {
        String log = RUNNER.run(List.of(tools.ffmpeg().toString(), "-nostdin", "-v", "info", "-nostats",
                "-i", video.toString(), "-i", reference.toString(), "-lavfi",
                "[0:v]setpts=PTS-STARTPTS,format=yuv420p[a];[1:v]setpts=PTS-STARTPTS,format=yuv420p[r];"
                        + "[a][r]scale2ref=flags=bicubic[as][rs];[as][rs]psnr", "-f", "null", "-")).stderrTail();
        Matcher m = PSNR_Y.matcher(log);
        if (!m.find()) {
            throw new AssertionError("no PSNR in ffmpeg output: " + log);
        }
        return "inf".equals(m.group(1)) ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
    }

    public ProbeResult probe(Path file) throws MediaException {
        return new MediaProbe(tools, RUNNER).probe(file);
    }

    /** GETs {@code url} into {@code file}; returns the HTTP status (the file holds the body only on 200). */
    public static int download(String url, Path file) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() == 200) {
                Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return response.statusCode();
    }

    private void ffmpeg(String... args) throws MediaException {
        List<String> cmd = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-nostdin", "-v", "error", "-y"));
        cmd.addAll(List.of(args));
        RUNNER.run(cmd);
    }
}
