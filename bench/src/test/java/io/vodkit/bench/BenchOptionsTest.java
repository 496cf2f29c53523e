package io.vodkit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BenchOptionsTest {

    @Test
    void defaultsAndOverrides() {
        assertThat(BenchOptions.parse(new String[0])).isEqualTo(new BenchOptions(3, 2, Path.of("bench-results"), ""));
        assertThat(BenchOptions.parse(
                        new String[] {"--runs", "1", "--seconds", "4", "--out", "/tmp/b", "--only", "720p"}))
                .isEqualTo(new BenchOptions(1, 4, Path.of("/tmp/b"), "720p"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--runs 0", "--seconds 0", "--seconds 61", "--frobnicate 1", "--runs", "--only"})
    void rejectsBadOptions(String args) {
        assertThatThrownBy(() -> BenchOptions.parse(args.split(" "))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Medians.of(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Medians.of(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    }
}
