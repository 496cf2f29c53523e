package io.vodkit.client.internal.signing;

import io.vodkit.client.internal.PercentEncoding;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The canonical request of BytePlus HMAC-SHA256 signing (spec §2.1 steps 4–7): method, {@code /}, the sorted
 * RFC 3986 query, the signed headers (lower-case names, ASCII-sorted, trimmed values), their names, the body hash.
 *
 * @param method         HTTP method
 * @param canonicalQuery the canonical query string (see {@link #canonicalQuery(Map)})
 * @param headers        signed headers, lower-case name to trimmed value, sorted
 * @param payloadHash    lowercase hex SHA-256 of the body
 */
public record CanonicalRequest(
        String method, String canonicalQuery, SortedMap<String, String> headers, String payloadHash) {

    public CanonicalRequest {
        headers = new TreeMap<>(headers);
    }

    /**
     * Every parameter (empty values too, as {@code Key=}), name and value percent-encoded keeping only
     * {@code A-Z a-z 0-9 - _ . ~}, sorted by encoded name, joined with {@code &}. This is also the query vodkit puts
     * on the wire, so the URL and the signature always agree.
     */
    public static String canonicalQuery(Map<String, String> query) {
        TreeMap<String, String> encoded = new TreeMap<>();
        query.forEach((name, value) -> encoded.put(encode(name), encode(value)));
        return encoded.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }

    /** The {@code SignedHeaders} list: header names joined with {@code ;}. */
    public String signedHeaders() {
        return String.join(";", headers.keySet());
    }

    /** The text that is hashed into the string to sign. */
    public String text() {
        StringBuilder canonicalHeaders = new StringBuilder();
        headers.forEach((name, value) ->
                canonicalHeaders.append(name).append(':').append(value).append('\n'));
        return String.join("\n", method, "/", canonicalQuery, canonicalHeaders, signedHeaders(), payloadHash);
    }

    private static String encode(String text) {
        return PercentEncoding.encode(text, PercentEncoding.UNRESERVED_ONLY);
    }
}
