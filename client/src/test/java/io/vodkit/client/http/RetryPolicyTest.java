package io.vodkit.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.client.VodException;
import io.vodkit.client.VodHttpException;
import io.vodkit.client.VodServiceException;
import io.vodkit.client.internal.http.RetryAfter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetryPolicyTest {
    private final List<Duration> waits = new ArrayList<>();
    private final RetryPolicy policy =
            new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(350), waits::add, new SplittableRandom(7));

    static Stream<Arguments> classification() {
        TransportException notSent = new TransportException("X", "connection refused", false, null);
        TransportException maybeSent = new TransportException("X", "no reply within 60 s", null);
        return Stream.of(
                Arguments.of("connection never made, idempotent", notSent, true, true),
                Arguments.of("connection never made, creating call", notSent, false, true),
                Arguments.of("reply lost, idempotent", maybeSent, true, true),
                Arguments.of("reply lost, creating call", maybeSent, false, false),
                Arguments.of("HTTP 503", new VodHttpException("503", 503, null), false, true),
                Arguments.of("HTTP 429", new VodHttpException("429", 429, null), false, true),
                Arguments.of(
                        "HTTP 500 service error",
                        new VodServiceException(500, "InternalError", null, "", "", "X"),
                        false,
                        true),
                Arguments.of(
                        "HTTP 507, the service's disk is full",
                        new VodServiceException(507, "InsufficientStorage", null, "", "", "X"),
                        true,
                        false),
                Arguments.of(
                        "HTTP 401",
                        new VodServiceException(401, "SignatureDoesNotMatch", 100010, "", "", "X"),
                        true,
                        false),
                Arguments.of(
                        "HTTP 400", new VodServiceException(400, "InvalidParameter", null, "", "", "X"), true, false),
                Arguments.of("not an HTTP failure", new VodException("bad file"), true, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("classification")
    void classifiesFailures(String name, VodException failure, boolean idempotent, boolean transientFailure) {
        assertThat(RetryPolicy.isTransient(failure, idempotent)).isEqualTo(transientFailure);
    }

    @Test
    void backoffIsFullJitterUnderAnExponentialCeilingCappedAtMaxDelay() {
        VodException busy = new VodHttpException("503", 503, null);
        for (int attempt = 1; attempt <= 6; attempt++) {
            long ceiling = Math.min(350, 100L << (attempt - 1));
            for (int draw = 0; draw < 50; draw++) {
                assertThat(policy.delay(attempt, busy).toMillis()).isBetween(0L, ceiling);
            }
        }
    }

    @Test
    void retryAfterIsHonouredExactlyUpToMaxDelay() {
        assertThat(policy.delay(3, new VodHttpException("429", 429, Duration.ofMillis(300))))
                .isEqualTo(Duration.ofMillis(300));
        assertThat(policy.delay(3, new VodHttpException("503", 503, Duration.ZERO)))
                .isEqualTo(Duration.ZERO);
        assertThat(policy.delay(1, new VodHttpException("429", 429, Duration.ofHours(1))))
                .isEqualTo(Duration.ofMillis(350));
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastFailure() {
        int[] calls = {0};
        VodHttpException last = new VodHttpException("still 503", 503, null);

        assertThatThrownBy(() -> policy.execute("X", true, () -> {
                    calls[0]++;
                    throw calls[0] < 4 ? new VodHttpException("503", 503, null) : last;
                }))
                .isSameAs(last);
        assertThat(calls[0]).isEqualTo(4);
        assertThat(waits).hasSize(3);
    }

    @Test
    void succeedsOnALaterTry() {
        int[] calls = {0};
        assertThat(policy.execute("X", false, () -> {
                    if (++calls[0] < 3) {
                        throw new TransportException("X", "refused", false, null);
                    }
                    return "ok";
                }))
                .isEqualTo("ok");
        assertThat(waits).hasSize(2);
    }

    @Test
    void retryAfterHeaderReadsSecondsAndHttpDates() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        assertThat(RetryAfter.parse(Optional.of("12"), clock)).contains(Duration.ofSeconds(12));
        assertThat(RetryAfter.parse(Optional.of("Thu, 01 Jan 2026 00:00:30 GMT"), clock))
                .contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse(Optional.of("Wed, 31 Dec 2025 23:00:00 GMT"), clock))
                .contains(Duration.ZERO);
        assertThat(RetryAfter.parse(Optional.of("soon"), clock)).isEmpty();
        assertThat(RetryAfter.parse(Optional.empty(), clock)).isEmpty();
    }
}
