package io.vodkit.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "20MiB, 20971520",
        "64MiB, 67108864",
        "1GiB, 1073741824",
        "20971520, 20971520",
        "512KiB, 524288",
        "20mib, 20971520",
        "' 64 MiB ', 67108864",
        "7B, 7",
    })
    void parsesBytesAndBinaryUnits(String text, long bytes) {
        assertThat(ByteSize.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MiB", "-1", "1.5GiB", "20MB", "20 M", "99999999999999999999", "9000000000GiB"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text.trim());
    }
}
