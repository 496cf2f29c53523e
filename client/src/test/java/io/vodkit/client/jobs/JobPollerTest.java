package io.vodkit.client.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.client.VodServiceException;
import io.vodkit.client.http.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class JobPollerTest {
  private final List<Duration> sleeps = new ArrayList<>();
  private final JobPoller poller = new JobPoller(new PollConfig(Duration.ofSeconds(2), 4), sleeps::add);

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
    PollOutcome<String> outcome = poller.poll(answers("initial", "processing", "success"), "success"::equals,
        seen::add);

    assertThat(outcome).isEqualTo(new PollOutcome.Finished<>("success", 3));
    assertThat(seen).containsExactly("initial", "processing", "success");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void timesOutAfterMaxAttemptsWithTheLastState() {
    PollOutcome<String> outcome = poller.poll(answers("a", "b", "c", "d", "never asked"), s -> false, s -> { });

    assertThat(outcome).isEqualTo(new PollOutcome.TimedOut<>("d", 4, null));
    assertThat(sleeps).hasSize(3);
  }

  @Test
  void transientErrorsUseAnAttemptAndPollingGoesOn() {
    PollOutcome<String> outcome = poller.poll(answers(
        new TransportException("GetExecution", "connection refused", null),
        new VodServiceException(503, "ServiceUnavailable", null, "busy", "r1", "GetExecution"),
        new VodServiceException(429, "FlowLimitExceeded", null, "slow down", "r2", "GetExecution"),
        "Success"), "Success"::equals, s -> { });

    assertThat(outcome).isEqualTo(new PollOutcome.Finished<>("Success", 4));
  }

  @Test
  void aTimeOutAfterFailingQueriesCarriesTheLastFailure() {
    VodServiceException busy = new VodServiceException(503, "ServiceUnavailable", null, "busy", "r", "GetExecution");
    PollOutcome<String> outcome = poller.poll(answers("Running", busy, busy, busy), s -> false, s -> { });

    assertThat(outcome).isEqualTo(new PollOutcome.TimedOut<>("Running", 4, busy));
  }

  @Test
  void otherErrorsEndPollingAtOnce() {
    VodServiceException denied = new VodServiceException(403, "AccessDenied", 100013, "no", "r", "GetExecution");

    assertThatThrownBy(() -> poller.poll(answers(denied), s -> false, s -> { })).isSameAs(denied);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void describesItsBudgetLikeTheTimeOutMessage() {
    assertThat(new PollConfig(Duration.ofSeconds(5), 360).describe()).isEqualTo("360 attempts × 5s");
    assertThat(new PollConfig(Duration.ofMillis(1500), 2).describe()).isEqualTo("2 attempts × 1.5s");
  }

  @Test
  void rejectsAnEmptyBudget() {
    assertThatThrownBy(() -> new PollConfig(Duration.ofSeconds(1), 0)).hasMessageContaining("maxAttempts < 1");
  }
}
