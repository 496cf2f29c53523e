package io.vodkit.cli.config;

import io.vodkit.cli.CliException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The folders local files may be uploaded from, as the official skill has it: when {@value #VARIABLE} (a
 * {@link File#pathSeparator}-separated list of folders) is set, or always for an MCP tool call, a file must lie in
 * the working directory, the temp directory ({@code TMPDIR}, else {@code java.io.tmpdir}) or one of those folders,
 * once every symbolic link is resolved. Otherwise any file may be uploaded.
 */
public final class UploadAllowlist {
    public static final String VARIABLE = "VOD_UPLOAD_ALLOWED_DIRS";

    private final Optional<List<Path>> roots;

    private UploadAllowlist(Optional<List<Path>> roots) {
        this.roots = roots;
    }

    /**
     * @param env        the environment, where {@value #VARIABLE} is read
     * @param workingDir the command's working directory (an agent's workspace)
     * @param always     whether the list applies even without {@value #VARIABLE} (a tool call)
     */
    public static UploadAllowlist of(Map<String, String> env, Path workingDir, boolean always) {
        String allowed = env.getOrDefault(VARIABLE, "");
        if (allowed.isBlank() && !always) {
            return new UploadAllowlist(Optional.empty());
        }
        List<Path> roots = new ArrayList<>();
        real(workingDir).ifPresent(roots::add);
        String temp = env.getOrDefault("TMPDIR", "");
        real(Path.of(temp.isBlank() ? System.getProperty("java.io.tmpdir") : temp))
                .ifPresent(roots::add);
        for (String folder : allowed.split(File.pathSeparator)) {
            if (!folder.isBlank()) {
                real(workingDir.resolve(folder.strip())).ifPresent(roots::add);
            }
        }
        return new UploadAllowlist(Optional.of(List.copyOf(roots)));
    }

    /**
     * Refuses {@code file} (exit 2) when it lies outside the allowed folders; a file that cannot be resolved (say,
     * it does not exist) is left for the upload's own checks to report.
     */
    public void check(Path file) {
        if (roots.isEmpty()) {
            return;
        }
        Optional<Path> real = real(file);
        if (real.isEmpty() || roots.get().stream().anyMatch(real.get()::startsWith)) {
            return;
        }
        throw CliException.invalidInput("refusing to upload " + file
                + (real.get().equals(file) ? "" : " (which leads to " + real.get() + ")")
                + ": it lies outside the folders files may be uploaded from (the working directory, the temp "
                + "directory and " + VARIABLE + ")");
    }

    private static Optional<Path> real(Path path) {
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
