package io.vodkit.client.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait for a job: at most {@code maxAttempts} queries, {@code interval} apart (the first at once).
 *
 * @param interval    pause between two queries ({@code VOD_POLL_INTERVAL}, default 5 s)
 * @param maxAttempts queries before giving up ({@code VOD_POLL_MAX}, default 360)
 */
public record PollConfig(Duration interval, int maxAttempts) {

  public static final PollConfig DEFAULT = new PollConfig(Duration.ofSeconds(5), 360);

  public PollConfig {
    Objects.requireNonNull(interval, "interval == null");
    if (interval.isNegative()) {
      throw new IllegalArgumentException("interval < 0: " + interval);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
    }
  }

  /** {@code "360 attempts × 5s"}: how the time-out message describes this budget. */
  public String describe() {
    long millis = interval.toMillis();
    String seconds = millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    return maxAttempts + " attempts × " + seconds + "s";
  }
}
