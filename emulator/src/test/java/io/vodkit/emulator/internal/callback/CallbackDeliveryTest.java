package io.vodkit.emulator.internal.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The delivery queue's bound and what a stop does to what waits in it. */
class CallbackDeliveryTest {

    @Test
    void aFullQueueDropsTheNextCallbackAndAStopDropsWhatWaits() throws Exception {
        // a receiver that takes connections (the backlog) and never answers: both workers wait on it
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/hook";
            CallbackDelivery delivery = new CallbackDelivery(uri -> Optional.empty(), Clock.systemUTC());
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            try {
                for (int i = 0; i < 2 + 256 + 1; i++) {
                    delivery.submit(new Delivery(
                            url, "application/json", body, Optional.empty(), "FileUploadComplete", "r" + i));
                }

                assertThat(delivery.counts()).containsEntry("queued", 258L).containsEntry("dropped", 1L);
            } finally {
                delivery.close();
            }

            assertThat(delivery.counts())
                    .as("the 256 waiting are dropped; the 2 being sent are not counted yet")
                    .containsEntry("dropped", 257L)
                    .containsEntry("delivered", 0L);
        }
    }

    @Test
    void aRefusedUrlIsGivenUpWithoutRetrying() throws Exception {
        CallbackDelivery delivery = new CallbackDelivery(uri -> Optional.of("refused: link-local"), Clock.systemUTC());
        try {
            delivery.submit(new Delivery(
                    "http://169.254.169.254/latest", "application/json", new byte[0], Optional.empty(), "E", "r"));
        } finally {
            delivery.close();
        }

        assertThat(delivery.counts()).containsEntry("given_up", 1L).containsEntry("dropped", 0L);
    }
}
