package io.vodkit.emulator.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestGateTest {

    @Test
    void closeWaitsForInFlightRequestsAndRefusesNewOnes() throws Exception {
        RequestGate gate = new RequestGate();
        assertThat(gate.enter()).isTrue();

        CompletableFuture<Integer> closing = CompletableFuture.supplyAsync(
                () -> gate.closeAndAwait(Duration.ofSeconds(10)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (gate.enter()) {
            gate.leave();
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.onSpinWait();
        }
        assertThat(closing).isNotDone();

        gate.leave();

        assertThat(closing.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void closeGivesUpAfterTheGracePeriod() {
        RequestGate gate = new RequestGate();
        assertThat(gate.enter()).isTrue();

        assertThat(gate.closeAndAwait(Duration.ofMillis(20))).isEqualTo(1);
        assertThat(gate.enter()).isFalse();
    }
}
