package io.vodkit.client;

/**
 * The service answered an OpenAPI call with {@code ResponseMetadata.Error} (at any HTTP status).
 * Code, CodeN, Message and RequestId are the service's own values.
 */
public final class VodServiceException extends VodHttpException {

    /** The {@code Error.Code} of a resource (media, job, space, domain) the service does not have. */
    public static final String RESOURCE_NOT_FOUND = "ResourceNotFound";

    private final String code;
    private final Integer codeN;
    private final String serviceMessage;
    private final String requestId;
    private final String action;

    public VodServiceException(
            int httpStatus, String code, Integer codeN, String serviceMessage, String requestId, String action) {
        this(httpStatus, code, codeN, serviceMessage, requestId, action, null);
    }

    /** @param retryAfter the reply's {@code Retry-After}, or {@code null} */
    public VodServiceException(
            int httpStatus,
            String code,
            Integer codeN,
            String serviceMessage,
            String requestId,
            String action,
            java.time.Duration retryAfter) {
        super(describe(httpStatus, code, codeN, serviceMessage, requestId, action), httpStatus, retryAfter);
        this.code = code;
        this.codeN = codeN;
        this.serviceMessage = serviceMessage;
        this.requestId = requestId;
        this.action = action;
    }

    /** {@code Error.Code}, e.g. {@code SignatureDoesNotMatch}. */
    public String code() {
        return code;
    }

    /** The service does not have what was asked for ({@value #RESOURCE_NOT_FOUND}). */
    public boolean resourceNotFound() {
        return RESOURCE_NOT_FOUND.equals(code);
    }

    /** {@code Error.CodeN} (e.g. 100010), or {@code null} when the service did not send one. */
    public Integer codeN() {
        return codeN;
    }

    /** {@code Error.Message}, verbatim (may be empty). */
    public String serviceMessage() {
        return serviceMessage;
    }

    /** {@code ResponseMetadata.RequestId} (may be empty). */
    public String requestId() {
        return requestId;
    }

    /** The OpenAPI action that failed. */
    public String action() {
        return action;
    }

    private static String describe(
            int httpStatus, String code, Integer codeN, String message, String requestId, String action) {
        StringBuilder text = new StringBuilder()
                .append(action)
                .append(" failed: HTTP ")
                .append(httpStatus)
                .append(' ')
                .append(code);
        if (codeN != null) {
            text.append(" (").append(codeN).append(')');
        }
        if (message != null && !message.isEmpty()) {
            text.append(": ").append(message);
        }
        if (requestId != null && !requestId.isEmpty()) {
            text.append(" [RequestId ").append(requestId).append(']');
        }
        return text.toString();
    }
}
