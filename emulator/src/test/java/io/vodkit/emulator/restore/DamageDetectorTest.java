package io.vodkit.emulator.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.vodkit.emulator.media.YuvFrame;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DamageDetectorTest {

    private static final int W = 160;
    private static final int H = 90;
    private static final double GRAIN = 2;

    private final Random random = new Random(7);

    @Test
    void findsAFullHeightScratchButNotEdgesOrBars() {
        byte[] luma = scene(0);
        for (int y = 0; y < H; y++) {
            luma[y * W + 50] = (byte) Math.min(255, (luma[y * W + 50] & 0xFF) + 60);
        }

        boolean[] scratches = new DamageDetector(W, H, GRAIN).scratchColumns(luma);

        assertThat(scratches[50]).isTrue();
        assertThat(DamageDetector.count(scratches))
                .as("only the scratch column")
                .isEqualTo(1);
    }

    @Test
    void findsDustThatFlashesForOneFrameDespiteFlicker() {
        byte[] previous = scene(0);
        byte[] current = brighter(scene(1), 1.08);
        byte[] next = scene(2);
        speck(current, 100, 40, 2, 15);

        boolean[] dust = new DamageDetector(W, H, GRAIN).dust(previous, current, next, new boolean[W]);

        assertThat(dust[40 * W + 100]).isTrue();
        assertThat(DamageDetector.count(dust)).isBetween(9, 13);
    }

    @Test
    void movingObjectsSceneCutsAndMissingNeighboursAreNotDust() {
        DamageDetector detector = new DamageDetector(W, H, GRAIN);
        byte[] cut = new byte[W * H];
        for (int i = 0; i < cut.length; i++) {
            cut[i] = clip(220 - (i % W) * 1.2 + random.nextGaussian() * GRAIN);
        }

        assertThat(DamageDetector.count(detector.dust(scene(0), scene(1), scene(2), new boolean[W])))
                .as("moving square")
                .isZero();
        assertThat(DamageDetector.count(detector.dust(scene(0), scene(1), cut, new boolean[W])))
                .as("scene cut")
                .isZero();
        assertThat(DamageDetector.count(detector.dust(null, scene(1), null, new boolean[W])))
                .isZero();
    }

    @Test
    void filmRepairRemovesTheScratchAndTheDust() {
        YuvFrame previous = frame(scene(0));
        byte[] clean = scene(1);
        YuvFrame current = frame(clean.clone());
        YuvFrame next = frame(scene(2));
        byte[] luma = current.luma();
        for (int y = 0; y < H; y++) {
            luma[y * W + 50] = (byte) 250;
        }
        speck(luma, 100, 40, 2, 15);

        new FilmRepair(GRAIN).process(previous, current, next);

        assertThat(maxError(luma, clean, 50, 50, 0, H - 1)).as("scratch column").isLessThan(20);
        assertThat(maxError(luma, clean, 98, 102, 38, 42)).as("dust speck").isLessThan(20);
        DamageDetector detector = new DamageDetector(W, H, GRAIN);
        assertThat(DamageDetector.count(detector.scratchColumns(luma))).isZero();
    }

    /** A gradient with grain and a 12×12 bright square moving 5 pixels per frame. */
    private byte[] scene(int frame) {
        byte[] luma = new byte[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                luma[y * W + x] = clip(60 + x * 0.5 + y * 0.3 + random.nextGaussian() * GRAIN);
            }
        }
        int left = 20 + 5 * frame;
        for (int y = 60; y < 72; y++) {
            for (int x = left; x < left + 12; x++) {
                luma[y * W + x] = (byte) 200;
            }
        }
        return luma;
    }

    private static byte[] brighter(byte[] luma, double gain) {
        for (int i = 0; i < luma.length; i++) {
            luma[i] = clip((luma[i] & 0xFF) * gain);
        }
        return luma;
    }

    private static void speck(byte[] luma, int cx, int cy, int radius, int value) {
        for (int y = cy - radius; y <= cy + radius; y++) {
            for (int x = cx - radius; x <= cx + radius; x++) {
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius) {
                    luma[y * W + x] = (byte) value;
                }
            }
        }
    }

    private static YuvFrame frame(byte[] luma) {
        YuvFrame frame = new YuvFrame(W, H);
        System.arraycopy(luma, 0, frame.luma(), 0, luma.length);
        return frame;
    }

    private static int maxError(byte[] a, byte[] b, int x0, int x1, int y0, int y1) {
        int max = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                max = Math.max(max, Math.abs((a[y * W + x] & 0xFF) - (b[y * W + x] & 0xFF)));
            }
        }
        return max;
    }

    private static byte clip(double value) {
        return (byte) Math.max(0, Math.min(255, Math.round(value)));
    }
}
