package io.vodkit.emulator.internal.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A decoded {@code application/x-www-form-urlencoded} parameter list (query string or form body), in wire order.
 * A bare name without {@code =} (the gateway's {@code ?uploads}) has the empty value.
 */
public record QueryString(List<Param> params) {

    public record Param(String name, String value) {}

    public QueryString {
        params = List.copyOf(params);
    }

    /**
     * Parses a raw query or form body: {@code +} is a space and {@code %XX} a UTF-8 byte.
     *
     * @throws IllegalArgumentException on a malformed percent escape
     */
    public static QueryString parse(String raw) {
        List<Param> params = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return new QueryString(params);
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.add(new Param(formDecode(name), formDecode(value)));
        }
        return new QueryString(params);
    }

    public Optional<String> first(String name) {
        return params.stream()
                .filter(p -> p.name().equals(name))
                .map(Param::value)
                .findFirst();
    }

    public boolean has(String name) {
        return first(name).isPresent();
    }

    /** {@code +} → space, {@code %XX} → byte; UTF-8. */
    public static String formDecode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** Percent-encoding for URL paths (UTF-8): keeps unreserved characters and {@code /}. */
    public static String pathEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean keep = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~'
                    || c == '/';
            if (keep) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Percent-decoding for URL paths: {@code +} stays a plus sign. */
    public static String pathDecode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
