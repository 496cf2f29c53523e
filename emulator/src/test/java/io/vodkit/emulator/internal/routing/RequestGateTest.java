package io.vodkit.emulator.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestGateTest {

    @Test
    void closeWaitsForInFlightRequestsAndRefusesNewOnes() throws Exception {
        RequestGate gate = new RequestGate();
        assertThat(gate.enter()).isTrue();

        CompletableFuture<Integer> closing =
                CompletableFuture.supplyAsync(() -> gate.closeAndAwait(Duration.ofSeconds(10)));
        await().alias("the gate closes").atMost(Duration.ofSeconds(10)).until(() -> {
            boolean open = gate.enter();
            if (open) {
                gate.leave();
            }
            return !open;
        });
        assertThat(closing).as("waits for the request in flight").isNotDone();

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
