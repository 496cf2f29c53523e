package io.vodkit.client.http;

import io.vodkit.client.VodException;

/** No usable HTTP reply: the connection failed, broke, or timed out. Worth trying again elsewhere. */
public final class TransportException extends VodException {

    private final String reason;
    private final boolean requestSent;

    /** A failure after which the server may have received (and acted on) the request. */
    public TransportException(String what, String reason, Throwable cause) {
        this(what, reason, true, cause);
    }

    /**
     * @param what        the call, e.g. {@code ListDomain}
     * @param reason      what went wrong, e.g. {@code cannot connect to host:443 (connection refused)}
     * @param requestSent false when the request surely never reached the server (the connection was not made)
     */
    public TransportException(String what, String reason, boolean requestSent, Throwable cause) {
        super(what + ": " + reason, cause);
        this.reason = reason;
        this.requestSent = requestSent;
    }

    /** Whether the server may have received the request, so repeating a non-idempotent call could repeat it. */
    public boolean requestSent() {
        return requestSent;
    }

    /** The failure without the call name. */
    public String reason() {
        return reason;
    }
}
