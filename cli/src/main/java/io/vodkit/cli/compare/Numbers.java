package io.vodkit.cli.compare;

import java.util.Locale;

/** Measures as text in the comparison picture. */
final class Numbers {
    private Numbers() {}

    static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
