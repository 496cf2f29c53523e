package io.vodkit.emulator.internal.security;

import io.vodkit.emulator.internal.api.QueryString;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The canonical request of spec §2.1 steps 5–7, rebuilt on the server side. */
final class CanonicalRequest {
    private static final String CANONICAL_URI = "/";

    private CanonicalRequest() {}

    /**
     * Builds the canonical request.
     *
     * @param headerValue the value of a signed header (lower-case name), already canonicalised by the caller
     */
    static String build(
            String method,
            String rawQuery,
            List<String> signedHeaders,
            Function<String, String> headerValue,
            String payloadHash) {
        StringBuilder headers = new StringBuilder();
        for (String name : signedHeaders) {
            headers.append(name).append(':').append(headerValue.apply(name)).append('\n');
        }
        return String.join(
                "\n",
                method,
                CANONICAL_URI,
                canonicalQuery(rawQuery),
                headers.toString(),
                String.join(";", signedHeaders),
                payloadHash);
    }

    /**
     * Form-decodes the raw query, then re-encodes every name and value with the RFC 3986 unreserved set and sorts
     * the pairs by encoded name (then value). Empty values stay as {@code name=}.
     */
    static String canonicalQuery(String rawQuery) {
        return QueryString.parse(rawQuery).params().stream()
                .map(p -> new String[] {encode(p.name()), encode(p.value())})
                .sorted(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]))
                .map(p -> p[0] + "=" + p[1])
                .collect(Collectors.joining("&"));
    }

    /** Percent-encodes everything except {@code A–Z a–z 0–9 - _ . ~}, with upper-case hex. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
