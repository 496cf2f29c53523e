package io.vodkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodkit.emulator.internal.faults.FaultScript;
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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link io.vodkit.emulator.internal.faults.FaultInjector} on the wire: each kind of fault as a raw HTTP/1.1 client sees it. */
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
            return start > received.length
                    ? new byte[0]
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
        return Emulator.start(
                TestEmulator.config(dataDir).newBuilder().faults(plan).build());
    }

    /** Every request (but the stats query and the console) fails with {@code fault}: a random draw of one kind. */
    private static FaultPlan only(Fault fault) {
        return new FaultPlan(1, Set.of(fault), Duration.ofMillis(1500), List.of());
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
            assertThat(exchange(vod, "GET /console/", new byte[0]).status())
                    .as("the console watches the service, unfaulted: it answers itself (no token)")
                    .isEqualTo(401);
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
        await().atMost(Duration.ofSeconds(30))
                .until(() -> stats(vod).get("faults_injected").asLong() == 1);
        long started = System.nanoTime();
        vod.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(stalled.get(10, TimeUnit.SECONDS).complete()).isFalse();
    }

    @Test
    void aScriptFailsTheNextRequestsOnItsRouteInOrderThenLetsThemThrough() throws Exception {
        FaultPlan plan = FaultPlan.OFF.withScript("ListDomain", "500, ok, 503, reset");
        try (Emulator vod = start(plan)) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Exchange other = exchange(vod, "GET /?Action=GetStorageConfig&Version=2023-01-01", new byte[0]);
                assertThat(other.status())
                        .as("another action is not on the route")
                        .isEqualTo(401);
                Exchange exchange = exchange(vod, LIST_DOMAIN, new byte[0]);
                statuses.add(exchange.reset() ? -1 : exchange.status());
            }

            assertThat(statuses).as("401: served (unsigned); -1: reset").containsExactly(500, 401, 503, -1, 401, 401);
            JsonNode stats = stats(vod);
            assertThat(stats.get("faults_injected").asLong()).isEqualTo(3);
            assertThat(stats.get("faults").properties())
                    .extracting(Map.Entry::getKey)
                    .containsExactly("error_500", "error_503", "reset");
        }
    }

    @Test
    void aGatewayRouteCountsOnlyItsMethodAndQueryParameterAndScriptsAreTriedInOrder() throws Exception {
        FaultPlan plan = FaultPlan.OFF.withScript("PUT /*?partNumber", "500").withScript("PUT /*", "503, 503");
        try (Emulator vod = start(plan)) {
            assertThat(exchange(vod, "GET /demo/a.bin?uploadID=u", new byte[0]).status())
                    .as("a GET")
                    .isNotIn(500, 503);
            assertThat(exchange(vod, "PUT /?Action=ListDomain", new byte[0]).status())
                    .as("the OpenAPI path")
                    .isNotIn(500, 503);
            assertThat(exchange(vod, "PUT /demo/a.bin?uploadID=u&partNumber=1", new byte[] {1})
                            .status())
                    .isEqualTo(500);
            assertThat(exchange(vod, "PUT /demo/a.bin?uploadID=u&partNumber=2", new byte[] {1})
                            .status())
                    .as("the part script is used up: the next script on the request's route")
                    .isEqualTo(503);
            assertThat(exchange(vod, "PUT /demo/a.bin", new byte[] {1}).status())
                    .isEqualTo(503);
            assertThat(exchange(vod, "PUT /demo/a.bin", new byte[] {1}).status())
                    .isNotIn(500, 503);
        }
    }

    @Test
    void aScriptIsWrittenAsARouteAndItsStepsAndAMistakeIsNamed() {
        assertThat(FaultScript.parse("PUT /*?partNumber", "ok, 500, error_503, reset, stall, truncate"))
                .hasToString("PUT /*?partNumber: ok, error_500, error_503, reset, stall, truncate");
        assertThat(FaultScript.parse(" get /* ", "ok").route().method()).isEqualTo("GET");
        assertThatThrownBy(() -> FaultScript.parse("CommitUploadInfo", "500, crash"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a fault script step is ok, 500, 503, reset, stall or truncate: 'crash'");
        assertThatThrownBy(() -> FaultScript.parse("PUT /demo", "500"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a fault route is an OpenAPI action (CommitUploadInfo) or a method on the "
                        + "gateway and downloads (PUT /*, PUT /*?partNumber, GET /*): PUT /demo");
        assertThatThrownBy(() -> FaultScript.parse("ListDomain", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("''");
    }

    @Test
    void theFaultRateMustBeANumberFromZeroToOne() {
        for (double rate : new double[] {-0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> FaultPlan.of(rate))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("from 0 to 1");
        }
        assertThat(FaultPlan.of(0).enabled()).isFalse();
        assertThat(EmulatorConfig.defaults(dataDir).lab().faults()).isEqualTo(FaultPlan.OFF);
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
