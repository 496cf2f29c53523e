package io.vodkit.emulator.internal.storage;

import io.vodkit.emulator.Disk;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
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
    /** Read size when checksumming concatenated files (fewer, larger reads and digest updates). */
    private static final int COPY_BUFFER_BYTES = 1024 * 1024;

    private AtomicFiles() {}

    /**
     * Streams {@code in} into a new temp file beside {@code target} through {@code buffer}, at most {@code maxBytes}
     * bytes, computing the MD5 too when {@code withMd5}.
     */
    static StagedFile receive(
            Disk disk, ReadableByteChannel in, Path target, long maxBytes, boolean withMd5, ByteBuffer buffer)
            throws IOException {
        Path temp = newTemp(target);
        RunningChecksums sums = new RunningChecksums(withMd5);
        try (WritableByteChannel out = disk.openForWrite(temp)) {
            copy(in, out, sums, maxBytes, buffer);
            return new StagedFile(temp, target, sums.checksums());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * Copies {@code in} to {@code out} through {@code buffer}, each write a full buffer (fewer system calls) but the
     * last, adding every buffer written to {@code sums}; fails with {@link BodyTooLargeException} before writing past
     * {@code maxBytes}.
     */
    static void copy(
            ReadableByteChannel in, WritableByteChannel out, RunningChecksums sums, long maxBytes, ByteBuffer buffer)
            throws IOException {
        for (boolean more = true; more; ) {
            buffer.clear();
            while (buffer.hasRemaining() && more) {
                more = in.read(buffer) >= 0;
            }
            buffer.flip();
            if (sums.size() + buffer.remaining() > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
            sums.update(buffer);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        }
    }

    /**
     * Concatenates {@code sources} into a new temp file beside {@code target}, with its checksums. The bytes are
     * copied by the kernel ({@link FileChannel#transferTo}) while another thread reads the sources for the CRC and
     * MD5, so a merge takes about as long as its MD5 rather than the MD5 plus the copy.
     */
    static StagedFile concatenate(Disk disk, List<FileRegion> sources, Path target) throws IOException {
        Path temp = newTemp(target);
        FutureTask<Checksums> digest = new FutureTask<>(() -> checksums(sources));
        Thread digester = new Thread(digest, "vodkit-merge-digest");
        digester.setDaemon(true);
        digester.start();
        try {
            try (WritableByteChannel out = disk.openForWrite(temp)) {
                for (FileRegion source : sources) {
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

    /**
     * Stages {@code file} as {@code target} without copying a byte: a hard link beside {@code target}, so publishing
     * is a rename and {@code file} keeps its name (and its bytes) until its owner removes it.
     */
    static StagedFile link(Path file, Path target, Checksums checksums) throws IOException {
        Path temp = newTemp(target);
        Files.delete(temp);
        Files.createLink(temp, file);
        return new StagedFile(temp, target, checksums);
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

    /** Size, CRC, MD5 and head of the concatenation of {@code sources}, read in 1 MiB steps. */
    static Checksums checksums(List<FileRegion> sources) throws IOException {
        RunningChecksums sums = new RunningChecksums(true);
        ByteBuffer buffer = ByteBuffer.allocate(COPY_BUFFER_BYTES);
        for (FileRegion source : sources) {
            try (FileChannel in = FileChannel.open(source.file(), StandardOpenOption.READ)) {
                for (long done = 0; done < source.length(); ) {
                    buffer.clear().limit((int) Math.min(buffer.capacity(), source.length() - done));
                    int n = in.read(buffer, source.offset() + done);
                    if (n < 0) {
                        throw new EOFException(source.file() + " ended at " + (source.offset() + done)
                                + " bytes, short of " + (source.offset() + source.length()));
                    }
                    sums.update(buffer.flip());
                    done += n;
                }
            }
        }
        return sums.checksums();
    }

    /** The first {@code max} bytes of {@code file} (fewer when it is shorter). */
    static byte[] head(Path file, int max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        }
    }

    static void transfer(FileRegion source, WritableByteChannel out) throws IOException {
        try (FileChannel in = FileChannel.open(source.file(), StandardOpenOption.READ)) {
            for (long done = 0; done < source.length(); ) {
                long n = in.transferTo(source.offset() + done, source.length() - done, out);
                if (n <= 0) {
                    throw new EOFException(source.file() + " ended at " + (source.offset() + done) + " of "
                            + (source.offset() + source.length()) + " bytes while merging");
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
