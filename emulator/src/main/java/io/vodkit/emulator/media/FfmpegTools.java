package io.vodkit.emulator.media;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the ffmpeg and ffprobe executables are.
 *
 * @param ffmpeg the ffmpeg executable
 * @param ffprobe the ffprobe executable
 */
public record FfmpegTools(Path ffmpeg, Path ffprobe) {

    private static final Logger LOG = LoggerFactory.getLogger(FfmpegTools.class);

    public FfmpegTools {
        Objects.requireNonNull(ffmpeg, "ffmpeg == null");
        Objects.requireNonNull(ffprobe, "ffprobe == null");
    }

    /**
     * Finds ffmpeg and ffprobe, searching the process's {@code PATH}.
     *
     * @param configuredFfmpeg the configured ffmpeg executable, or {@code null} to search {@code PATH}
     * @return the tools, or empty when ffmpeg or ffprobe cannot be found
     */
    public static Optional<FfmpegTools> locate(Path configuredFfmpeg) {
        return locate(configuredFfmpeg, System.getenv("PATH"));
    }

    /**
     * Finds ffmpeg and ffprobe. ffprobe is taken from the directory of ffmpeg when it is there, else from the search
     * path.
     *
     * @param configuredFfmpeg the configured ffmpeg executable, or {@code null} to search {@code searchPath}
     * @param searchPath a {@link File#pathSeparator}-separated directory list, as in {@code PATH}; may be {@code null}
     * @return the tools, or empty when ffmpeg or ffprobe cannot be found
     */
    public static Optional<FfmpegTools> locate(Path configuredFfmpeg, String searchPath) {
        Optional<Path> ffmpeg;
        String suffix;
        if (configuredFfmpeg != null) {
            ffmpeg = isExecutable(configuredFfmpeg) ? Optional.of(configuredFfmpeg) : Optional.empty();
            suffix = configuredFfmpeg.getFileName().toString().toLowerCase().endsWith(".exe") ? ".exe" : "";
        } else {
            ffmpeg = onSearchPath("ffmpeg", searchPath);
            suffix = "";
        }
        if (ffmpeg.isEmpty()) {
            LOG.warn("ffmpeg not found configured={}", configuredFfmpeg);
            return Optional.empty();
        }
        Path ffmpegPath = ffmpeg.get().toAbsolutePath();
        Path sibling = ffmpegPath.resolveSibling("ffprobe" + suffix);
        Optional<Path> ffprobe = isExecutable(sibling) ? Optional.of(sibling) : onSearchPath("ffprobe", searchPath);
        if (ffprobe.isEmpty()) {
            LOG.warn("ffprobe not found ffmpeg={}", ffmpegPath);
            return Optional.empty();
        }
        return Optional.of(new FfmpegTools(ffmpegPath, ffprobe.get().toAbsolutePath()));
    }

    private static Optional<Path> onSearchPath(String name, String searchPath) {
        if (searchPath == null || searchPath.isBlank()) {
            return Optional.empty();
        }
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String candidate : new String[] {name, name + ".exe"}) {
                Path path = Path.of(dir, candidate);
                if (isExecutable(path)) {
                    return Optional.of(path);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isExecutable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
