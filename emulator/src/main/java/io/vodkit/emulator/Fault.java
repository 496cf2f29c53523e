package io.vodkit.emulator;

import java.util.Locale;

/**
 * One way a request can go wrong on purpose. The first three happen before the request is handled (the service did
 * nothing); the last two after it was handled (the service acted, but its answer is lost), which is what makes
 * repeating a call that creates something hard for a client.
 */
public enum Fault {
    /** {@code 500 Internal Server Error}, a plain-text body; the request body is read and dropped. */
    ERROR_500,
    /** {@code 503 Service Unavailable} with {@code Retry-After: 1}; the request body is read and dropped. */
    ERROR_503,
    /** After at most half of the request body was read, the connection is reset (TCP RST). */
    RESET,
    /**
     * The request is handled; half-way through its response nothing more is sent for the plan's stall time, then
     * the connection is closed.
     */
    STALL,
    /** The request is handled; half-way through its response the connection is closed. */
    TRUNCATE;

    /** {@code error_500}, {@code reset}, …: the name in logs and {@code /_vodkit/stats}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
