package io.vodkit.emulator.internal.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the verifier needs of an OpenAPI request: method, the raw (still encoded) query string, the headers
 * (looked up case-insensitively) and the exact body bytes.
 */
public record SignedRequest(String method, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    public SignedRequest {
        Objects.requireNonNull(method, "method == null");
        rawQuery = rawQuery == null ? "" : rawQuery;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), (a, b) -> {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }));
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body.clone();
    }

    /** All values of a header joined with {@code ","}, or {@code null} when absent. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
