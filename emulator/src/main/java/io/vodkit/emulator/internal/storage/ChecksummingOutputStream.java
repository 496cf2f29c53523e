package io.vodkit.emulator.internal.storage;

import io.vodkit.emulator.internal.security.Hashes;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Passes bytes through while computing CRC-32, size, MD5 (when asked: it costs several times the CRC) and keeping
 * the first {@link #HEAD_BYTES} bytes.
 */
final class ChecksummingOutputStream extends FilterOutputStream {
    static final int HEAD_BYTES = 512;

    private final CRC32 crc = new CRC32();
    private final MessageDigest md5;
    private final byte[] head = new byte[HEAD_BYTES];
    private long size;

    /** @param withMd5 whether to compute the MD5; without it {@link Checksums#md5()} is {@code ""} */
    ChecksummingOutputStream(OutputStream out, boolean withMd5) {
        super(out);
        this.md5 = withMd5 ? Hashes.digest("MD5") : null;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        crc.update(b, off, len);
        if (md5 != null) {
            md5.update(b, off, len);
        }
        if (size < HEAD_BYTES) {
            int n = (int) Math.min(len, HEAD_BYTES - size);
            System.arraycopy(b, off, head, (int) size, n);
        }
        size += len;
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
