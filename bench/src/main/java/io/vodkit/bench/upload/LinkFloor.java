package io.vodkit.bench.upload;

import io.vodkit.client.internal.upload.PartPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The least time an upload can take on a shaped link if neither side spent a moment working: each request body
 * crosses at the link's per-connection rate, and each request waits the link's latency once before its answer.
 * On the critical path are ApplyUploadInfo, the storage requests (a direct PUT, or init, the parts in the
 * uploader's order and concurrency, and the merge) and CommitUploadInfo. Server work (merge, MD5, ffprobe) and
 * client start-up count as zero, so the measured times can only be higher.
 */
final class LinkFloor {
    private LinkFloor() {}

    /**
     * @return the floor in seconds of {@code contender} uploading {@code sizeBytes} over {@code link}
     * @throws IllegalArgumentException for a link without a rate limit (its floor is not set by the link)
     */
    static double seconds(Contender contender, Link link, long sizeBytes) {
        if (link.bytesPerSecond() <= 0) {
            throw new IllegalArgumentException("link " + link.name() + " has no rate limit");
        }
        List<Long> parts = partLengths(contender, sizeBytes);
        int concurrency = contender == Contender.VODKIT
                ? PartPlan.of(sizeBytes, PartPlan.DEFAULT_PART_SIZE_BYTES).defaultConcurrency()
                : 1;
        double latency = link.latencyMs() / 1000.0;
        int requestsAroundParts = parts.size() == 1 ? 2 : 4; // Apply, Commit (+ init and merge for parts)
        return requestsAroundParts * latency + makespan(parts, concurrency, link.bytesPerSecond(), latency);
    }

    /**
     * The request bodies each uploader sends: vodkit's {@link PartPlan} (20 MiB parts, a short last part); the
     * official SDK's layout (spec §6.4: {@code floor(size / 20 MiB)} parts, the last one taking the remainder,
     * direct below 20 MiB); the single stream's one PUT.
     */
    static List<Long> partLengths(Contender contender, long sizeBytes) {
        long chunk = PartPlan.MIN_PART_SIZE_BYTES;
        List<Long> lengths = new ArrayList<>();
        switch (contender) {
            case VODKIT ->
                PartPlan.of(sizeBytes, PartPlan.DEFAULT_PART_SIZE_BYTES)
                        .parts()
                        .forEach(part -> lengths.add(part.length()));
            case OFFICIAL_SDK -> {
                long count = Math.max(1, sizeBytes / chunk);
                for (long i = 1; i < count; i++) {
                    lengths.add(chunk);
                }
                lengths.add(sizeBytes - (count - 1) * chunk);
            }
            case SINGLE_STREAM -> lengths.add(sizeBytes);
        }
        return lengths;
    }

    /** When the last part is answered, parts taken in order by {@code concurrency} connections. */
    private static double makespan(List<Long> lengths, int concurrency, long bytesPerSecond, double latency) {
        PriorityQueue<Double> freeAt = new PriorityQueue<>();
        for (int i = 0; i < concurrency; i++) {
            freeAt.add(0.0);
        }
        double end = 0;
        for (long length : lengths) {
            double done = freeAt.remove() + (double) length / bytesPerSecond + latency;
            freeAt.add(done);
            end = Math.max(end, done);
        }
        return end;
    }
}
