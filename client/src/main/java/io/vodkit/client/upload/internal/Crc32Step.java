package io.vodkit.client.upload.internal;

import io.vodkit.client.upload.FileRegion;
import io.vodkit.client.upload.GatewayStep;
import io.vodkit.client.upload.StorageException;
import io.vodkit.client.upload.StorageTarget;
import java.io.IOException;

/** Computes a body's CRC-32 for a gateway step, turning a read failure into that step's error. */
final class Crc32Step {

  private Crc32Step() {
  }

  static String crc32(GatewayStep step, int partNumber, StorageTarget target, FileRegion region) {
    try {
      return RegionCrc32.of(region);
    } catch (IOException e) {
      throw new StorageException(step, partNumber, target.host(), 0, 0, false,
          "cannot read the file at offset " + region.offset() + ": " + e.getMessage(), e);
    }
  }
}
