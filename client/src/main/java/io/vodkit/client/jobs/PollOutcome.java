package io.vodkit.client.jobs;

/**
 * How polling ended: the job reached a final state, or the attempts ran out first.
 *
 * @param <T> what one query returns
 */
public sealed interface PollOutcome<T> {

  /** The job's last observed state; {@code null} when no query succeeded. */
  T last();

  /** The queries made. */
  int attempts();

  /** A query saw a final state (success or failure: the caller reads which from {@link #last()}). */
  record Finished<T>(T last, int attempts) implements PollOutcome<T> {
  }

  /** Every attempt saw the job still running (or failed transiently). */
  record TimedOut<T>(T last, int attempts) implements PollOutcome<T> {
  }
}
