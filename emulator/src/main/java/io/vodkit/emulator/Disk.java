package io.vodkit.emulator;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the emulator writes stored bytes (uploads, parts, merges, posters, restorations): the seam between the
 * storage and the file system, so that a test can stand in a disk that fills up.
 */
@FunctionalInterface
public interface Disk {
    /** What clients are told when the disk is full. */
    String FULL_MESSAGE = "no space left on the emulator's disk";

    /** The local file system. */
    Disk LOCAL = file -> FileChannel.open(file, StandardOpenOption.WRITE);

    /**
     * Opens {@code file}, which exists, for writing from its start or, after {@code position(p)}, at {@code p}
     * (multipart parts are written at their offset in the upload's one file). Closing the channel from another
     * thread stops a write in progress, as {@link FileChannel} does.
     */
    SeekableByteChannel openForWrite(Path file) throws IOException;

    /** Whether {@code e} (or what caused it) says the disk is full ({@code ENOSPC}, {@code EDQUOT}). */
    static boolean isFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null
                    && (message.contains("No space left on device")
                            || message.contains("Disk quota exceeded")
                            || message.contains("SQLITE_FULL"))) {
                return true;
            }
        }
        return false;
    }
}
