package io.vodkit.cli.config;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * An {@code @FILE} argument, read by vodkit itself (picocli's expansion is off): only a regular file is opened (a
 * device, FIFO or folder is refused before any read), at most a bounded number of bytes are read, and no error
 * ever quotes what the file holds.
 */
public final class ArgumentFile {
    private ArgumentFile() {}

    /**
     * The file {@code argument} refers to when it is {@code @FILE}; none for any other argument, and for every
     * argument of an MCP tool call, whose arguments are values.
     */
    public static Optional<Path> reference(String argument, CliContext context) {
        if (context.toolCall() || !argument.startsWith("@") || argument.length() == 1) {
            return Optional.empty();
        }
        return Optional.of(context.workingDir()
                .resolve(argument.substring(1))
                .toAbsolutePath()
                .normalize());
    }

    /**
     * The bytes of {@code file}, a regular file of at most {@code maxBytes}.
     *
     * @param what names the file in errors, e.g. "PARAMS file"
     */
    public static byte[] read(Path file, String what, int maxBytes) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw CliException.invalidInput(what + " not found: " + file);
        } catch (IOException e) {
            throw CliException.invalidInput(
                    "cannot read " + what + " " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        if (attributes.isDirectory()) {
            throw CliException.invalidInput(what + " " + file + " is a folder; give a file");
        }
        if (!attributes.isRegularFile()) {
            throw CliException.invalidInput(
                    what + " " + file + " is not a regular file (a device, FIFO or socket); " + "give a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw CliException.invalidInput(what + " " + file + " is larger than " + (maxBytes >> 10) + " KiB");
            }
            return bytes;
        } catch (AccessDeniedException e) {
            throw CliException.invalidInput(what + " " + file + " is not readable (permission denied)");
        } catch (IOException e) {
            throw CliException.invalidInput(
                    "cannot read " + what + " " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
