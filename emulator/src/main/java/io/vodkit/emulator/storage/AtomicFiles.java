package io.vodkit.emulator.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Temp-file-then-atomic-move writing: nothing half-written is ever visible under a final name. */
final class AtomicFiles {
    static final String TEMP_SUFFIX = ".tmp";
    private static final int BUFFER_BYTES = 64 * 1024;
    /** Read size when concatenating files (fewer, larger reads and digest updates). */
    private static final int COPY_BUFFER_BYTES = 1024 * 1024;

    private AtomicFiles() {
    }

    /**
     * Streams {@code in} into a new temp file beside {@code target}, at most {@code maxBytes} bytes, computing the
     * MD5 too when {@code withMd5}.
     */
    static StagedFile receive(InputStream in, Path target, long maxBytes, boolean withMd5) throws IOException {
        Path temp = newTemp(target);
        try (ChecksummingOutputStream out = new ChecksummingOutputStream(
                new BufferedOutputStream(Files.newOutputStream(temp), BUFFER_BYTES), withMd5)) {
            byte[] buffer = new byte[BUFFER_BYTES];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (out.size() + n > maxBytes) {
                    throw new BodyTooLargeException(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            out.flush();
            return new StagedFile(temp, target, out.checksums());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Concatenates {@code sources} into a new temp file beside {@code target}, with its MD5. */
    static StagedFile concatenate(List<Path> sources, Path target) throws IOException {
        Path temp = newTemp(target);
        try (ChecksummingOutputStream out = new ChecksummingOutputStream(Files.newOutputStream(temp), true)) {
            byte[] buffer = new byte[COPY_BUFFER_BYTES];
            for (Path source : sources) {
                copy(source, out, buffer);
            }
            out.flush();
            return new StagedFile(temp, target, out.checksums());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    static void moveIntoPlace(Path temp, Path target) throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static boolean isTemp(Path file) {
        return file.getFileName().toString().endsWith(TEMP_SUFFIX);
    }

    private static Path newTemp(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", TEMP_SUFFIX);
    }

    private static void copy(Path source, OutputStream out, byte[] buffer) throws IOException {
        try (InputStream in = Files.newInputStream(source)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
        }
    }
}
