package io.vodkit.emulator.restore;

import io.vodkit.emulator.media.FrameProcessor;
import io.vodkit.emulator.media.YuvFrame;
import java.util.Random;

/**
 * Damages frames like worn film, reproducibly from a seed: brightness flicker, grain, two full-height scratches
 * (one bright and two pixels wide, one dark and one pixel wide, wandering by a pixel) and dust specks that last one
 * frame.
 */
public final class FilmDamageSynth implements FrameProcessor {

    public static final double FLICKER_GAIN = 0.07;
    public static final double GRAIN_SIGMA = 5;
    public static final int DUST_PER_FRAME = 14;

    private final Random random;

    public FilmDamageSynth(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public void process(YuvFrame previous, YuvFrame current, YuvFrame next) {
        int width = current.width();
        int height = current.height();
        byte[] luma = current.luma();
        double gain = 1 + flickerGain(random);
        for (int i = 0; i < luma.length; i++) {
            luma[i] = clip((luma[i] & 0xFF) * gain + random.nextGaussian() * GRAIN_SIGMA);
        }
        int bright = (int) (0.3 * width) + random.nextInt(3) - 1;
        int dark = (int) (0.72 * width) + random.nextInt(3) - 1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = bright; x < bright + 2; x++) {
                luma[row + x] = clip((luma[row + x] & 0xFF) + 80);
            }
            luma[row + dark] = clip((luma[row + dark] & 0xFF) - 70);
        }
        for (int n = 0; n < DUST_PER_FRAME; n++) {
            int radius = 1 + random.nextInt(3);
            int cx = radius + random.nextInt(width - 2 * radius);
            int cy = radius + random.nextInt(height - 2 * radius);
            byte value = (byte) (random.nextBoolean() ? 20 : 235);
            for (int y = cy - radius; y <= cy + radius; y++) {
                for (int x = cx - radius; x <= cx + radius; x++) {
                    if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius) {
                        luma[y * width + x] = value;
                    }
                }
            }
        }
    }

    private static double flickerGain(Random random) {
        return FLICKER_GAIN * (2 * random.nextDouble() - 1);
    }

    private static byte clip(double value) {
        return (byte) Math.max(0, Math.min(255, Math.round(value)));
    }
}
