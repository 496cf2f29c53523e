package io.vodkit.emulator.restore;

import java.util.Arrays;

/**
 * Finds old-film damage on 8-bit luma planes: full-height scratch columns (a thin line brighter or darker than the
 * pixels {@link #REACH} columns to either side, on most rows) and dust (pixels that flash for a single frame: far
 * from the same pixel in the previous and next frame, which agree with each other, and far from their spatial
 * surroundings). Frame-to-frame brightness changes (flicker) are compensated before the temporal test, and a scene
 * cut or real motion makes the previous and next frame disagree, so neither is taken for dust.
 */
final class DamageDetector {

    /** Columns compared with the scratch candidate on each side; scratches up to {@code 2·REACH − 1} pixels wide. */
    static final int REACH = 3;
    /** Share of rows on which a column must show a line to be a full-height scratch. */
    static final double SCRATCH_ROW_SHARE = 0.6;
    /** Radius of the ring of pixels a dust candidate is compared with, at 360 lines and below. */
    static final int MIN_RING = 4;
    /** A dust speck fills at least this share of its bounding box. */
    static final double MIN_FILL = 0.4;
    /** A dust speck's bounding box is at most this many times longer than wide. */
    static final int MAX_ASPECT = 3;
    /** Distance of the border examined around a speck. */
    static final int SURROUND = 2;
    /** Share of that border that must be unchanged across the three frames. */
    static final double MIN_STEADY_SURROUND = 0.7;

    private static final int MIN_SCRATCH_CONTRAST = 10;
    private static final int MIN_DUST_CONTRAST = 24;

    private final int width;
    private final int height;
    private final int scratchContrast;
    private final int dustContrast;

    /**
     * @param noiseSigma the clip's noise σ̂; contrasts below a few σ̂ are taken for grain, not damage
     */
    DamageDetector(int width, int height, double noiseSigma) {
        this.width = width;
        this.height = height;
        this.scratchContrast = Math.max(MIN_SCRATCH_CONTRAST, (int) Math.round(3 * noiseSigma));
        this.dustContrast = Math.max(MIN_DUST_CONTRAST, (int) Math.round(5 * noiseSigma));
    }

    /** Marks the columns of {@code luma} that hold a full-height scratch. */
    boolean[] scratchColumns(byte[] luma) {
        boolean[] scratch = new boolean[width];
        int minRows = (int) Math.ceil(SCRATCH_ROW_SHARE * height);
        for (int x = REACH; x < width - REACH; x++) {
            int bright = 0;
            int dark = 0;
            for (int y = 0; y < height; y++) {
                int row = y * width;
                int c = luma[row + x] & 0xFF;
                int left = luma[row + x - REACH] & 0xFF;
                int right = luma[row + x + REACH] & 0xFF;
                if (c - Math.max(left, right) > scratchContrast) {
                    bright++;
                } else if (Math.min(left, right) - c > scratchContrast) {
                    dark++;
                }
            }
            scratch[x] = Math.max(bright, dark) >= minRows;
        }
        return scratch;
    }

    /**
     * Marks dust pixels of {@code current}. {@code previous} or {@code next} may be {@code null} at the ends of the
     * clip; with neither, nothing is marked. Columns in {@code skipColumns} (scratches) are not examined.
     *
     * <p>A pixel is a candidate when it is brighter or darker than both neighbouring frames (which agree) and than
     * the ring around it. Candidates are grouped into 8-connected specks, and a speck is kept only when it is
     * small ({@link #maxDustArea()}), compact, all bright or all dark, and its surroundings did not change between
     * the frames: moving objects, changing text and noisy patches fail one of these.
     */
    boolean[] dust(byte[] previous, byte[] current, byte[] next, boolean[] skipColumns) {
        byte[] before = previous != null ? previous : next;
        byte[] after = next != null ? next : previous;
        if (before == null) {
            return new boolean[width * height];
        }
        double meanCurrent = mean(current);
        double gainBefore = gain(meanCurrent, mean(before));
        double gainAfter = gain(meanCurrent, mean(after));
        byte[] sign = candidates(before, current, after, gainBefore, gainAfter, skipColumns);
        boolean[] dust = new boolean[width * height];
        int[] speck = new int[width * height];
        boolean[] visited = new boolean[width * height];
        for (int i = 0; i < sign.length; i++) {
            if (sign[i] != 0 && !visited[i]) {
                int area = collect(sign, visited, i, speck);
                if (isDust(speck, area, sign[i], sign, before, current, after, gainBefore, gainAfter)) {
                    for (int k = 0; k < area; k++) {
                        dust[speck[k]] = true;
                    }
                }
            }
        }
        return dust;
    }

    /** The largest speck taken for dust: 48 pixels, or 1/1200 of the frame when that is more. */
    int maxDustArea() {
        return Math.max(48, width * height / 1200);
    }

    private byte[] candidates(
            byte[] before, byte[] current, byte[] after, double gainBefore, double gainAfter, boolean[] skipColumns) {
        byte[] sign = new byte[width * height];
        int[] ring = new int[8 * ring()];
        int r = ring();
        for (int y = r; y < height - r; y++) {
            int row = y * width;
            for (int x = r; x < width - r; x++) {
                if (skipColumns[x]) {
                    continue;
                }
                int i = row + x;
                int c = current[i] & 0xFF;
                double p = (before[i] & 0xFF) * gainBefore;
                double n = (after[i] & 0xFF) * gainAfter;
                if (Math.abs(p - n) >= dustContrast) {
                    continue;
                }
                int flash = c - Math.max(p, n) > dustContrast ? 1 : Math.min(p, n) - c > dustContrast ? -1 : 0;
                if (flash != 0 && Math.abs(c - ringMedian(current, x, y, ring)) > dustContrast) {
                    sign[i] = (byte) flash;
                }
            }
        }
        return sign;
    }

    /** Flood-fills the 8-connected candidates from {@code seed} into {@code speck}; returns their count. */
    private int collect(byte[] sign, boolean[] visited, int seed, int[] speck) {
        int area = 0;
        int head = 0;
        speck[area++] = seed;
        visited[seed] = true;
        while (head < area) {
            int i = speck[head++];
            int x = i % width;
            int y = i / width;
            for (int dy = Math.max(0, y - 1); dy <= Math.min(height - 1, y + 1); dy++) {
                for (int dx = Math.max(0, x - 1); dx <= Math.min(width - 1, x + 1); dx++) {
                    int j = dy * width + dx;
                    if (sign[j] != 0 && !visited[j]) {
                        visited[j] = true;
                        speck[area++] = j;
                    }
                }
            }
        }
        return area;
    }

    private boolean isDust(
            int[] speck,
            int area,
            byte firstSign,
            byte[] sign,
            byte[] before,
            byte[] current,
            byte[] after,
            double gainBefore,
            double gainAfter) {
        if (area > maxDustArea()) {
            return false;
        }
        int minX = width;
        int maxX = -1;
        int minY = height;
        int maxY = -1;
        for (int k = 0; k < area; k++) {
            int i = speck[k];
            if (sign[i] != firstSign) {
                return false;
            }
            minX = Math.min(minX, i % width);
            maxX = Math.max(maxX, i % width);
            minY = Math.min(minY, i / width);
            maxY = Math.max(maxY, i / width);
        }
        int boxWidth = maxX - minX + 1;
        int boxHeight = maxY - minY + 1;
        if (area < MIN_FILL * boxWidth * boxHeight
                || Math.max(boxWidth, boxHeight) > MAX_ASPECT * Math.min(boxWidth, boxHeight)) {
            return false;
        }
        return surroundUnchanged(
                minX - SURROUND,
                maxX + SURROUND,
                minY - SURROUND,
                maxY + SURROUND,
                before,
                current,
                after,
                gainBefore,
                gainAfter);
    }

    /** True when most pixels on the rectangle's border kept their brightness across the three frames. */
    private boolean surroundUnchanged(
            int x0,
            int x1,
            int y0,
            int y1,
            byte[] before,
            byte[] current,
            byte[] after,
            double gainBefore,
            double gainAfter) {
        int total = 0;
        int steady = 0;
        double limit = dustContrast / 2.0;
        for (int y = Math.max(0, y0); y <= Math.min(height - 1, y1); y++) {
            for (int x = Math.max(0, x0); x <= Math.min(width - 1, x1); x++) {
                if (y != y0 && y != y1 && x != x0 && x != x1) {
                    continue;
                }
                int i = y * width + x;
                int c = current[i] & 0xFF;
                total++;
                if (Math.abs(c - (before[i] & 0xFF) * gainBefore) < limit
                        && Math.abs(c - (after[i] & 0xFF) * gainAfter) < limit) {
                    steady++;
                }
            }
        }
        return total > 0 && steady >= MIN_STEADY_SURROUND * total;
    }

    /** Counts set flags. */
    static int count(boolean[] flags) {
        int n = 0;
        for (boolean flag : flags) {
            if (flag) {
                n++;
            }
        }
        return n;
    }

    static double mean(byte[] plane) {
        long sum = 0;
        for (byte b : plane) {
            sum += b & 0xFF;
        }
        return plane.length == 0 ? 0 : (double) sum / plane.length;
    }

    private static double gain(double target, double mean) {
        return mean < 1 ? 1 : target / mean;
    }

    /** The ring radius: {@link #MIN_RING}, growing with the frame height above 360 lines. */
    int ring() {
        return Math.max(MIN_RING, height / 90);
    }

    private int ringMedian(byte[] plane, int x, int y, int[] ring) {
        int r = ring();
        int k = 0;
        for (int d = -r; d < r; d++) {
            ring[k++] = plane[(y - r) * width + x + d] & 0xFF;
            ring[k++] = plane[(y + d + 1) * width + x - r] & 0xFF;
            ring[k++] = plane[(y + r) * width + x + d + 1] & 0xFF;
            ring[k++] = plane[(y + d) * width + x + r] & 0xFF;
        }
        Arrays.sort(ring);
        return (ring[ring.length / 2 - 1] + ring[ring.length / 2]) / 2;
    }
}
