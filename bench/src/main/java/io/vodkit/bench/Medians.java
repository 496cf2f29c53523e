package io.vodkit.bench;

import java.util.List;

/** The median every bench reports. */
public final class Medians {

    private Medians() {}

    /** The middle value, or the mean of the two middle values; {@code values} must not be empty. */
    public static double of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
