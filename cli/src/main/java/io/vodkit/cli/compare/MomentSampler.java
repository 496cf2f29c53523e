package io.vodkit.cli.compare;

import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.emulator.media.BandingMeter;
import io.vodkit.emulator.media.CommandRunner;
import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.media.NoiseEstimator;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Takes BEFORE and AFTER at N evenly spaced moments ({@code (i + ½) · duration / N}), AFTER scaled to BEFORE's size
 * (at most {@link #MAX_GRAB_WIDTH} wide), finds the most detailed region of each BEFORE frame and measures both
 * frames.
 */
final class MomentSampler {
    /** Frames wider than this are taken scaled down to it. */
    static final int MAX_GRAB_WIDTH = 1920;

    private final FrameGrabber grabber;

    MomentSampler(FfmpegTools tools, CommandRunner runner) {
        this.grabber = new FrameGrabber(tools, runner);
    }

    /**
     * @param cropWidth the crop region's width in grabbed pixels
     * @param cropHeight its height
     */
    List<Moment> sample(Comparison comparison, int count, int cropWidth, int cropHeight) {
        Side before = comparison.before();
        Side after = comparison.after();
        int width = grabWidth(before.video().width());
        int height =
                even((long) before.video().height() * width / before.video().width());
        double duration = Math.min(
                positive(before.probe().durationSeconds()),
                positive(after.probe().durationSeconds()));
        List<Moment> moments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double t = Double.isInfinite(duration) ? 0 : (i + 0.5) * duration / count;
            try {
                BufferedImage b = grabber.grab(before.file(), t, width, height);
                BufferedImage a = grabber.grab(after.file(), t, width, height);
                byte[] yb = luma(b);
                byte[] ya = luma(a);
                moments.add(new Moment(
                        t,
                        b,
                        a,
                        mostDetailed(yb, width, height, cropWidth, cropHeight),
                        NoiseEstimator.sigma(yb, width, height),
                        NoiseEstimator.sigma(ya, width, height),
                        BandingMeter.percent(yb, width, height),
                        BandingMeter.percent(ya, width, height),
                        comparison.comparable() ? psnr(yb, ya) : Double.NaN));
            } catch (MediaException e) {
                throw new CliException(
                        ExitCodes.FAILED,
                        "cannot take the frames at " + Numbers.format(t, 2) + " s for the picture: " + e.getMessage(),
                        Map.of(),
                        e);
            }
        }
        return moments;
    }

    static int grabWidth(int sourceWidth) {
        return even(Math.min(sourceWidth, MAX_GRAB_WIDTH));
    }

    static int even(long value) {
        return (int) Math.max(2, value / 2 * 2);
    }

    private static double positive(double seconds) {
        return seconds > 0 ? seconds : Double.POSITIVE_INFINITY;
    }

    /** BT.601 luma, 8 bits. */
    static byte[] luma(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] y = new byte[w * h];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            y[i] = (byte) Math.round(0.299 * (p >> 16 & 0xFF) + 0.587 * (p >> 8 & 0xFF) + 0.114 * (p & 0xFF));
        }
        return y;
    }

    /** Y-PSNR in dB of {@code test} against {@code ref}; capped at 100 for identical planes. */
    static double psnr(byte[] ref, byte[] test) {
        double sum = 0;
        for (int i = 0; i < ref.length; i++) {
            int d = (ref[i] & 0xFF) - (test[i] & 0xFF);
            sum += d * d;
        }
        if (sum == 0) {
            return 100;
        }
        return Math.min(100, 10 * Math.log10(255.0 * 255.0 * ref.length / sum));
    }

    /**
     * The {@code cw × ch} window with the most gradient energy (sum of |horizontal| + |vertical| luma differences),
     * searched on a grid of a quarter window.
     */
    static Rectangle mostDetailed(byte[] y, int w, int h, int cw, int ch) {
        int cropW = Math.min(cw, w);
        int cropH = Math.min(ch, h);
        long[] integral = new long[(w + 1) * (h + 1)];
        for (int row = 0; row < h; row++) {
            long line = 0;
            for (int col = 0; col < w; col++) {
                int c = y[row * w + col] & 0xFF;
                int right = col + 1 < w ? y[row * w + col + 1] & 0xFF : c;
                int down = row + 1 < h ? y[(row + 1) * w + col] & 0xFF : c;
                line += Math.abs(right - c) + Math.abs(down - c);
                integral[(row + 1) * (w + 1) + col + 1] = integral[row * (w + 1) + col + 1] + line;
            }
        }
        int stepX = Math.max(1, cropW / 4);
        int stepY = Math.max(1, cropH / 4);
        long best = -1;
        Rectangle bestRect = new Rectangle(0, 0, cropW, cropH);
        for (int top = 0; top + cropH <= h; top += stepY) {
            for (int left = 0; left + cropW <= w; left += stepX) {
                long energy = integral[(top + cropH) * (w + 1) + left + cropW]
                        - integral[top * (w + 1) + left + cropW]
                        - integral[(top + cropH) * (w + 1) + left]
                        + integral[top * (w + 1) + left];
                if (energy > best) {
                    best = energy;
                    bestRect = new Rectangle(left, top, cropW, cropH);
                }
            }
        }
        return bestRect;
    }
}
