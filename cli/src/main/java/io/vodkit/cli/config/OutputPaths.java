package io.vodkit.cli.config;

import io.vodkit.cli.CliException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a command will write, checked before it starts: a path it could not write is invalid input (exit 2) on one
 * line naming the argument and what it must be, rather than a failure half-way.
 */
public final class OutputPaths {
    private OutputPaths() {}

    /** {@code file}, when a file can be written there: in an existing, writable folder, and not a folder itself. */
    public static Path file(String label, Path file) {
        Path folder = file.toAbsolutePath().getParent();
        String problem = Files.isDirectory(file)
                ? "it is a folder"
                : folder == null || !Files.isDirectory(folder)
                        ? "the folder " + folder + " does not exist"
                        : !Files.isWritable(folder)
                                ? "the folder " + folder + " is not writable"
                                : Files.exists(file) && !Files.isWritable(file)
                                        ? file + " exists and is not writable"
                                        : null;
        return refuseIf(label, "a file in an existing, writable folder", problem, file);
    }

    /**
     * {@code folder}, when it is a writable folder or can be made one: it is not a file, and its nearest existing
     * ancestor is a writable folder.
     */
    public static Path folder(String label, Path folder) {
        Path absolute = folder.toAbsolutePath();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        String problem = existing == null
                ? null
                : !Files.isDirectory(existing)
                        ? (existing.equals(absolute) ? "it is" : existing + " is") + " a file"
                        : !Files.isWritable(existing) ? existing + " is not writable" : null;
        return refuseIf(label, "a folder that exists or can be made, and is writable", problem, folder);
    }

    private static Path refuseIf(String label, String accepted, String problem, Path path) {
        if (problem != null) {
            throw CliException.invalidInput(label + " must be " + accepted + ", got " + path + ": " + problem);
        }
        return path;
    }
}
