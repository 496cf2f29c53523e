package io.vodkit.bench.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkFloorTest {
    private static final long MIB = 1 << 20;
    private static final double RATE = Link.SHAPED.bytesPerSecond();
    private static final double LATENCY = Link.SHAPED.latencyMs() / 1000.0;

    @Test
    void layoutsFollowEachUploader() {
        assertThat(LinkFloor.partLengths(Contender.VODKIT, 64 * MIB))
                .containsExactly(20 * MIB, 20 * MIB, 20 * MIB, 4 * MIB);
        assertThat(LinkFloor.partLengths(Contender.OFFICIAL_SDK, 64 * MIB))
                .containsExactly(20 * MIB, 20 * MIB, 24 * MIB);
        assertThat(LinkFloor.partLengths(Contender.OFFICIAL_SDK, 8 * MIB)).containsExactly(8 * MIB);
        assertThat(LinkFloor.partLengths(Contender.SINGLE_STREAM, 64 * MIB)).containsExactly(64 * MIB);
    }

    @Test
    void vodkitWaitsForItsLongestPartOnly() {
        // Apply, init, the 20 MiB parts in parallel, merge, Commit
        assertThat(LinkFloor.seconds(Contender.VODKIT, Link.SHAPED, 64 * MIB))
                .isCloseTo(20 * MIB / RATE + 5 * LATENCY, within(1e-9));
    }

    @Test
    void theSdkSendsEveryByteThroughOneConnection() {
        // Apply, init, three parts in turn, merge, Commit
        assertThat(LinkFloor.seconds(Contender.OFFICIAL_SDK, Link.SHAPED, 64 * MIB))
                .isCloseTo(64 * MIB / RATE + 7 * LATENCY, within(1e-9));
        assertThat(LinkFloor.seconds(Contender.SINGLE_STREAM, Link.SHAPED, 64 * MIB))
                .isCloseTo(64 * MIB / RATE + 3 * LATENCY, within(1e-9));
    }

    @Test
    void moreThanEightPartsGoInWaves() {
        // 512 MiB: 26 parts (25 of 20 MiB, one of 12 MiB), 8 at a time → four waves of 20 MiB parts
        List<Long> parts = LinkFloor.partLengths(Contender.VODKIT, 512 * MIB);
        assertThat(parts).hasSize(26);
        assertThat(LinkFloor.seconds(Contender.VODKIT, Link.SHAPED, 512 * MIB))
                .isCloseTo(4 * (20 * MIB / RATE + LATENCY) + 4 * LATENCY, within(1e-9));
    }

    @Test
    void anUnlimitedLinkHasNoFloor() {
        assertThatThrownBy(() -> LinkFloor.seconds(Contender.VODKIT, Link.LOOPBACK, MIB))
                .hasMessageContaining("no rate limit");
    }
}
