package io.vodkit.emulator.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.emulator.internal.api.GatewayError;
import io.vodkit.emulator.internal.api.GatewayException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MergeManifestTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0:9adc7308,1:27c43d05",
                "1:9adc7308,2:27c43d05",
                " 0:9ADC7308 , 1:27c43d05 \n",
            })
    void acceptsZeroAndOneBasedBodies(String body) {
        assertThat(MergeManifest.parse(body).partCrcs()).containsExactly("9adc7308", "27c43d05");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''                         | empty",
                "2:9adc7308                 | first index must be 0 or 1",
                "0:9adc7308,2:27c43d05      | expected 1",
                "1:9adc7308,1:27c43d05      | expected 2",
                "0:9adc730                  | not index:crc32",
                "0:9adc7308,                | not index:crc32",
                "0-9adc7308                 | not index:crc32",
            })
    void rejectsMalformedBodies(String body, String reason) {
        assertThatThrownBy(() -> MergeManifest.parse(body)).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.error()).isEqualTo(GatewayError.INVALID_MERGE_BODY);
            assertThat(e.getMessage()).contains(reason);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"0:00000000", "1:00000000"})
    void singlePartBodies(String body) {
        assertThat(MergeManifest.parse(body).partCrcs()).isEqualTo(List.of("00000000"));
    }
}
