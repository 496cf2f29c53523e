package io.vodkit.client.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Set;

/**
 * What GetExecution reports about an enhance job (spec §9.2), the fields vodkit uses.
 *
 * @param runId     the job
 * @param status    {@code PendingStart}, {@code Running}, {@code Success}, {@code Failed}, {@code Terminated}, or
 *                  {@code ""} before the service has one
 * @param code      the task error code ({@code ""} unless failed)
 * @param message   why it failed, when the service says ({@code ""} otherwise)
 * @param spaceName {@code Meta.SpaceName}
 * @param fileId    {@code Output.Task.Enhance.FileId}
 * @param storeUri  {@code Output.Task.Enhance.StoreUri}
 * @param report    {@code Report}: what the restoration found, did and measured (an emulator extension; a missing
 *                  node when the service sends none)
 */
public record Execution(
        String runId,
        String status,
        String code,
        String message,
        String spaceName,
        String fileId,
        String storeUri,
        JsonNode report) {

    /** An execution without a report. */
    public Execution(
            String runId,
            String status,
            String code,
            String message,
            String spaceName,
            String fileId,
            String storeUri) {
        this(runId, status, code, message, spaceName, fileId, storeUri, MissingNode.getInstance());
    }

    public static final String SUCCESS = "Success";
    public static final String FAILED = "Failed";
    public static final String TERMINATED = "Terminated";
    private static final Set<String> FINAL = Set.of(SUCCESS, FAILED, TERMINATED);

    /** Success, Failed or Terminated: polling ends. */
    public boolean isFinished() {
        return FINAL.contains(status);
    }

    public boolean succeeded() {
        return SUCCESS.equals(status);
    }

    /**
     * The output's FileName: the StoreUri without its first segment (the bucket), for both {@code tos://bucket/key}
     * and {@code bucket/key}; {@code ""} when there is no StoreUri.
     */
    public String outputFileName() {
        String uri = storeUri;
        int scheme = uri.indexOf("://");
        if (scheme >= 0) {
            uri = uri.substring(scheme + 3);
        }
        int slash = uri.indexOf('/');
        return slash < 0 ? "" : uri.substring(slash + 1);
    }
}
