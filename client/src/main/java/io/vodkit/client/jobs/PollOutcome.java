package io.vodkit.client.jobs;

import io.vodkit.client.VodException;
import java.time.Duration;

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

    /** The time polling took, measured from the first query to the last answer. */
    Duration waited();

    /** A query saw a final state (success or failure: the caller reads which from {@link #last()}). */
    record Finished<T>(T last, int attempts, Duration waited) implements PollOutcome<T> {}

    /**
     * Every attempt saw the job still running (or failed transiently).
     *
     * @param lastFailure the transient failure of the last query, or {@code null} when it answered
     */
    record TimedOut<T>(T last, int attempts, Duration waited, VodException lastFailure) implements PollOutcome<T> {}
}
