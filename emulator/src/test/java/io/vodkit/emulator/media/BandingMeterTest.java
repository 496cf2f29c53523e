package io.vodkit.emulator.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BandingMeterTest {

    private static final int W = 320;
    private static final int H = 90;

    @Test
    void quantisedGentleGradientIsBanded() {
        byte[] luma = plane((x, y) -> 100 + x / 16);

        assertThat(BandingMeter.percent(luma, W, H)).isGreaterThan(5);
    }

    @Test
    void ditheredGradientHardEdgesAndFlatAreasAreNot() {
        Random random = new Random(1);
        byte[] dithered = plane((x, y) -> 100 + x / 16 + random.nextInt(3) - 1);
        byte[] bars = plane((x, y) -> (x / 40) % 2 == 0 ? 30 : 220);
        byte[] flat = plane((x, y) -> 77);

        assertThat(BandingMeter.percent(dithered, W, H)).isLessThan(0.5);
        assertThat(BandingMeter.percent(bars, W, H)).isZero();
        assertThat(BandingMeter.percent(flat, W, H)).isZero();
    }

    private interface Pixel {
        int at(int x, int y);
    }

    private static byte[] plane(Pixel pixel) {
        byte[] luma = new byte[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                luma[y * W + x] = (byte) pixel.at(x, y);
            }
        }
        return luma;
    }
}
