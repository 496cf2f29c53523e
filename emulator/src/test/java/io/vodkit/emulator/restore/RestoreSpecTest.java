package io.vodkit.emulator.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestoreSpecTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "240p, 240",
                "360p, 360",
                "480p, 480",
                "540p, 540",
                "720p, 720",
                "1080p, 1080",
                "2k, 1440",
                "4K, 2160",
                "8k, -",
                "-, -"
            })
    void resolutionNames(String res, Integer height) {
        assertThat(RestoreSpec.heightOfRes(res)).isEqualTo(java.util.Optional.ofNullable(height));
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "film,     1, -,    -,   8,  config must be one of",
                "common,   3, -,    -,   8,  repairStyle must be 1 (Standard) or 2 (Pro): 3",
                "common,   1, 8,    -,   8,  targetHeight must be in [16, 4320]: 8",
                "common,   1, -,    121, 8,  fps must be in [1, 120]: 121",
                "common,   1, -,    -,   9,  bitDepth must be 8, 10, 12 or 16: 9"
            })
    void rejectsInvalidValues(String config, int style, Integer height, Integer fps, int bitDepth, String message) {
        assertThatThrownBy(() -> new RestoreSpec(config, style, height, fps, bitDepth))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
