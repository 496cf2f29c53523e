package io.vodkit.emulator.internal.db;

import java.time.Instant;

/**
 * One StartExecution job (spec §9). {@code inputJson}, {@code operationJson} and {@code controlJson} are the request's
 * objects as JSON text (echoed by GetExecution); {@code outputJson} and {@code reportJson} are set on success.
 *
 * @param status        {@value #PENDING_START}, {@value #RUNNING}, {@value #SUCCESS} or {@value #FAILED}
 * @param code          the task error code ({@code ""} unless failed)
 * @param message       why it failed ({@code ""} unless failed)
 * @param targetHeight  output height, or null to keep the source's
 * @param fps           output frame rate, or null to keep the source's
 * @param attempts      how many times a worker has started it
 * @param startTime     when a worker last started it, or null
 * @param endTime       when it ended, or null
 */
public record ExecutionRecord(
        String runId,
        String spaceName,
        String status,
        String code,
        String message,
        String inputJson,
        String operationJson,
        String controlJson,
        String sourceFileName,
        String config,
        int repairStyle,
        Integer targetHeight,
        Integer fps,
        int bitDepth,
        String outputJson,
        String reportJson,
        int attempts,
        Instant createTime,
        Instant startTime,
        Instant endTime) {
    public static final String PENDING_START = "PendingStart";
    public static final String RUNNING = "Running";
    public static final String SUCCESS = "Success";
    public static final String FAILED = "Failed";
}
