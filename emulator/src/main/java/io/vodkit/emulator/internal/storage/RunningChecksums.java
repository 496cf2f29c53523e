package io.vodkit.emulator.internal.storage;

import io.vodkit.emulator.internal.security.Hashes;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * CRC-32, size, MD5 (when asked: it costs several times the CRC) and the first {@link #HEAD_BYTES} bytes of the
 * buffers a body went through, in order. Direct buffers are read where they are: the CRC never copies them.
 */
final class RunningChecksums {
    static final int HEAD_BYTES = 512;

    private final CRC32 crc = new CRC32();
    private final MessageDigest md5;
    private final byte[] head = new byte[HEAD_BYTES];
    private long size;

    /** @param withMd5 whether to compute the MD5; without it {@link Checksums#md5()} is {@code ""} */
    RunningChecksums(boolean withMd5) {
        this.md5 = withMd5 ? Hashes.digest("MD5") : null;
    }

    /** Adds the bytes {@code bytes} has remaining; its position and limit are left as they were. */
    void update(ByteBuffer bytes) {
        int length = bytes.remaining();
        if (size < HEAD_BYTES) {
            int n = (int) Math.min(length, HEAD_BYTES - size);
            bytes.get(bytes.position(), head, (int) size, n);
        }
        if (md5 != null) {
            md5.update(bytes.duplicate());
        }
        crc.update(bytes.duplicate());
        size += length;
    }

    long size() {
        return size;
    }

    Checksums checksums() {
        return new Checksums(
                size,
                Checksums.crc32Hex(crc.getValue()),
                md5 == null ? "" : Hashes.hex(md5.digest()),
                Arrays.copyOf(head, (int) Math.min(size, HEAD_BYTES)));
    }
}
