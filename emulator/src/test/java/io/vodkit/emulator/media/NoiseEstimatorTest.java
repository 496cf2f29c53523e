package io.vodkit.emulator.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoiseEstimatorTest {

    private static final int W = 320;
    private static final int H = 180;

    @ParameterizedTest
    @ValueSource(doubles = {2, 4, 8, 12})
    void estimatesGaussianNoiseOnAGradient(double sigma) {
        Random random = new Random(42);
        byte[] luma = new byte[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double value = 60 + x * 0.3 + y * 0.2 + random.nextGaussian() * sigma;
                luma[y * W + x] = (byte) Math.max(0, Math.min(255, Math.round(value)));
            }
        }

        assertThat(NoiseEstimator.sigma(luma, W, H)).isCloseTo(sigma, within(0.1 * sigma + 0.3));
    }

    @Test
    void flatAndLinearPlanesHaveNoNoise() {
        byte[] flat = new byte[W * H];
        java.util.Arrays.fill(flat, (byte) 128);
        byte[] ramp = new byte[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                ramp[y * W + x] = (byte) (x / 2);
            }
        }

        assertThat(NoiseEstimator.sigma(flat, W, H)).isZero();
        assertThat(NoiseEstimator.sigma(ramp, W, H)).isLessThan(0.3);
        assertThat(NoiseEstimator.sigma(new byte[4], 2, 2)).isZero();
    }
}
