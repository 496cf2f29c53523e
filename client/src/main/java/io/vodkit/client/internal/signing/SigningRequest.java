package io.vodkit.client.internal.signing;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What gets signed: the HTTP method, the {@code Host} header value (as sent, port included unless it is
 * {@code :80}/{@code :443}), the decoded query parameters, an optional {@code Content-Type}, and the exact body bytes.
 *
 * @param method      HTTP method, e.g. {@code GET}
 * @param host        host header value, e.g. {@code vod.byteplusapi.com} or {@code 127.0.0.1:18765}
 * @param query       decoded query parameters (empty values included; {@code Action} and {@code Version} too)
 * @param contentType {@code Content-Type} of the body, or {@code null} for requests without one (signed when set)
 * @param body        the exact body bytes (empty for GET)
 */
public record SigningRequest(String method, String host, Map<String, String> query, String contentType, byte[] body) {

    public SigningRequest {
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(host, "host == null");
        method = method.toUpperCase(Locale.ROOT);
        query = Map.copyOf(Objects.requireNonNull(query, "query == null"));
        body = Objects.requireNonNull(body, "body == null").clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The {@code Host} value used for signing: {@code :80} and {@code :443} are dropped, any other port stays. */
    public String canonicalHost() {
        String lower = host.trim().toLowerCase(Locale.ROOT);
        if (lower.endsWith(":80")) {
            return lower.substring(0, lower.length() - 3);
        }
        if (lower.endsWith(":443")) {
            return lower.substring(0, lower.length() - 4);
        }
        return lower;
    }
}
