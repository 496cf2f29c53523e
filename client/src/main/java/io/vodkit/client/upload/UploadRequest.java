package io.vodkit.client.upload;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One local file to upload.
 *
 * @param file          the file; it must exist, be readable, non-empty and have an extension
 * @param spaceName     the VOD space
 * @param concurrency   parts in flight at most, 1…{@value #MAX_CONCURRENCY} (default {@value #DEFAULT_CONCURRENCY})
 * @param partSizeBytes part size, ≥ 20 MiB (default {@link PartPlan#DEFAULT_PART_SIZE_BYTES})
 * @param title         media title (sent as {@code AddOptionInfo.Title}), or {@code null}
 * @param fileName      storage FileName (object key) to ask for, or {@code null} to let the service choose
 */
public record UploadRequest(Path file, String spaceName, int concurrency, long partSizeBytes, String title,
                            String fileName) {

  public static final int DEFAULT_CONCURRENCY = 4;
  public static final int MAX_CONCURRENCY = 64;

  public UploadRequest {
    Objects.requireNonNull(file, "file == null");
    Objects.requireNonNull(spaceName, "spaceName == null");
    if (spaceName.isBlank()) {
      throw new IllegalArgumentException("spaceName is blank");
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency < 1: " + concurrency);
    }
    if (concurrency > MAX_CONCURRENCY) {
      throw new IllegalArgumentException("concurrency > " + MAX_CONCURRENCY + ": " + concurrency);
    }
    PartPlan.checkPartSize(partSizeBytes);
  }

  /** Defaults: concurrency 4, 20 MiB parts, no title, service-chosen FileName. */
  public static UploadRequest of(Path file, String spaceName) {
    return new UploadRequest(file, spaceName, DEFAULT_CONCURRENCY, PartPlan.DEFAULT_PART_SIZE_BYTES, null, null);
  }
}
