package io.vodkit.client.internal.upload;

import io.vodkit.client.internal.Hex;
import io.vodkit.client.upload.GatewayStep;
import io.vodkit.client.upload.StorageException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * CRC-32 (IEEE, zlib) of a file region, read with positional reads through one small buffer: memory use is the
 * buffer, whatever the region size (no mapping either, so the region's pages never count against the resident set).
 */
public final class RegionCrc32 {

    /** Bytes read at a time. */
    static final int BUFFER_BYTES = 256 * 1024;

    private RegionCrc32() {}

    /** The region's CRC-32 as 8 lowercase hex digits. */
    public static String of(FileRegion region) throws IOException {
        CRC32 crc = new CRC32();
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
        long done = 0;
        while (done < region.length()) {
            buffer.clear().limit((int) Math.min(BUFFER_BYTES, region.length() - done));
            readFully(region, done, buffer);
            buffer.flip();
            done += buffer.remaining();
            crc.update(buffer);
        }
        return Hex.crc32(crc.getValue());
    }

    /** Fills {@code buffer} up to its limit from {@code region} at {@code position} (relative to the region). */
    static void readFully(FileRegion region, long position, ByteBuffer buffer) throws IOException {
        long at = region.offset() + position;
        while (buffer.hasRemaining()) {
            int n = region.channel().read(buffer, at);
            if (n < 0) {
                throw new EOFException("file ended at offset " + at + " (it shrank while uploading?)");
            }
            at += n;
        }
    }

    /** The CRC of a gateway step's body; a read failure becomes that step's (non-retryable) error. */
    static String ofBody(GatewayStep step, int partNumber, StorageTarget target, FileRegion region) {
        try {
            return of(region);
        } catch (IOException e) {
            throw new StorageException(
                    step,
                    partNumber,
                    target.host(),
                    0,
                    0,
                    false,
                    "cannot read the file at offset " + region.offset() + ": " + e.getMessage(),
                    e);
        }
    }
}
