package io.vodkit.cli.compare;

import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.emulator.media.ComparisonJson;
import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.ProcessRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A whole comparison: measure and score ({@link Comparer}), then, when asked, write the picture (PNG or HTML). Used
 * by {@code vodkit compare}, {@code enhance --compare} and the MCP {@code enhance_video} tool.
 */
public final class CompareJob {
    /** Moments shown in the picture unless {@code --frames} says otherwise. */
    public static final int DEFAULT_FRAMES = 4;

    public static final int MAX_FRAMES = 12;
    /** The longest one ffmpeg run of a comparison may take. */
    static final Duration PROCESS_TIMEOUT = Duration.ofMinutes(10);

    private final Comparer comparer;
    private final MomentSampler sampler;

    public CompareJob(FfmpegTools tools) {
        ProcessRunner runner = new ProcessRunner(PROCESS_TIMEOUT);
        this.comparer = new Comparer(tools, runner);
        this.sampler = new MomentSampler(tools, runner);
    }

    /** ffmpeg and ffprobe, or a clear error naming what to install or set. */
    public static FfmpegTools tools(Optional<Path> configuredFfmpeg) {
        return FfmpegTools.locate(configuredFfmpeg.orElse(null))
                .orElseThrow(() -> new CliException(
                        ExitCodes.FAILED,
                        "compare needs ffmpeg and ffprobe: install ffmpeg"
                                + configuredFfmpeg
                                        .map(p -> " (VODKIT_FFMPEG=" + p + " is not an executable ffmpeg)")
                                        .orElse(" or set VODKIT_FFMPEG to its path"),
                        Map.of(),
                        null));
    }

    /**
     * Checks a picture path before any work: it must end in {@code .png} or {@code .html}.
     *
     * @throws CliException (invalid input) otherwise
     */
    public static Path checkPicturePath(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".html") && !name.endsWith(".htm")) {
            throw CliException.invalidInput("--out must name a .png or .html file; got '" + out.getFileName() + "'");
        }
        return out;
    }

    /** A number of moments in range, or a clear error. */
    public static int checkFrames(int frames) {
        if (frames < 1 || frames > MAX_FRAMES) {
            throw CliException.invalidInput("--frames must be 1 to " + MAX_FRAMES + "; got " + frames);
        }
        return frames;
    }

    /**
     * Compares, writes the picture to {@code out} when it is not {@code null}, and returns the JSON line.
     *
     * @param reference the clean original, or {@code null}
     */
    public Map<String, Object> run(
            Comparer.Named before, Comparer.Named after, Comparer.Named reference, Path out, int frames) {
        Comparison comparison = comparer.compare(before, after, reference);
        Map<String, Object> json = new LinkedHashMap<>(comparison.json());
        if (out != null) {
            PictureLayout layout = PictureLayout.of(
                    comparison.before().video().width(),
                    comparison.before().video().height(),
                    frames);
            List<Moment> moments = sampler.sample(comparison, frames, layout.cropWidth(), layout.cropHeight());
            ComparisonPicture picture = new ComparisonPicture(comparison, moments, layout);
            boolean html =
                    !out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
            write(out, html ? picture.html().getBytes(StandardCharsets.UTF_8) : picture.png());
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("file", out.toAbsolutePath().toString());
            info.put("format", html ? "html" : "png");
            if (!html) {
                info.put("width", layout.width());
                info.put("height", layout.height());
            }
            info.put(
                    "moments",
                    moments.stream()
                            .map(m -> ComparisonJson.round(m.seconds(), 3))
                            .toList());
            json.put("picture", info);
        }
        return json;
    }

    private static void write(Path out, byte[] bytes) {
        Path partial = out.resolveSibling(out.getFileName() + ".part");
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(partial, bytes);
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CliException(
                    ExitCodes.FAILED, "cannot write the picture " + out + ": " + e.getMessage(), Map.of(), e);
        }
    }
}
