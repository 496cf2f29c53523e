package io.vodkit.cli.compare;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Rounding for printed measures. */
final class Numbers {
    private Numbers() {
    }

    static double round(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
