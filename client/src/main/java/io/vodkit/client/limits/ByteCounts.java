package io.vodkit.client.limits;

import java.util.Locale;

/**
 * Byte counts as a person reads them: {@code 20 MiB}, {@code 5 GiB}, {@code 700 bytes}, and a count that is no whole
 * number of its unit with its exact value too: {@code 1.5 GiB (1610612736 bytes)}.
 */
final class ByteCounts {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private ByteCounts() {}

    static String describe(long bytes) {
        if (Math.abs(bytes) < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        int unit = -1;
        double value = bytes;
        while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        if (value == Math.rint(value)) {
            return (long) value + " " + UNITS[unit];
        }
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "") + " " + UNITS[unit] + " (" + bytes
                + " bytes)";
    }
}
