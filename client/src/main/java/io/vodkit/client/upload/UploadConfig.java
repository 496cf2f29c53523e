package io.vodkit.client.upload;

import io.vodkit.client.internal.upload.PartPlan;
import io.vodkit.client.limits.Limits;

/**
 * How files go up — the tuning of every upload an uploader makes, checked once against {@link Limits}:
 *
 * <ul>
 *   <li>{@code partSizeBytes}: bytes per part of a multipart upload (default 20 MiB, up to 5 GiB);
 *   <li>{@code multipartThresholdBytes}: files of this size or more go in parts, smaller ones in one PUT (default
 *       20 MiB, the service's rule);
 *   <li>{@code partsInFlight}: parts of one file sent at once, 1…{@value Limits#MAX_CONCURRENCY}, or
 *       {@value #AUTO_PARTS_IN_FLIGHT} to let the file size choose ({@link PartPlan#defaultConcurrency()});
 *   <li>{@code minimumPartSizeBytes}: the smallest part size and threshold accepted: the service's 20 MiB unless
 *       lowered with {@link Builder#minimumPartSize} — for an emulator, so that tests upload small files in parts.
 * </ul>
 *
 * <pre>{@code
 * UploadConfig config = UploadConfig.builder().partSize(64L << 20).partsInFlight(8).build();
 * }</pre>
 */
public record UploadConfig(
        long partSizeBytes, long multipartThresholdBytes, int partsInFlight, long minimumPartSizeBytes) {

    /** Let the file size choose the parts in flight. */
    public static final int AUTO_PARTS_IN_FLIGHT = 0;

    private static final UploadConfig DEFAULTS = builder().build();

    /**
     * @throws io.vodkit.client.limits.InvalidValueException for a value outside {@link Limits} (named
     *     {@code partSize}, {@code multipartThreshold}, {@code concurrency} or {@code minimumPartSize})
     */
    public UploadConfig {
        Limits.partSize(minimumPartSizeBytes).check(partSizeBytes);
        Limits.multipartThreshold(minimumPartSizeBytes).check(multipartThresholdBytes);
        if (partsInFlight != AUTO_PARTS_IN_FLIGHT) {
            Limits.CONCURRENCY.check((long) partsInFlight);
        }
    }

    /** 20 MiB parts from 20 MiB up, parts in flight chosen by the file size. */
    public static UploadConfig defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this config's values. */
    public Builder toBuilder() {
        Builder builder = new Builder()
                .partSize(partSizeBytes)
                .multipartThreshold(multipartThresholdBytes)
                .minimumPartSize(minimumPartSizeBytes);
        return partsInFlight == AUTO_PARTS_IN_FLIGHT ? builder : builder.partsInFlight(partsInFlight);
    }

    /** The parts in flight for {@code plan}: {@link #partsInFlight()}, or the plan's default when it is auto. */
    int partsInFlight(PartPlan plan) {
        return partsInFlight == AUTO_PARTS_IN_FLIGHT ? plan.defaultConcurrency() : partsInFlight;
    }

    /** Builds an {@link UploadConfig}; unset values take their defaults, and {@link #build()} checks them. */
    public static final class Builder {
        private long partSizeBytes = Limits.MIN_PART_SIZE_BYTES;
        private long multipartThresholdBytes = Limits.MIN_PART_SIZE_BYTES;
        /** {@code null}: let the file size choose. */
        private Integer partsInFlight;

        private long minimumPartSizeBytes = Limits.MIN_PART_SIZE_BYTES;

        private Builder() {}

        public Builder partSize(long bytes) {
            this.partSizeBytes = bytes;
            return this;
        }

        public Builder multipartThreshold(long bytes) {
            this.multipartThresholdBytes = bytes;
            return this;
        }

        /** Parts of one file in flight, 1…{@value Limits#MAX_CONCURRENCY} (unset: the file size chooses). */
        public Builder partsInFlight(int parts) {
            this.partsInFlight = parts;
            return this;
        }

        /**
         * Lowers the smallest part size and threshold accepted (the service refuses parts below 20 MiB but the last;
         * an emulator takes them), e.g. for tests that upload a few hundred KiB in parts.
         */
        public Builder minimumPartSize(long bytes) {
            this.minimumPartSizeBytes = bytes;
            return this;
        }

        /** @throws io.vodkit.client.limits.InvalidValueException for a value outside {@link Limits} */
        public UploadConfig build() {
            if (partsInFlight != null) {
                Limits.CONCURRENCY.check((long) partsInFlight);
            }
            return new UploadConfig(
                    partSizeBytes,
                    multipartThresholdBytes,
                    partsInFlight == null ? AUTO_PARTS_IN_FLIGHT : partsInFlight,
                    minimumPartSizeBytes);
        }
    }
}
