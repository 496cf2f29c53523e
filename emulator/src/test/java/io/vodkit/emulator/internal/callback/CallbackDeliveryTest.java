package io.vodkit.emulator.internal.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vodkit.emulator.internal.pull.GuardedHttp;
import io.vodkit.emulator.internal.pull.SourceGuard;
import io.vodkit.emulator.support.CallbackReceiver;
import io.vodkit.emulator.support.ScriptedDns;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The delivery queue's bound, what a stop does to what waits in it, and which addresses a callback reaches. */
class CallbackDeliveryTest {

    @Test
    void aFullQueueDropsTheNextCallbackAndAStopDropsWhatWaits() throws Exception {
        // a receiver that takes connections (the backlog) and never answers: both workers wait on it
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/hook";
            CallbackDelivery delivery = delivery();
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

            // the 256 waiting are dropped at once; the 2 being sent once their workers see the stop
            await().atMost(Duration.ofSeconds(10)).until(() -> delivery.counts().get("dropped") == 1 + 256 + 2);
            assertThat(delivery.counts()).containsEntry("delivered", 0L).containsEntry("given_up", 0L);
        }
    }

    @Test
    void aRefusedUrlIsGivenUpWithoutRetrying() throws Exception {
        CallbackDelivery delivery = delivery();
        try {
            delivery.submit(new Delivery(
                    "http://169.254.169.254/latest", "application/json", new byte[0], Optional.empty(), "E", "r"));

            // refused before any connection, and never retried (a retry would wait 1 s first)
            await().atMost(Duration.ofMillis(900)).until(() -> delivery.counts().get("given_up") == 1L);
        } finally {
            delivery.close();
        }

        assertThat(delivery.counts()).containsEntry("given_up", 1L).containsEntry("dropped", 0L);
    }

    @Test
    void aNameThatRebindsAfterItsLookupIsPostedToTheVettedAddressOnly() throws Exception {
        ScriptedDns dns = new ScriptedDns().answer("hooks.example", List.of("127.0.0.1"), List.of("169.254.169.254"));
        CallbackDelivery delivery = new CallbackDelivery(
                new GuardedHttp(CallbackDelivery.HTTP, new SourceGuard("127.0.0.1", false, dns), Optional.empty()),
                Clock.systemUTC());
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            String url = receiver.url("/hook").replace("127.0.0.1", "hooks.example");
            delivery.submit(new Delivery(
                    url, "application/json", "{}".getBytes(StandardCharsets.UTF_8), Optional.empty(), "E", "r"));

            assertThat(receiver.next().path()).isEqualTo("/hook");
            assertThat(dns.lookups("hooks.example"))
                    .as("one lookup: the address vetted is the address connected to")
                    .isEqualTo(1);
        } finally {
            delivery.close();
        }
    }

    /** A delivery whose guard is that of an emulator serving on loopback. */
    private static CallbackDelivery delivery() {
        return new CallbackDelivery(
                new GuardedHttp(CallbackDelivery.HTTP, new SourceGuard("127.0.0.1", false), Optional.empty()),
                Clock.systemUTC());
    }
}
