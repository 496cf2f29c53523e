package io.vodkit.emulator.internal.pull;

import java.time.Duration;

/** Human wording of sizes and durations in failure reasons: {@code 10 GiB}, {@code 30 s}, {@code 0.5 s}. */
final class Sizes {
    private static final String[] UNITS = {"bytes", "KiB", "MiB", "GiB", "TiB"};

    private Sizes() {}

    static String bytes(long count) {
        int unit = 0;
        long value = count;
        while (unit < UNITS.length - 1 && value >= 1024 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return value + " " + UNITS[unit];
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return (millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0)) + " s";
    }
}
