package io.vodkit.emulator.storage;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** Temp-file-then-atomic-move writing: nothing half-written is ever visible under a final name. */
final class AtomicFiles {
    static final String TEMP_SUFFIX = ".tmp";
    private static final int BUFFER_BYTES = 64 * 1024;
    /** Read size when checksumming concatenated files (fewer, larger reads and digest updates). */
    private static final int COPY_BUFFER_BYTES = 1024 * 1024;

    private AtomicFiles() {
    }

    /**
     * Streams {@code in} into a new temp file beside {@code target}, at most {@code maxBytes} bytes, computing the
     * MD5 too when {@code withMd5}.
     */
    static StagedFile receive(Disk disk, InputStream in, Path target, long maxBytes, boolean withMd5)
            throws IOException {
        Path temp = newTemp(target);
        try (ChecksummingOutputStream out = new ChecksummingOutputStream(
                new BufferedOutputStream(Channels.newOutputStream(disk.openForWrite(temp)), BUFFER_BYTES), withMd5)) {
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

    /**
     * Concatenates {@code sources} into a new temp file beside {@code target}, with its checksums. The bytes are
     * copied by the kernel ({@link FileChannel#transferTo}) while another thread reads the sources for the CRC and
     * MD5, so a merge takes about as long as its MD5 rather than the MD5 plus the copy.
     */
    static StagedFile concatenate(Disk disk, List<Path> sources, Path target) throws IOException {
        Path temp = newTemp(target);
        FutureTask<Checksums> digest = new FutureTask<>(() -> checksums(sources));
        Thread digester = new Thread(digest, "vodkit-merge-digest");
        digester.setDaemon(true);
        digester.start();
        try {
            try (WritableByteChannel out = disk.openForWrite(temp)) {
                for (Path source : sources) {
                    transfer(source, out);
                }
            }
            return new StagedFile(temp, target, digested(digest));
        } catch (IOException | RuntimeException e) {
            digest.cancel(true);
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

    /** Size, CRC, MD5 and head of the concatenation of {@code sources}, read in {@value #COPY_BUFFER_BYTES}-byte steps. */
    private static Checksums checksums(List<Path> sources) throws IOException {
        try (ChecksummingOutputStream sum = new ChecksummingOutputStream(OutputStream.nullOutputStream(), true)) {
            byte[] buffer = new byte[COPY_BUFFER_BYTES];
            for (Path source : sources) {
                try (InputStream in = Files.newInputStream(source)) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        sum.write(buffer, 0, n);
                    }
                }
            }
            return sum.checksums();
        }
    }

    private static void transfer(Path source, WritableByteChannel out) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
            long size = in.size();
            for (long done = 0; done < size; ) {
                long n = in.transferTo(done, size - done, out);
                if (n <= 0) {
                    throw new EOFException(source + " ended at " + done + " of " + size + " bytes while merging");
                }
                done += n;
            }
        }
    }

    private static Checksums digested(FutureTask<Checksums> digest) throws IOException {
        try {
            return digest.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException failure) {
                throw failure;
            }
            throw new IOException("checksumming the merged parts failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while checksumming the merged parts");
        }
    }
}
