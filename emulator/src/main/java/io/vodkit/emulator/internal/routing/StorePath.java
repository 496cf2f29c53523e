package io.vodkit.emulator.internal.routing;

import io.vodkit.emulator.internal.api.GatewayError;
import io.vodkit.emulator.internal.api.QueryString;

/**
 * Turns a raw request path ({@code /bucket/dir/name.mp4}, percent-encoded as sent) into the decoded key, refusing
 * empty, {@code .} and {@code ..} segments, encoded slashes and backslashes, and control characters.
 */
final class StorePath {
    private StorePath() {}

    /** @throws io.vodkit.emulator.internal.api.GatewayException INVALID_PATH */
    static String decode(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.length() == 1) {
            throw GatewayError.INVALID_PATH.exception(rawPath, "the path is empty");
        }
        StringBuilder key = new StringBuilder();
        for (String raw : rawPath.substring(1).split("/", -1)) {
            String segment;
            try {
                segment = QueryString.pathDecode(raw);
            } catch (IllegalArgumentException e) {
                throw GatewayError.INVALID_PATH.exception(rawPath, "malformed percent-encoding");
            }
            if (segment.isEmpty()) {
                throw GatewayError.INVALID_PATH.exception(rawPath, "empty path segment");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw GatewayError.INVALID_PATH.exception(rawPath, "path traversal");
            }
            if (segment.chars().anyMatch(c -> c == '/' || c == '\\' || c < 0x20 || c == 0x7F)) {
                throw GatewayError.INVALID_PATH.exception(rawPath, "encoded slash, backslash or control character");
            }
            if (key.length() > 0) {
                key.append('/');
            }
            key.append(segment);
        }
        return key.toString();
    }
}
