package io.vodkit.emulator.media;

/**
 * Measures banding (false contours): a step of one or two luma levels between two flat runs, the pattern that
 * 8-bit quantisation of smooth gradients leaves. Real edges (bigger steps) and noisy areas (no flat runs) do not
 * count.
 */
public final class BandingMeter {

    /** A run of at least this many equal pixels on each side makes a step a false contour. */
    public static final int FLAT_RUN = 4;

    private BandingMeter() {}

    /** Percentage of pixels that sit on a horizontal false contour in an 8-bit luma plane. */
    public static double percent(byte[] luma, int width, int height) {
        if (width < 2 * FLAT_RUN + 1) {
            return 0;
        }
        long contours = 0;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int runStart = 0;
            int previousRunLength = 0;
            for (int x = 1; x <= width; x++) {
                if (x < width && luma[row + x] == luma[row + x - 1]) {
                    continue;
                }
                int runLength = x - runStart;
                if (runLength >= FLAT_RUN && previousRunLength >= FLAT_RUN) {
                    int step = Math.abs((luma[row + runStart] & 0xFF) - (luma[row + runStart - 1] & 0xFF));
                    if (step >= 1 && step <= 2) {
                        contours++;
                    }
                }
                previousRunLength = runLength;
                runStart = x;
            }
        }
        return 100.0 * contours / ((double) width * height);
    }
}
