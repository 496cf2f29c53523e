package io.vodkit.client;

import java.time.Duration;
import java.util.Optional;

/** A reply arrived but says the call failed: it carries the HTTP status and any {@code Retry-After} it asked for. */
public class VodHttpException extends VodException {

    /** HTTP 507: the server has no room for the request. */
    public static final int INSUFFICIENT_STORAGE = 507;

    private final int httpStatus;
    private final Duration retryAfter;

    public VodHttpException(String message, int httpStatus, Duration retryAfter) {
        super(message);
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status of the reply. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The wait the server asked for with {@code Retry-After}, when it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The service refused the caller (401, 403): wrong or insufficient credentials, never worth a fallback. */
    public boolean isRefusal() {
        return httpStatus == 401 || httpStatus == 403;
    }

    /** Whether {@code failure} is a {@linkplain #isRefusal() refusal}. */
    public static boolean isRefusal(VodException failure) {
        return failure instanceof VodHttpException http && http.isRefusal();
    }

    /**
     * Throttled (429) or a server-side failure (5xx): asking again later may succeed. Not 507 Insufficient Storage:
     * the server's disk is full, and it stays full however often it is asked.
     */
    public boolean isTransient() {
        return httpStatus == 429 || (httpStatus >= 500 && httpStatus != INSUFFICIENT_STORAGE);
    }
}
