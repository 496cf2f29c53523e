package io.vodkit.client.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.client.Credentials;
import io.vodkit.client.FakeVodServer;
import io.vodkit.client.FakeVodServer.Recorded;
import io.vodkit.client.FakeVodServer.Reply;
import io.vodkit.client.VodClient;
import io.vodkit.client.VodClientConfig;
import io.vodkit.client.VodException;
import io.vodkit.client.VodHttpException;
import io.vodkit.client.VodServiceException;
import io.vodkit.client.http.RetryPolicy;
import io.vodkit.client.http.TransportException;
import io.vodkit.client.internal.signing.RequestSigner;
import io.vodkit.client.internal.signing.SigningRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiCallerTest {

    private static final Credentials KEYS = new Credentials("AKTEST", "SKTEST");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final List<Duration> waits = new ArrayList<>();
    private final RetryPolicy retry =
            new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(10), waits::add, new SplittableRandom(1));
    private FakeVodServer server;
    private VodClient client;

    @BeforeEach
    void start() throws IOException {
        server = new FakeVodServer();
        client = new VodClient(
                new VodClientConfig(
                        server.endpoint(), "ap-singapore-1", KEYS, Duration.ofSeconds(2), Duration.ofSeconds(5), CLOCK),
                retry);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void getSendsASignedQueryTheServerCanVerify() {
        server.onActionResult("ListDomain", "{\"Total\":0}");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("SpaceName", "my space");
        params.put("Offset", "");

        JsonNode result = client.api().get("ListDomain", "2023-01-01", params);

        assertThat(result.path("Total").asInt()).isZero();
        Recorded request = server.actionRequests("ListDomain").get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.rawQuery()).isEqualTo("Action=ListDomain&Offset=&SpaceName=my%20space&Version=2023-01-01");
        assertThat(request.header("X-Date")).isEqualTo("20260101T000000Z");
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.header("Authorization"))
                .startsWith("HMAC-SHA256 Credential=AKTEST/20260101/ap-singapore-1/vod/request, "
                        + "SignedHeaders=host;x-content-sha256;x-date, Signature=")
                .isEqualTo(expectedAuthorization(request, null, new byte[0]));
    }

    @Test
    void postFormSignsContentTypeAndBody() {
        server.onActionResult("UploadMediaByUrl", "{}");

        client.api()
                .postForm(
                        "UploadMediaByUrl",
                        "2023-01-01",
                        Map.of("SpaceName", "myspace", "URLSets", "[{\"SourceUrl\":\"https://example.com/a.mp4\"}]"));

        Recorded request = server.actionRequests("UploadMediaByUrl").get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawQuery()).isEqualTo("Action=UploadMediaByUrl&Version=2023-01-01");
        assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.bodyHead())
                .isEqualTo("SpaceName=myspace&URLSets=%5B%7B%22SourceUrl%22%3A%22https%3A%2F%2F"
                        + "example.com%2Fa.mp4%22%7D%5D");
        assertThat(request.header("Authorization"))
                .contains("SignedHeaders=content-type;host;x-content-sha256;x-date")
                .isEqualTo(expectedAuthorization(
                        request,
                        "application/x-www-form-urlencoded",
                        request.bodyHead().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void postJsonSendsJackson() {
        server.onActionResult("StartExecution", "{\"RunId\":\"run-1\"}");

        JsonNode result = client.api().postJson("StartExecution", "2025-07-01", Map.of("Input", Map.of("Vid", "v1")));

        assertThat(result.path("RunId").asText()).isEqualTo("run-1");
        Recorded request = server.actionRequests("StartExecution").get(0);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.bodyHead()).isEqualTo("{\"Input\":{\"Vid\":\"v1\"}}");
        assertThat(request.header("Authorization"))
                .isEqualTo(expectedAuthorization(
                        request, "application/json", request.bodyHead().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void serviceErrorBecomesVodServiceException() {
        server.onAction(
                "ApplyUploadInfo",
                r -> Reply.json(
                        401,
                        FakeVodServer.errorEnvelope(
                                "ApplyUploadInfo",
                                "SignatureDoesNotMatch",
                                100010,
                                "The request signature we calculated does not match")));

        assertThatThrownBy(() -> client.api().get("ApplyUploadInfo", "2023-01-01", Map.of("SpaceName", "s")))
                .isInstanceOfSatisfying(VodServiceException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("SignatureDoesNotMatch");
                    assertThat(e.codeN()).isEqualTo(100010);
                    assertThat(e.requestId()).isEqualTo("req-err");
                    assertThat(e.getMessage())
                            .isEqualTo("ApplyUploadInfo failed: HTTP 401 SignatureDoesNotMatch (100010): "
                                    + "The request signature we calculated does not match [RequestId req-err]");
                });
    }

    @Test
    void htmlReplyIsAClearError() {
        server.onAction("ListDomain", r -> new Reply(502, "text/html", "<html><h1>Bad Gateway</h1></html>"));

        assertThatThrownBy(() -> client.api().get("ListDomain", "2023-01-01", Map.of()))
                .isExactlyInstanceOf(VodHttpException.class)
                .hasMessage(
                        "ListDomain failed: HTTP 502 and the reply is not JSON (wrong endpoint, or a proxy answered?): "
                                + "<html><h1>Bad Gateway</h1></html>");
    }

    @Test
    void transientFailuresAreRetriedFreshlySignedAndHonourRetryAfter() {
        int[] calls = {0};
        server.onAction("ListDomain", r -> switch (++calls[0]) {
            case 1 -> new Reply(502, "text/html", "<html>Bad Gateway</html>");
            case 2 ->
                new Reply(
                        429,
                        "application/json",
                        FakeVodServer.errorEnvelope("ListDomain", "FlowLimitExceeded", 0, "slow down"),
                        Map.of("Retry-After", "7"));
            default -> Reply.json(200, FakeVodServer.envelope("ListDomain", "{\"Total\":1}"));
        });

        assertThat(client.api()
                        .get("ListDomain", "2023-01-01", Map.of())
                        .path("Total")
                        .asInt())
                .isEqualTo(1);
        assertThat(server.actionRequests("ListDomain")).hasSize(3);
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(100));
        assertThat(waits.get(1)).as("Retry-After wins over a shorter backoff").isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void authAndValidationErrorsAreNotRetried() {
        server.onAction(
                "ListDomain",
                r -> Reply.json(401, FakeVodServer.errorEnvelope("ListDomain", "SignatureDoesNotMatch", 100010, "no")));

        assertThatThrownBy(() -> client.api().get("ListDomain", "2023-01-01", Map.of()))
                .isInstanceOf(VodServiceException.class);
        assertThat(server.actionRequests("ListDomain")).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void anUnknownCallIsNotRepeatedAfterAnAmbiguousFailure() {
        server.onAction("CreateSomething", r -> {
            throw new IllegalStateException("fake server drops the connection");
        });

        assertThatThrownBy(() -> client.api().postJson("CreateSomething", "2025-07-01", Map.of()))
                .isInstanceOf(VodException.class);
        assertThat(server.actionRequests("CreateSomething")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"StartExecution", "CommitUploadInfo", "UploadMediaByUrl"})
    void callsThatNameWhatTheyCreateAreRepeatedAfterAnAmbiguousFailure(String action) {
        int[] calls = {0};
        server.onAction(action, r -> {
            if (++calls[0] == 1) {
                throw new IllegalStateException("fake server drops the connection");
            }
            return Reply.json(200, FakeVodServer.envelope(action, "{\"RunId\":\"run-1\"}"));
        });

        assertThat(client.api()
                        .postJson(action, "2025-07-01", Map.of())
                        .path("RunId")
                        .asText())
                .isEqualTo("run-1");
        assertThat(server.actionRequests(action)).hasSize(2);
    }

    @Test
    void unreachableEndpointIsATransportExceptionAfterTheRetries() {
        VodClientConfig config = new VodClientConfig(
                URI.create("http://127.0.0.1:1"), null, KEYS, Duration.ofSeconds(2), Duration.ofSeconds(2), CLOCK);
        try (VodClient dead = new VodClient(config, retry)) {
            assertThatThrownBy(() -> dead.api().get("ListDomain", "2023-01-01", Map.of()))
                    .isInstanceOf(TransportException.class)
                    .hasMessageStartingWith("ListDomain: cannot connect to 127.0.0.1:1");
        }
    }

    @Test
    void paramsMustNotOverrideActionOrVersion() {
        assertThatThrownBy(() -> client.api().get("ListDomain", "2023-01-01", Map.of("Action", "X")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Recomputes the signature from what arrived on the wire (Host with port, raw query, body). */
    private static String expectedAuthorization(Recorded request, String contentType, byte[] body) {
        RequestSigner signer = new RequestSigner(KEYS, "ap-singapore-1", "vod", CLOCK);
        return signer.sign(new SigningRequest(
                        request.method(), request.header("Host"), request.query(), contentType, body))
                .authorization();
    }
}
