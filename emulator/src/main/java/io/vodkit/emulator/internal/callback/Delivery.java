package io.vodkit.emulator.internal.callback;

import java.util.Optional;

/**
 * One callback to send: the A15.1 envelope as its exact body bytes, to the subscribed URL with its content type,
 * signed with {@code privateKey} when the space enabled authentication. Its {@link #toString()} never shows the key.
 */
record Delivery(
        String url, String contentType, byte[] body, Optional<String> privateKey, String eventType, String requestId) {

    @Override
    public String toString() {
        return "Delivery[eventType=" + eventType + ", requestId=" + requestId + ", url=" + url + "]";
    }
}
