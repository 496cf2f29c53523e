package io.vodkit.client.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.client.VodServiceException;
import io.vodkit.client.http.TransportException;
import io.vodkit.client.jobs.PollConfig;
import io.vodkit.client.jobs.PollOutcome;
import io.vodkit.client.limits.InvalidValueException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class JobPollerTest {
    private final List<Duration> sleeps = new ArrayList<>();
    /** A monotonic clock that moves only when the poller sleeps or a query says it took time. */
    private final AtomicLong nanos = new AtomicLong();

    private final PollConfig config = new PollConfig(Duration.ofSeconds(2), 4);
    private final JobPoller poller = new JobPoller(
            config,
            pause -> {
                sleeps.add(pause);
                nanos.addAndGet(pause.toNanos());
            },
            nanos::get);

    private static Supplier<String> answers(Object... answers) {
        Iterator<Object> it = List.of(answers).iterator();
        return () -> {
            Object next = it.next();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return (String) next;
        };
    }

    @Test
    void stopsAtTheFirstFinalStateAndSleepsBetweenQueriesOnly() {
        List<String> seen = new ArrayList<>();
        PollOutcome<String> outcome =
                poller.poll(answers("initial", "processing", "success"), "success"::equals, seen::add);

        assertThat(outcome).isEqualTo(new PollOutcome.Finished<>("success", 3, Duration.ofSeconds(4)));
        assertThat(seen).containsExactly("initial", "processing", "success");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void timesOutAfterMaxAttemptsWithTheLastState() {
        PollOutcome<String> outcome = poller.poll(answers("a", "b", "c", "d", "never asked"), s -> false, s -> {});

        assertThat(outcome).isEqualTo(new PollOutcome.TimedOut<>("d", 4, Duration.ofSeconds(6), null));
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void transientErrorsUseAnAttemptAndPollingGoesOn() {
        PollOutcome<String> outcome = poller.poll(
                answers(
                        new TransportException("GetExecution", "connection refused", null),
                        new VodServiceException(503, "ServiceUnavailable", null, "busy", "r1", "GetExecution"),
                        new VodServiceException(429, "FlowLimitExceeded", null, "slow down", "r2", "GetExecution"),
                        "Success"),
                "Success"::equals,
                s -> {});

        assertThat(outcome).isEqualTo(new PollOutcome.Finished<>("Success", 4, Duration.ofSeconds(6)));
    }

    @Test
    void aTimeOutAfterFailingQueriesCarriesTheLastFailure() {
        VodServiceException busy =
                new VodServiceException(503, "ServiceUnavailable", null, "busy", "r", "GetExecution");
        PollOutcome<String> outcome = poller.poll(answers("Running", busy, busy, busy), s -> false, s -> {});

        assertThat(outcome).isEqualTo(new PollOutcome.TimedOut<>("Running", 4, Duration.ofSeconds(6), busy));
    }

    @Test
    void otherErrorsEndPollingAtOnce() {
        VodServiceException denied = new VodServiceException(403, "AccessDenied", 100013, "no", "r", "GetExecution");

        assertThatThrownBy(() -> poller.poll(answers(denied), s -> false, s -> {}))
                .isSameAs(denied);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void theTimeWaitedIsMeasuredNotIntervalTimesCount() {
        Supplier<String> slow = () -> {
            nanos.addAndGet(Duration.ofSeconds(3).toNanos());
            return "Running";
        };

        PollOutcome<String> outcome = poller.poll(slow, s -> false, s -> {});

        assertThat(outcome.waited()).isEqualTo(Duration.ofSeconds(4 * 3 + 3 * 2));
        assertThat(config.describeWait(outcome.waited(), outcome.attempts()))
                .isEqualTo("after 18 s (4 polls, 2 s apart)");
    }

    @Test
    void refusesABudgetOutsideTheLimits() {
        assertThatThrownBy(() -> new PollConfig(Duration.ofSeconds(1), 0))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("pollMax must be 1 to 1000000, got 0");
        assertThatThrownBy(() -> new PollConfig(Duration.ZERO, 1))
                .hasMessage("pollInterval must be 0.1 to 3600 seconds, got 0 seconds");
        assertThatThrownBy(() -> new PollConfig(Duration.ofHours(2), 1))
                .hasMessage("pollInterval must be 0.1 to 3600 seconds, got 7200 seconds");
    }
}
