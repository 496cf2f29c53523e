package io.vodkit.client.internal.upload;

import io.vodkit.client.limits.Limits;
import io.vodkit.client.upload.UploadConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * How a file of a given size goes to the storage gateway (spec §6.3–§6.4), as a pure function of the size and
 * the {@link UploadConfig} (shown with its defaults, a 20 MiB threshold and part size):
 *
 * <ul>
 *   <li>{@code fileSize < 20 MiB}: one direct PUT ({@link #direct()}), described as a single part covering the file;
 *   <li>otherwise {@code n = ceil(fileSize / partSize)} parts numbered 1…n: parts 1…n−1 are exactly
 *       {@code partSize}, the last one takes the remainder ({@code 1…partSize} bytes), e.g. 64 MiB →
 *       20 + 20 + 20 + 4 MiB;
 *   <li>if {@code n} would exceed {@value #MAX_PARTS}, the part size grows to {@code ceil(fileSize / 10000)}, the
 *       smallest size that keeps {@code n ≤ 10000}.
 * </ul>
 *
 * <p>The official Java, Python and Go SDKs instead fold the remainder into a longer last part ({@code floor}
 * instead of {@code ceil}: 64 MiB → 20 + 20 + 24 MiB). Both layouts keep every part but the last at the part size
 * or more, and the gateway takes a short last part: the Volcengine Node SDK's resumable mode sends 45 MiB as
 * 20 + 20 + 5 MiB ({@code official-sdk-capture.md}). With parts in parallel the upload lasts as long as its longest
 * part, so the short last part is the faster layout (and it gives a file of 20–40 MiB two parts instead of one).
 *
 * @param fileSize      bytes in the file
 * @param partSizeBytes the part size actually used (≥ the requested one)
 * @param direct        {@code true} for a single direct PUT
 * @param parts         the parts, in order; one part for a direct upload
 */
public record PartPlan(long fileSize, long partSizeBytes, boolean direct, List<Part> parts) {

    /** 20 MiB: the smallest part size, and the size from which uploads go in parts. */
    public static final long MIN_PART_SIZE_BYTES = Limits.MIN_PART_SIZE_BYTES;
    /** Default part size: {@value #MIN_PART_SIZE_BYTES} bytes, as the official SDKs use. */
    public static final long DEFAULT_PART_SIZE_BYTES = MIN_PART_SIZE_BYTES;
    /** The most parts one multipart upload may have. */
    public static final int MAX_PARTS = Limits.MAX_PARTS;
    /** The most parts in flight that {@link #defaultConcurrency()} picks. */
    public static final int MAX_DEFAULT_CONCURRENCY = 8;

    /**
     * One part: its 1-based number, its offset in the file and its length.
     */
    public record Part(int number, long offset, long length) {}

    public PartPlan {
        parts = List.copyOf(parts);
    }

    /**
     * Plans the upload of {@code fileSize} bytes in {@code partSizeBytes} parts from 20 MiB up (the service's rule).
     *
     * @throws IllegalArgumentException if {@code fileSize < 0} or above {@link Limits#FILE_SIZE}, or
     *     {@code partSizeBytes} is outside {@link Limits#PART_SIZE}
     */
    public static PartPlan of(long fileSize, long partSizeBytes) {
        return of(fileSize, UploadConfig.builder().partSize(partSizeBytes).build());
    }

    /**
     * Plans the upload of {@code fileSize} bytes with {@code config}'s part size, direct below its multipart
     * threshold.
     *
     * @throws IllegalArgumentException if {@code fileSize < 0} or above {@link Limits#FILE_SIZE}
     */
    public static PartPlan of(long fileSize, UploadConfig config) {
        if (fileSize < 0) {
            throw new IllegalArgumentException("fileSize < 0: " + fileSize);
        }
        if (fileSize > 0) {
            Limits.FILE_SIZE.check(fileSize);
        }
        long partSizeBytes = config.partSizeBytes();
        if (fileSize < config.multipartThresholdBytes()) {
            return new PartPlan(fileSize, partSizeBytes, true, List.of(new Part(1, 0, fileSize)));
        }
        long partSize = Math.max(partSizeBytes, ceilDiv(fileSize, MAX_PARTS));
        int count = (int) ceilDiv(fileSize, partSize);
        List<Part> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long offset = i * partSize;
            parts.add(new Part(i + 1, offset, Math.min(partSize, fileSize - offset)));
        }
        return new PartPlan(fileSize, partSize, false, parts);
    }

    /**
     * Parts in flight when the caller does not choose: every part at once up to {@value #MAX_DEFAULT_CONCURRENCY}
     * ({@code min(8, parts)}); 1 for a direct upload.
     */
    public int defaultConcurrency() {
        return direct ? 1 : Math.min(MAX_DEFAULT_CONCURRENCY, parts.size());
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
