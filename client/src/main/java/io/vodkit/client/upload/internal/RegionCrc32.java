package io.vodkit.client.upload.internal;

import io.vodkit.client.internal.Hex;
import io.vodkit.client.upload.FileRegion;
import io.vodkit.client.upload.GatewayStep;
import io.vodkit.client.upload.StorageException;
import io.vodkit.client.upload.StorageTarget;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;

/** CRC-32 (IEEE, zlib) of a file region, read through memory-mapped windows: no heap copy of the bytes. */
public final class RegionCrc32 {

  /** Bytes mapped at a time. */
  static final long WINDOW_BYTES = 16L * 1024 * 1024;

  private RegionCrc32() {
  }

  /** The region's CRC-32 as 8 lowercase hex digits. */
  public static String of(FileRegion region) throws IOException {
    CRC32 crc = new CRC32();
    long done = 0;
    while (done < region.length()) {
      long size = Math.min(WINDOW_BYTES, region.length() - done);
      MappedByteBuffer window = region.channel().map(FileChannel.MapMode.READ_ONLY, region.offset() + done, size);
      crc.update(window);
      done += size;
    }
    return Hex.crc32(crc.getValue());
  }

  /** The CRC of a gateway step's body; a read failure becomes that step's (non-retryable) error. */
  static String ofBody(GatewayStep step, int partNumber, StorageTarget target, FileRegion region) {
    try {
      return of(region);
    } catch (IOException e) {
      throw new StorageException(step, partNumber, target.host(), 0, 0, false,
          "cannot read the file at offset " + region.offset() + ": " + e.getMessage(), e);
    }
  }
}
