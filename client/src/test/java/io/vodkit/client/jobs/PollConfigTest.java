package io.vodkit.client.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How a poll budget describes the time it waited. */
class PollConfigTest {

    @Test
    void describesTimesAsAPersonReadsThem() {
        assertThat(new PollConfig(Duration.ofMillis(200), 1).describeWait(Duration.ofMillis(612), 1))
                .isEqualTo("after 0.61 s (1 poll, 0.2 s apart)");
        assertThat(PollConfig.readable(Duration.ofMillis(42_460))).isEqualTo("42.5 s");
        assertThat(PollConfig.readable(Duration.ofSeconds(1805))).isEqualTo("30 min 5 s");
        assertThat(PollConfig.readable(Duration.ofSeconds(7230))).isEqualTo("2 h 0 min");
    }
}
