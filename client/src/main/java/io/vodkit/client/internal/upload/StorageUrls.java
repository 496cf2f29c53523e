package io.vodkit.client.internal.upload;

import io.vodkit.client.internal.PercentEncoding;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds storage-gateway URLs {@code <scheme>://<host>/<StoreUri>[?query]}. The one place of the scheme rule: the
 * storage scheme is the OpenAPI endpoint's scheme (https for the cloud, http for a local emulator).
 */
public final class StorageUrls {

    private final String scheme;

    private StorageUrls(String scheme) {
        this.scheme = scheme;
    }

    /** Whether storage hosts are spoken to in plain {@code http} (a local emulator), not {@code https}. */
    public boolean plainHttp() {
        return scheme.equals("http");
    }

    /** Storage URLs for a client whose OpenAPI endpoint is {@code endpoint}. */
    public static StorageUrls forEndpoint(URI endpoint) {
        return new StorageUrls(endpoint.getScheme().toLowerCase(Locale.ROOT));
    }

    /**
     * The object URL. The StoreUri keeps its {@code /} separators; other characters outside the URL-safe set are
     * percent-encoded (the gateway decodes the path).
     *
     * @param rawQuery an already encoded query ({@code ""} for none), e.g. from {@link #query(Map)} or {@code uploads}
     */
    public URI object(String host, String storeUri, String rawQuery) {
        String path = PercentEncoding.encode(storeUri, PercentEncoding.PATH_SAFE);
        return URI.create(scheme + "://" + host + "/" + path + (rawQuery.isEmpty() ? "" : "?" + rawQuery));
    }

    /** {@code name=value&…} in the given order, values percent-encoded except {@code /} (so {@code video/mp4} stays). */
    public static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + PercentEncoding.encode(e.getValue(), PercentEncoding.QUERY_VALUE_SAFE))
                .collect(Collectors.joining("&"));
    }
}
