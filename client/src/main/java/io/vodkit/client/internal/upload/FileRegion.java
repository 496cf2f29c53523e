package io.vodkit.client.internal.upload;

import java.nio.channels.FileChannel;
import java.util.Objects;

/**
 * A byte range of an open file: what one storage request sends. The channel stays owned by the caller.
 *
 * @param channel a channel open for reading
 * @param offset  first byte
 * @param length  number of bytes
 */
public record FileRegion(FileChannel channel, long offset, long length) {

    public FileRegion {
        Objects.requireNonNull(channel, "channel == null");
        if (offset < 0) {
            throw new IllegalArgumentException("offset < 0: " + offset);
        }
        if (length < 0) {
            throw new IllegalArgumentException("length < 0: " + length);
        }
    }
}
