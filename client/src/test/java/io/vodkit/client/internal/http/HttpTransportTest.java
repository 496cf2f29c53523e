package io.vodkit.client.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.client.FakeVodServer;
import io.vodkit.client.VodException;
import io.vodkit.client.http.TransportException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link HttpTransport} against a raw loopback socket that answers badly on purpose. */
class HttpTransportTest {

    /** Writes one reply on an accepted connection (after the request head was read). */
    @FunctionalInterface
    private interface Answer {
        void write(OutputStream out) throws Exception;
    }

    private final RawLoopbackServer raw = new RawLoopbackServer();
    private final HttpTransport transport = new HttpTransport(Duration.ofSeconds(2), Duration.ofSeconds(1), false);

    @AfterEach
    void stop() throws IOException {
        raw.close();
        transport.close();
    }

    /** Serves every request: its head is read, then {@code answer} writes the reply. */
    private URI serve(Answer answer) throws IOException {
        return raw.serveEach("/x", socket -> {
            RawLoopbackServer.readHead(socket.getInputStream());
            answer.write(socket.getOutputStream());
        });
    }

    private static void head(OutputStream out, int contentLength) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + contentLength + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A reply that announces 100 bytes and sends 50. */
    private static void halfOfAHundredBytes(OutputStream out) throws IOException {
        head(out, 100);
        out.write(new byte[50]);
        out.flush();
    }

    private HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
    }

    @Test
    void aReplyThatStallsHalfWayIsAbandonedAfterTheSilenceLimit() throws Exception {
        URI uri = serve(out -> {
            halfOfAHundredBytes(out);
            raw.awaitClose();
        });
        long started = System.nanoTime();

        assertThatThrownBy(() -> transport.send(get(uri), "Probe"))
                .isInstanceOfSatisfying(
                        TransportException.class,
                        e -> assertThat(e.requestSent()).isTrue())
                .hasMessageContaining("Probe: nothing sent or received from 127.0.0.1:")
                .hasMessageContaining("for 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aSlowButSteadyReplyIsNotCutOff() throws Exception {
        URI uri = serve(out -> {
            head(out, 6);
            for (int i = 0; i < 6; i++) {
                Thread.sleep(400);
                out.write('x');
                out.flush();
            }
        });

        assertThat(new String(transport.send(get(uri), "Probe").body(), StandardCharsets.US_ASCII))
                .isEqualTo("xxxxxx");
    }

    @Test
    void aTruncatedReplyIsATransportFailureTheServerMayHaveActedOn() throws Exception {
        URI uri = serve(HttpTransportTest::halfOfAHundredBytes);

        assertThatThrownBy(() -> transport.send(get(uri), "Probe"))
                .isInstanceOfSatisfying(
                        TransportException.class,
                        e -> assertThat(e.requestSent()).isTrue())
                .hasMessageContaining("I/O error talking to 127.0.0.1:");
    }

    @Test
    void aStalledUploadIsAbandonedAfterTheSilenceLimit() throws Exception {
        URI uri = serve(out -> raw.awaitClose());
        HttpRequest put = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[16 << 20]))
                .build();
        long started = System.nanoTime();

        assertThatThrownBy(() -> transport.send(put, "Upload"))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("nothing sent or received");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aPlainHttpTransportTalksHttpWithoutATlsStack() throws IOException {
        try (FakeVodServer server = new FakeVodServer();
                HttpTransport transport = new HttpTransport(Duration.ofSeconds(5), Duration.ofSeconds(5), false)) {
            server.onGateway(r -> FakeVodServer.gatewayOk("{}"));

            int status = transport
                    .send(
                            HttpRequest.newBuilder(server.endpoint().resolve("/bucket/a.mp4"))
                                    .build(),
                            "GET")
                    .statusCode();

            assertThat(status).isEqualTo(200);
        }
    }

    @Test
    void aPlainHttpTransportRefusesHttpsClearlyAndForGood() {
        try (HttpTransport transport = new HttpTransport(Duration.ofSeconds(5), Duration.ofSeconds(5), false)) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:1/bucket/a.mp4"))
                    .build();

            assertThatThrownBy(() -> transport.send(request, "storage upload"))
                    .isInstanceOf(VodException.class)
                    .isNotInstanceOf(TransportException.class)
                    .hasMessageContaining("storage upload")
                    .hasMessageContaining(PlainHttpOnly.REFUSAL);
        }
    }
}
