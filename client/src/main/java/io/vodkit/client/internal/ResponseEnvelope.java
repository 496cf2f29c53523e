package io.vodkit.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.vodkit.client.VodException;
import io.vodkit.client.VodHttpException;
import io.vodkit.client.VodServiceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads the OpenAPI envelope {@code {"ResponseMetadata":{…,"Error":{…}},"Result":…}} (spec §4.1). An
 * {@code Error} with a non-empty {@code Code} other than {@code "0"} becomes {@link VodServiceException} whatever the
 * HTTP status; an empty, non-JSON or envelope-less reply becomes a {@link VodException} that says so.
 */
public final class ResponseEnvelope {

    /** How much of an unexpected body goes into an error message. */
    public static final int EXCERPT_CHARS = 200;

    private ResponseEnvelope() {}

    /**
     * Returns {@code Result} ({@link MissingNode} when a successful reply has none, as for
     * UpdateMediaPublishStatus).
     */
    public static JsonNode result(String action, int httpStatus, byte[] body, Duration retryAfter) {
        if (body.length == 0) {
            throw new VodHttpException(
                    action + " failed: HTTP " + httpStatus + " with an empty body", httpStatus, retryAfter);
        }
        JsonNode root;
        try {
            root = Json.tree(body);
        } catch (IOException e) {
            throw notJson(action, httpStatus, body, retryAfter);
        }
        if (root == null || !root.isObject()) {
            throw notJson(action, httpStatus, body, retryAfter);
        }
        JsonNode metadata = root.path("ResponseMetadata");
        JsonNode error = metadata.path("Error");
        String code = Json.text(error, "Code");
        if (!code.isEmpty() && !code.equals("0")) {
            JsonNode codeN = error.path("CodeN");
            throw new VodServiceException(
                    httpStatus,
                    code,
                    codeN.canConvertToInt() ? codeN.asInt() : null,
                    Json.text(error, "Message"),
                    Json.text(metadata, "RequestId"),
                    action,
                    retryAfter);
        }
        if (httpStatus < 200 || httpStatus > 299) {
            throw new VodHttpException(
                    action + " failed: HTTP " + httpStatus + " without error details" + requestIdSuffix(metadata) + ": "
                            + excerpt(body),
                    httpStatus,
                    retryAfter);
        }
        if (metadata.isMissingNode()) {
            throw new VodException(
                    action + ": reply has no ResponseMetadata (HTTP " + httpStatus + "): " + excerpt(body));
        }
        return root.has("Result") ? root.get("Result") : MissingNode.getInstance();
    }

    /** The first {@value #EXCERPT_CHARS} characters of {@code body}, whitespace runs folded to one space. */
    public static String excerpt(byte[] body) {
        String text =
                new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "…";
    }

    private static VodException notJson(String action, int httpStatus, byte[] body, Duration retryAfter) {
        return new VodHttpException(
                action + " failed: HTTP " + httpStatus
                        + " and the reply is not JSON (wrong endpoint, or a proxy answered?): " + excerpt(body),
                httpStatus,
                retryAfter);
    }

    private static String requestIdSuffix(JsonNode metadata) {
        String requestId = Json.text(metadata, "RequestId");
        return requestId.isEmpty() ? "" : " [RequestId " + requestId + "]";
    }
}
