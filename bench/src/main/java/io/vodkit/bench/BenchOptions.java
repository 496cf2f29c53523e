package io.vodkit.bench;

import java.nio.file.Path;

/**
 * Bench settings.
 *
 * @param runs restorations per case; timings are medians over them (default 3)
 * @param seconds length of the generated clips (default 2)
 * @param out where the clips and {@code latest.md} are written (default {@code bench-results})
 * @param only run only the cases whose degradation contains this text (default: all)
 */
record BenchOptions(int runs, double seconds, Path out, String only) {

    BenchOptions {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs < 1: " + runs);
        }
        if (seconds <= 0 || seconds > 60) {
            throw new IllegalArgumentException("--seconds must be in (0, 60]: " + seconds);
        }
    }

    static BenchOptions parse(String[] args) {
        int runs = 3;
        double seconds = 2;
        Path out = Path.of("bench-results");
        String only = "";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(required("--runs", value));
                case "--seconds" -> seconds = Double.parseDouble(required("--seconds", value));
                case "--out" -> out = Path.of(required("--out", value));
                case "--only" -> only = required("--only", value);
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
            i++;
        }
        return new BenchOptions(runs, seconds, out, only);
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
