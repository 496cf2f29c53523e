package io.vodkit.emulator.restore;

import io.vodkit.emulator.media.FrameProcessor;
import io.vodkit.emulator.media.YuvFrame;

/**
 * Repairs old-film damage on the luma plane of each frame: scratch columns found by {@link DamageDetector} are
 * re-interpolated from the columns beside them, and dust pixels (grown by one pixel to cover their soft edges)
 * take the brightness-matched mean of the previous and next frame.
 */
final class FilmRepair implements FrameProcessor {

    private final double noiseSigma;
    private DamageDetector detector;

    /** @param noiseSigma the clip's noise σ̂, which sets the detector's contrast thresholds */
    FilmRepair(double noiseSigma) {
        this.noiseSigma = noiseSigma;
    }

    @Override
    public void process(YuvFrame previous, YuvFrame current, YuvFrame next) {
        int width = current.width();
        int height = current.height();
        if (detector == null) {
            detector = new DamageDetector(width, height, noiseSigma);
        }
        byte[] luma = current.luma();
        boolean[] scratches = detector.scratchColumns(luma);
        boolean[] dust = detector.dust(
                previous == null ? null : previous.luma(), luma, next == null ? null : next.luma(), scratches);
        repairDust(previous, current, next, dust);
        repairScratches(luma, width, height, scratches);
    }

    private static void repairScratches(byte[] luma, int width, int height, boolean[] scratches) {
        int x = 0;
        while (x < width) {
            if (!scratches[x]) {
                x++;
                continue;
            }
            int first = x;
            while (x < width && scratches[x]) {
                x++;
            }
            int left = Math.max(0, first - 2);
            int right = Math.min(width - 1, x + 1);
            for (int y = 0; y < height; y++) {
                int row = y * width;
                int a = luma[row + left] & 0xFF;
                int b = luma[row + right] & 0xFF;
                for (int i = left + 1; i < right; i++) {
                    luma[row + i] = (byte) Math.round(a + (b - a) * (double) (i - left) / (right - left));
                }
            }
        }
    }

    private static void repairDust(YuvFrame previous, YuvFrame current, YuvFrame next, boolean[] dust) {
        YuvFrame before = previous != null ? previous : next;
        YuvFrame after = next != null ? next : previous;
        if (before == null) {
            return;
        }
        int width = current.width();
        int height = current.height();
        byte[] luma = current.luma();
        byte[] p = before.luma();
        byte[] n = after.luma();
        double meanCurrent = DamageDetector.mean(luma);
        double gainBefore = meanCurrent / Math.max(1, DamageDetector.mean(p));
        double gainAfter = meanCurrent / Math.max(1, DamageDetector.mean(n));
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (nearDust(dust, width, height, x, y)) {
                    int i = y * width + x;
                    double value = ((p[i] & 0xFF) * gainBefore + (n[i] & 0xFF) * gainAfter) / 2;
                    luma[i] = (byte) Math.max(0, Math.min(255, Math.round(value)));
                }
            }
        }
    }

    private static boolean nearDust(boolean[] dust, int width, int height, int x, int y) {
        for (int dy = Math.max(0, y - 1); dy <= Math.min(height - 1, y + 1); dy++) {
            for (int dx = Math.max(0, x - 1); dx <= Math.min(width - 1, x + 1); dx++) {
                if (dust[dy * width + dx]) {
                    return true;
                }
            }
        }
        return false;
    }
}
