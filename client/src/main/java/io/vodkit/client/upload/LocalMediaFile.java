package io.vodkit.client.upload;

import io.vodkit.client.VodException;
import io.vodkit.client.limits.InvalidValueException;
import io.vodkit.client.limits.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A local file checked before any request: it exists, is a regular readable file, is not empty nor larger than
 * {@link Limits#FILE_SIZE}, and its name has an extension the service accepts as {@code FileExtension} ({@code .}
 * plus 1–7 characters).
 *
 * @param path      the file
 * @param size           bytes
 * @param modifiedMillis last-modified time, as inspected
 * @param extension      e.g. {@code .mp4}
 */
public record LocalMediaFile(Path path, long size, long modifiedMillis, String extension) {

    /** The longest FileExtension the service accepts, dot included. */
    static final int MAX_EXTENSION_CHARS = 8;

    /** Checks {@code file}; every problem is a {@link VodException} naming the file. */
    public static LocalMediaFile inspect(Path file) {
        if (!Files.exists(file)) {
            throw new VodException("File not found: " + file);
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new VodException("Cannot read the size of " + file + ": " + e.getMessage(), e);
        }
        if (attributes.isDirectory()) {
            throw new VodException("Is a directory, not a media file: " + file);
        }
        if (!attributes.isRegularFile()) {
            throw new VodException("Not a regular file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new VodException("File is not readable: " + file);
        }
        long size = attributes.size();
        if (size == 0) {
            throw new VodException("File is empty (0 bytes), nothing to upload: " + file);
        }
        try {
            Limits.FILE_SIZE.check(size);
        } catch (InvalidValueException tooLarge) {
            throw new VodException("File is too large for the service (" + tooLarge.getMessage() + "): " + file);
        }
        return new LocalMediaFile(file, size, attributes.lastModifiedTime().toMillis(), extensionOf(file));
    }

    private static String extensionOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            throw new VodException("File name has no extension (such as .mp4), which the upload needs: " + file);
        }
        String extension = name.substring(dot);
        if (extension.length() > MAX_EXTENSION_CHARS) {
            throw new VodException("File extension " + extension + " is longer than " + MAX_EXTENSION_CHARS
                    + " characters, which the service does not accept: " + file);
        }
        return extension;
    }
}
