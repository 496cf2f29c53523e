package io.vodkit.cli.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A size typed by a person: plain bytes, or a whole number with a binary unit ({@code KiB}, {@code MiB}, {@code GiB}). */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KIB|MIB|GIB)?");

    private ByteSize() {}

    /**
     * {@code "20MiB"} → 20971520, {@code "1GiB"} → 1073741824, {@code "1048576"} → 1048576 (units are
     * case-insensitive).
     *
     * @throws IllegalArgumentException naming the text when it is not such a size or overflows
     */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size (use bytes or a number with KiB, MiB or GiB): " + text);
        }
        int shift = switch (m.group(2) == null ? "B" : m.group(2)) {
            case "KIB" -> 10;
            case "MIB" -> 20;
            case "GIB" -> 30;
            default -> 0;
        };
        try {
            long value = Long.parseLong(m.group(1));
            if (value > Long.MAX_VALUE >> shift) {
                throw new NumberFormatException();
            }
            return value << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size too large: " + text, e);
        }
    }
}
