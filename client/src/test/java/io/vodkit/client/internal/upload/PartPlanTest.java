package io.vodkit.client.internal.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.client.upload.UploadConfig;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PartPlanTest {

    private static final long MIB = 1024L * 1024;
    private static final long GIB = 1024 * MIB;
    private static final long DEFAULT = 20 * MIB;

    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of("0 bytes", 0L, DEFAULT, true, DEFAULT, 1, 0L, 0L),
                Arguments.of("1 byte", 1L, DEFAULT, true, DEFAULT, 1, 1L, 1L),
                Arguments.of("20 MiB - 1", 20 * MIB - 1, DEFAULT, true, DEFAULT, 1, 20 * MIB - 1, 20 * MIB - 1),
                Arguments.of("exactly 20 MiB", 20 * MIB, DEFAULT, false, DEFAULT, 1, 20 * MIB, 20 * MIB),
                Arguments.of("20 MiB + 1 = 20 MiB + 1 byte", 20 * MIB + 1, DEFAULT, false, DEFAULT, 2, 20 * MIB, 1L),
                Arguments.of(
                        "40 MiB - 1 = 20 + 20 - 1", 40 * MIB - 1, DEFAULT, false, DEFAULT, 2, 20 * MIB, 20 * MIB - 1),
                Arguments.of("45 MiB = 20 + 20 + 5", 45 * MIB, DEFAULT, false, DEFAULT, 3, 20 * MIB, 5 * MIB),
                Arguments.of("64 MiB = 20 + 20 + 20 + 4", 64 * MIB, DEFAULT, false, DEFAULT, 4, 20 * MIB, 4 * MIB),
                Arguments.of("10 GiB", 10 * GIB, DEFAULT, false, DEFAULT, 512, 20 * MIB, 20 * MIB),
                Arguments.of("10 GiB + 1", 10 * GIB + 1, DEFAULT, false, DEFAULT, 513, 20 * MIB, 1L),
                Arguments.of(
                        "custom 32 MiB parts, 100 MiB", 100 * MIB, 32 * MIB, false, 32 * MIB, 4, 32 * MIB, 4 * MIB),
                Arguments.of(
                        "custom part larger than file", 25 * MIB, 64 * MIB, false, 64 * MIB, 1, 25 * MIB, 25 * MIB),
                Arguments.of(
                        "10 000 parts exactly", 10_000 * DEFAULT, DEFAULT, false, DEFAULT, 10_000, DEFAULT, DEFAULT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void plansPartsPerTheGatewayLayout(
            String name,
            long size,
            long partSize,
            boolean direct,
            long usedPartSize,
            int count,
            long firstLength,
            long lastLength) {
        PartPlan plan = PartPlan.of(size, partSize);

        assertThat(plan.direct()).isEqualTo(direct);
        assertThat(plan.partSizeBytes()).isEqualTo(usedPartSize);
        assertThat(plan.parts()).hasSize(count);
        assertThat(plan.parts().get(0).length()).isEqualTo(firstLength);
        assertThat(plan.parts().get(count - 1).length()).isEqualTo(lastLength);
        assertThat(plan.parts().subList(0, count - 1))
                .as("every part but the last is the part size")
                .allMatch(p -> p.length() == usedPartSize);
        assertContiguous(plan);
    }

    @Test
    void moreThanTenThousandPartsGrowsThePartSize() {
        long size = 10_001 * DEFAULT + 12_345;

        PartPlan plan = PartPlan.of(size, DEFAULT);

        assertThat(plan.parts()).hasSizeLessThanOrEqualTo(PartPlan.MAX_PARTS);
        assertThat(plan.partSizeBytes()).isEqualTo((size + 9_999) / 10_000).isGreaterThan(DEFAULT);
        List<PartPlan.Part> parts = plan.parts();
        assertThat(parts.subList(0, parts.size() - 1)).allMatch(p -> p.length() == plan.partSizeBytes());
        assertThat(parts.get(parts.size() - 1).length()).isPositive().isLessThanOrEqualTo(plan.partSizeBytes());
        assertContiguous(plan);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 5 * 1024 * 1024, 20 * 1024 * 1024 - 1, -1})
    void partSizeBelowTwentyMebibytesIsRefusedNamingTheValue(long partSize) {
        assertThatThrownBy(() -> PartPlan.of(100, partSize))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("partSize must be 20 MiB to 5 GiB, got ");
    }

    @Test
    void partSizeAboveFiveGibibytesIsRefused() {
        assertThatThrownBy(() -> PartPlan.of(100, 6L << 30)).hasMessage("partSize must be 20 MiB to 5 GiB, got 6 GiB");
    }

    @Test
    void aFileTooLargeForTenThousandFiveGibibyteParts() {
        assertThatThrownBy(() -> PartPlan.of(10_000L * (5L << 30) + 1, DEFAULT))
                .hasMessage(
                        "fileSize must be 1 byte to 48.83 TiB (53687091200000 bytes), got 48.83 TiB (53687091200001 bytes)");
    }

    @Test
    void negativeFileSizeIsRefused() {
        assertThatThrownBy(() -> PartPlan.of(-1, DEFAULT)).hasMessage("fileSize < 0: -1");
    }

    private static void assertContiguous(PartPlan plan) {
        long offset = 0;
        int number = 1;
        for (PartPlan.Part part : plan.parts()) {
            assertThat(part.number()).isEqualTo(number++);
            assertThat(part.offset()).isEqualTo(offset);
            offset += part.length();
        }
        assertThat(offset).isEqualTo(plan.fileSize());
    }

    @ParameterizedTest(name = "{0} bytes in {1}-byte parts → {2} in flight")
    @CsvSource({
        "1, 20971520, 1", // direct
        "20971519, 20971520, 1", // direct, just under 20 MiB
        "20971520, 20971520, 1", // one part
        "67108864, 20971520, 4", // 64 MiB: 4 parts
        "167772160, 20971520, 8", // 160 MiB: 8 parts
        "536870912, 20971520, 8", // 512 MiB: 26 parts, capped
        "536870912, 268435456, 2", // 512 MiB in 256 MiB parts
    })
    void defaultConcurrencyIsOnePerPartUpToEight(long size, long partSize, int expected) {
        assertThat(PartPlan.of(size, partSize).defaultConcurrency()).isEqualTo(expected);
    }

    @Test
    void aLoweredThresholdSplitsSmallFilesWithTheSameLayout() {
        long kib = 1024;
        UploadConfig small = UploadConfig.builder()
                .minimumPartSize(256 * kib)
                .partSize(256 * kib)
                .multipartThreshold(256 * kib)
                .build();

        assertThat(PartPlan.of(256 * kib - 1, small).direct()).isTrue();
        PartPlan plan = PartPlan.of(576 * kib, small);
        assertThat(plan.direct()).isFalse();
        assertThat(plan.parts()).extracting(PartPlan.Part::length).containsExactly(256 * kib, 256 * kib, 64 * kib);
    }
}
