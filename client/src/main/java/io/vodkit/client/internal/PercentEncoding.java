package io.vodkit.client.internal;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding (UTF-8, upper-case {@code %XX}) with an explicit set of characters kept as they are. The RFC 3986
 * unreserved characters {@code A-Z a-z 0-9 - _ . ~} are always kept; a space always becomes {@code %20}.
 */
public final class PercentEncoding {

    /** Nothing beyond the unreserved set: the canonical query of request signing and form bodies. */
    public static final String UNRESERVED_ONLY = "";
    /** Path text: keeps {@code /} and the sub-delimiters the CDN and the SDKs leave alone. */
    public static final String PATH_SAFE = "/$&+,:;=@";
    /** Query values on storage-gateway URLs: keeps {@code /} (as the Java SDK sends {@code video/mp4}). */
    public static final String QUERY_VALUE_SAFE = "/";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {}

    /** Encodes {@code text}, keeping unreserved characters and every character in {@code extraSafe}. */
    public static String encode(String text, String extraSafe) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (isUnreserved(c) || (c < 0x80 && extraSafe.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_'
                || c == '.'
                || c == '~';
    }
}
