package io.vodkit.client.upload;

import io.vodkit.client.limits.Limits;
import io.vodkit.client.media.UploadMetadata;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One local file to upload.
 *
 * @param file          the file; it must exist, be readable, non-empty and have an extension
 * @param spaceName     the VOD space
 * @param concurrency   parts in flight at most, 1…{@value #MAX_CONCURRENCY}, or {@value #AUTO_CONCURRENCY} (the
 *                      default) for {@link PartPlan#defaultConcurrency()}, chosen from the file size
 * @param partSizeBytes part size, 20 MiB to 5 GiB (default {@link PartPlan#DEFAULT_PART_SIZE_BYTES})
 * @param metadata      what is stored with the media (title, tags, storage class, workflow, …); {@code null} for
 *                      none. It is checked here, before anything is sent
 * @param fileName      storage FileName (object key) to ask for, or {@code null} to let the service choose
 * @throws io.vodkit.client.limits.InvalidValueException for a value outside {@link Limits}
 */
public record UploadRequest(Path file, String spaceName, int concurrency, long partSizeBytes,
                            UploadMetadata metadata, String fileName) {

  /** Let the file size choose: {@link PartPlan#defaultConcurrency()}. */
  public static final int AUTO_CONCURRENCY = 0;
  public static final int MAX_CONCURRENCY = Limits.MAX_CONCURRENCY;

  public UploadRequest {
    Objects.requireNonNull(file, "file == null");
    Objects.requireNonNull(spaceName, "spaceName == null");
    if (spaceName.isBlank()) {
      throw new IllegalArgumentException("spaceName is blank");
    }
    if (concurrency != AUTO_CONCURRENCY) {
      Limits.CONCURRENCY.check((long) concurrency);
    }
    Limits.PART_SIZE.check(partSizeBytes);
    Limits.FILE_NAME.check(fileName);
    metadata = metadata == null ? UploadMetadata.NONE : metadata.check(false);
  }

  /** Defaults: concurrency from the file size, 20 MiB parts, no metadata, service-chosen FileName. */
  public static UploadRequest of(Path file, String spaceName) {
    return new UploadRequest(file, spaceName, AUTO_CONCURRENCY, PartPlan.DEFAULT_PART_SIZE_BYTES, null, null);
  }

  /** The parts in flight for {@code plan}: {@link #concurrency()}, or the plan's default when it is auto. */
  public int concurrencyFor(PartPlan plan) {
    return concurrency == AUTO_CONCURRENCY ? plan.defaultConcurrency() : concurrency;
  }
}
