package io.vodkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.emulator.support.TestEmulator;
import io.vodkit.emulator.support.TestEmulator.Grant;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated link really slows requests down. Only lower bounds are asserted (half the theoretical time), never
 * upper ones.
 */
class LinkSimulationTest {
    @TempDir
    Path dataDir;

    @Test
    void aShapedLinkSlowsTheRequestBody() throws IOException {
        long rate = 1_000_000;
        byte[] body = new byte[600_000];
        new Random(5).nextBytes(body);
        EmulatorConfig config =
                TestEmulator.config(dataDir).newBuilder().linkRate(rate).build();
        try (TestEmulator vod = TestEmulator.start(config, Clock.systemUTC())) {
            Grant grant = vod.apply(TestEmulator.SPACE, Map.of("FileExtension", ".bin"));

            long started = System.nanoTime();
            int status = vod.directPut(grant, body).status();
            double seconds = (System.nanoTime() - started) / 1e9;

            assertThat(status).isEqualTo(200);
            double theoretical = (double) (body.length - 64 * 1024) / rate;
            assertThat(seconds).isGreaterThanOrEqualTo(0.5 * theoretical);
        }
    }

    @Test
    void latencyIsAddedToEachResponse() throws IOException {
        Duration latency = Duration.ofMillis(300);
        EmulatorConfig config =
                TestEmulator.config(dataDir).newBuilder().linkLatency(latency).build();
        try (TestEmulator vod = TestEmulator.start(config, Clock.systemUTC())) {
            long started = System.nanoTime();
            vod.apply(TestEmulator.SPACE, Map.of("FileExtension", ".bin"));
            double seconds = (System.nanoTime() - started) / 1e9;

            assertThat(seconds).isGreaterThanOrEqualTo(0.5 * latency.toMillis() / 1000.0);
        }
    }

    @Test
    void linkSettingsDefaultToOffAndRejectNegatives() {
        EmulatorConfig config = EmulatorConfig.defaults(dataDir);
        assertThat(config.lab().linkLatency()).isZero();
        assertThat(config.lab().linkRateBytesPerSecond()).isZero();
        assertThat(config.newBuilder()
                        .linkLatency(Duration.ofMillis(40))
                        .linkRate(16_000_000)
                        .build())
                .extracting(c -> c.lab().linkLatency(), c -> c.lab().linkRateBytesPerSecond(), EmulatorConfig::dataDir)
                .containsExactly(Duration.ofMillis(40), 16_000_000L, dataDir);
        assertThatThrownBy(() ->
                        config.newBuilder().linkLatency(Duration.ofMillis(-1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("linkLatency");
        assertThatThrownBy(() -> config.newBuilder().linkRate(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("linkRateBytesPerSecond");
    }
}
