package io.vodkit.client.internal.upload;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.client.VodHttpException;
import io.vodkit.client.internal.Json;
import io.vodkit.client.internal.ResponseEnvelope;
import io.vodkit.client.upload.GatewayStep;
import io.vodkit.client.upload.StorageException;
import java.io.IOException;

/**
 * Reads a storage-gateway reply (spec §6.2): {@code {"Version", "success": 0|…, "error": {code, error, error_code,
 * message}, "payload": {…}}}. A 2xx reply with {@code success == 0} (or no {@code success} field) yields
 * {@code payload}; anything else becomes a {@link StorageException} that is retryable on another host only for
 * HTTP 5xx or a gateway {@code error.code ≥ 500}.
 */
public final class GatewayReply {

    private GatewayReply() {}

    /**
     * @param logId the {@code X-Tt-Logid} response header, or {@code ""}
     * @return {@code payload} ({@code MissingNode} when absent)
     */
    public static JsonNode payload(
            GatewayStep step, int partNumber, String host, int httpStatus, String logId, byte[] body) {
        // 507: the storage's disk is full; sending the bytes again, here or to another host of it, cannot help
        boolean serverError = httpStatus >= 500 && httpStatus != VodHttpException.INSUFFICIENT_STORAGE;
        JsonNode root = parse(body);
        if (root == null) {
            throw new StorageException(
                    step,
                    partNumber,
                    host,
                    httpStatus,
                    0,
                    serverError,
                    "HTTP " + httpStatus + ", reply is not gateway JSON" + logIdSuffix(logId) + ": "
                            + (body.length == 0 ? "(empty body)" : ResponseEnvelope.excerpt(body)),
                    null);
        }
        int success = root.path("success").asInt(0);
        boolean ok = httpStatus >= 200 && httpStatus <= 299;
        if (ok && success == 0) {
            return root.path("payload");
        }
        JsonNode error = root.path("error");
        int code = Json.intValue(error, "code");
        int errorCode = Json.intValue(error, "error_code");
        String message = Json.text(error, "message");
        if (message.isEmpty()) {
            message = Json.text(error, "error");
        }
        if (message.isEmpty()) {
            message = "(no error message)";
        }
        String reason = "HTTP " + httpStatus + ", " + message + " (success " + success + ", code " + code
                + ", error_code " + errorCode + ")" + logIdSuffix(logId);
        throw new StorageException(
                step,
                partNumber,
                host,
                httpStatus,
                errorCode != 0 ? errorCode : code,
                serverError || (code >= 500 && httpStatus != VodHttpException.INSUFFICIENT_STORAGE),
                reason,
                null);
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode root = Json.tree(body);
            return root != null && root.isObject() ? root : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String logIdSuffix(String logId) {
        return logId.isEmpty() ? "" : " [logid " + logId + "]";
    }
}
