package io.vodkit.client.upload;

import io.vodkit.client.VodException;

/**
 * A storage-gateway request failed. Says which step (and part) on which host, and why: the gateway's
 * {@code error.message} and codes when it answered, or the transport failure when it did not.
 */
public final class StorageException extends VodException {

    private final GatewayStep step;
    private final int partNumber;
    private final String host;
    private final int httpStatus;
    private final int errorCode;
    private final boolean retryable;

    /**
     * @param step       the failed step
     * @param partNumber the part (1-based) for {@link GatewayStep#UPLOAD_PART}, else 0
     * @param host       the upload host
     * @param httpStatus HTTP status, 0 when no reply arrived
     * @param errorCode  gateway {@code error.error_code} (else {@code error.code}), 0 if none
     * @param retryable  whether another host may succeed (no reply, timeout, 5xx)
     * @param reason     why, for the user
     * @param cause      underlying exception, or {@code null}
     */
    public StorageException(
            GatewayStep step,
            int partNumber,
            String host,
            int httpStatus,
            int errorCode,
            boolean retryable,
            String reason,
            Throwable cause) {
        super(describe(step, partNumber, host, reason), cause);
        this.step = step;
        this.partNumber = partNumber;
        this.host = host;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.retryable = retryable;
    }

    public GatewayStep step() {
        return step;
    }

    /** The part number for {@link GatewayStep#UPLOAD_PART}, 0 otherwise. */
    public int partNumber() {
        return partNumber;
    }

    public String host() {
        return host;
    }

    /** HTTP status of the gateway's reply; 0 when none arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The gateway's error code; 0 when it gave none. */
    public int errorCode() {
        return errorCode;
    }

    /** {@code true} when the request may succeed on another upload host (no reply, timeout, or 5xx). */
    public boolean retryable() {
        return retryable;
    }

    private static String describe(GatewayStep step, int partNumber, String host, String reason) {
        return "Storage " + step.label() + (partNumber > 0 ? " (part " + partNumber + ")" : "") + " on " + host
                + " failed: " + reason;
    }
}
