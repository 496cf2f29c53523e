package io.vodkit.emulator.media;

/**
 * Immerkær's fast noise variance estimator (1996, "Fast Noise Variance Estimation"): convolve the luma plane with
 * the mask {@code [1 -2 1; -2 4 -2; 1 -2 1]} and take σ̂ = sqrt(π/2) / (6 (W-2)(H-2)) · Σ|conv|.
 */
public final class NoiseEstimator {

    private NoiseEstimator() {}

    /** σ̂ of an 8-bit luma plane ({@code width × height} bytes, row by row); 0 for planes under 3×3. */
    public static double sigma(byte[] luma, int width, int height) {
        if (width < 3 || height < 3) {
            return 0;
        }
        long sum = 0;
        for (int y = 1; y < height - 1; y++) {
            int up = (y - 1) * width;
            int mid = y * width;
            int down = (y + 1) * width;
            for (int x = 1; x < width - 1; x++) {
                int conv = at(luma, up + x - 1)
                        - 2 * at(luma, up + x)
                        + at(luma, up + x + 1)
                        - 2 * at(luma, mid + x - 1)
                        + 4 * at(luma, mid + x)
                        - 2 * at(luma, mid + x + 1)
                        + at(luma, down + x - 1)
                        - 2 * at(luma, down + x)
                        + at(luma, down + x + 1);
                sum += Math.abs(conv);
            }
        }
        return Math.sqrt(Math.PI / 2) / (6.0 * (width - 2) * (height - 2)) * sum;
    }

    private static int at(byte[] plane, int index) {
        return plane[index] & 0xFF;
    }
}
