package io.vodkit.emulator.internal.service;

import io.vodkit.emulator.internal.api.GatewayError;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code Content-CRC32} request header: 8 hex digits, or {@code Ignore} (stream uploads) — then nothing is
 * checked. An absent header is treated like {@code Ignore}.
 */
public record ExpectedCrc(String crc32) {
    private static final Pattern HEX8 = Pattern.compile("[0-9a-fA-F]{8}");
    private static final ExpectedCrc IGNORE = new ExpectedCrc(null);

    public static ExpectedCrc parse(String header) {
        if (header == null || header.isBlank() || header.trim().equalsIgnoreCase("Ignore")) {
            return IGNORE;
        }
        String value = header.trim();
        if (!HEX8.matcher(value).matches()) {
            throw GatewayError.INVALID_REQUEST.exception("Content-CRC32 must be 8 hex digits or Ignore, got " + value);
        }
        return new ExpectedCrc(value.toLowerCase(Locale.ROOT));
    }

    public boolean matches(String actualCrc32) {
        return crc32 == null || crc32.equals(actualCrc32);
    }
}
