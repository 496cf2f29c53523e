package io.vodkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodkit.emulator.faults.Fault;
import io.vodkit.emulator.faults.FaultPlan;
import io.vodkit.emulator.support.TestEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link io.vodkit.emulator.faults.FaultInjector} on the wire: each kind of fault as a raw HTTP/1.1 client sees it. */
class FaultInjectionTest {
    private static final String LIST_DOMAIN = "GET /?Action=ListDomain&Version=2023-01-01";

    @TempDir
    Path dataDir;

    /** What came back over one connection, and how the connection ended. */
    private record Exchange(byte[] received, boolean reset, Duration elapsed) {
        String head() {
            String text = new String(received, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end);
        }

        int status() {
            String head = head();
            return head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : -1;
        }

        byte[] body() {
            int start = head().length() + 4;
            return start > received.length ? new byte[0]
                    : java.util.Arrays.copyOfRange(received, start, received.length);
        }

        /** Whether the whole body arrived: its Content-Length, or the last chunk of a chunked body. */
        boolean complete() {
            for (String line : head().split("\r\n")) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    return body().length == Long.parseLong(line.substring(15).trim());
                }
            }
            return new String(body(), StandardCharsets.ISO_8859_1).endsWith("0\r\n\r\n");
        }
    }

    private Emulator start(FaultPlan plan) throws IOException {
        return Emulator.start(TestEmulator.config(dataDir).newBuilder().faults(plan).build());
    }

    private static FaultPlan only(Fault fault) {
        return new FaultPlan(1, Set.of(fault), Duration.ofMillis(1500), 7);
    }

    @Test
    void error500AnswersBeforeHandlingAndTheStatsQueryIsNeverFaulted() throws Exception {
        try (Emulator vod = start(only(Fault.ERROR_500))) {
            Exchange exchange = exchange(vod, LIST_DOMAIN, new byte[0]);

            assertThat(exchange.status()).isEqualTo(500);
            assertThat(new String(exchange.body(), StandardCharsets.UTF_8)).contains("injected fault");
            assertThat(exchange.complete()).isTrue();
            JsonNode stats = stats(vod);
            assertThat(stats.get("requests").asLong()).as("handled").isZero();
            assertThat(stats.get("faults_injected").asLong()).isEqualTo(1);
            assertThat(stats.get("faults").get("error_500").asLong()).isEqualTo(1);
        }
    }

    @Test
    void error503AsksForARetryAfterOneSecondAndReadsTheBodyFirst() throws Exception {
        try (Emulator vod = start(only(Fault.ERROR_503))) {
            Exchange exchange = exchange(vod, "PUT /demo/a.bin", UploadFlowTest.bytes(1 << 20, 3));

            assertThat(exchange.status()).isEqualTo(503);
            assertThat(exchange.head()).contains("Retry-After: 1");
            assertThat(exchange.reset()).isFalse();
            assertThat(exchange.complete()).isTrue();
        }
    }

    @Test
    void resetSendsAnRstInsteadOfAnAnswer() throws Exception {
        try (Emulator vod = start(only(Fault.RESET))) {
            Exchange exchange = exchange(vod, LIST_DOMAIN, new byte[0]);

            assertThat(exchange.reset()).isTrue();
            assertThat(exchange.received()).isEmpty();
            assertThat(stats(vod).get("requests").asLong()).as("handled").isZero();
        }
    }

    @Test
    void truncateHandlesTheRequestThenClosesHalfWayThroughTheAnswer() throws Exception {
        try (Emulator vod = start(only(Fault.TRUNCATE))) {
            Exchange exchange = exchange(vod, LIST_DOMAIN, new byte[0]);

            assertThat(exchange.status()).as(exchange.head()).isEqualTo(401);
            assertThat(exchange.complete()).isFalse();
            assertThat(exchange.reset()).isFalse();
            assertThat(stats(vod).get("requests").asLong()).as("handled").isEqualTo(1);
        }
    }

    @Test
    void truncatedDownloadStopsAtHalfItsContentLength() throws Exception {
        String authKey;
        try (TestEmulator vod = TestEmulator.start(dataDir)) {
            vod.upload("clip.bin", UploadFlowTest.bytes(100_000, 5));
            authKey = vod.authKey("clip.bin");
        }
        try (Emulator vod = start(only(Fault.TRUNCATE))) {
            Exchange exchange = exchange(vod, "GET /clip.bin?auth_key=" + authKey, new byte[0]);

            assertThat(exchange.status()).isEqualTo(200);
            assertThat(exchange.head()).contains("Content-Length: 100000");
            assertThat(exchange.body()).hasSize(50_000);
        }
    }

    @Test
    void stallHoldsTheHalfAnswerForTheStallTimeThenCloses() throws Exception {
        try (Emulator vod = start(only(Fault.STALL))) {
            Exchange exchange = exchange(vod, LIST_DOMAIN, new byte[0]);

            assertThat(exchange.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
            assertThat(exchange.status()).isEqualTo(401);
            assertThat(exchange.complete()).isFalse();
        }
    }

    @Test
    void stoppingTheEmulatorEndsAStallAtOnce() throws Exception {
        Emulator vod = start(only(Fault.STALL).withStall(Duration.ofMinutes(5)));
        CompletableFuture<Exchange> stalled = CompletableFuture.supplyAsync(() -> {
            try {
                return exchange(vod, LIST_DOMAIN, new byte[0]);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        while (stats(vod).get("faults_injected").asLong() == 0) {
            Thread.sleep(20);
        }
        long started = System.nanoTime();
        vod.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(stalled.get(10, TimeUnit.SECONDS).complete()).isFalse();
    }

    @Test
    void aSeedGivesTheSameFaultsToTheSameSequenceOfRequests() throws Exception {
        FaultPlan plan = new FaultPlan(0.5, Set.of(Fault.ERROR_503), Duration.ofSeconds(1), 42);
        List<Integer> first = statuses(plan, dataDir.resolve("a"));
        List<Integer> second = statuses(plan, dataDir.resolve("b"));

        assertThat(first).isEqualTo(second).contains(503, 401);
    }

    @Test
    void theFaultRateMustBeANumberFromZeroToOne() {
        for (double rate : new double[] {-0.1, 1.5, Double.NaN}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> FaultPlan.of(rate))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from 0 to 1");
        }
        assertThat(FaultPlan.of(0).enabled()).isFalse();
        assertThat(EmulatorConfig.defaults(dataDir).lab().faults()).isEqualTo(FaultPlan.OFF);
    }

    private static List<Integer> statuses(FaultPlan plan, Path dataDir) throws IOException {
        List<Integer> statuses = new ArrayList<>();
        try (Emulator vod = Emulator.start(TestEmulator.config(dataDir).newBuilder().faults(plan).build())) {
            for (int i = 0; i < 20; i++) {
                statuses.add(exchange(vod, LIST_DOMAIN, new byte[0]).status());
            }
        }
        return statuses;
    }

    private static JsonNode stats(Emulator vod) throws IOException {
        Exchange exchange = exchange(vod, "GET /_vodkit/stats", new byte[0]);
        return new ObjectMapper().readTree(new String(exchange.body(), StandardCharsets.UTF_8));
    }

    /** Sends {@code requestLine} (and {@code body}) on a fresh connection and reads until it ends. */
    private static Exchange exchange(Emulator vod, String requestLine, byte[] body) throws IOException {
        long started = System.nanoTime();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        boolean reset = false;
        try (Socket socket = new Socket("127.0.0.1", vod.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String head = requestLine + " HTTP/1.1\r\nHost: 127.0.0.1:" + vod.port() + "\r\nConnection: close\r\n"
                    + (body.length > 0 ? "Content-Length: " + body.length + "\r\n" : "") + "\r\n";
            try {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            } catch (SocketException e) {
                reset = true;
            }
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketException e) {
                reset = true;
            }
        }
        return new Exchange(received.toByteArray(), reset, Duration.ofNanos(System.nanoTime() - started));
    }
}
