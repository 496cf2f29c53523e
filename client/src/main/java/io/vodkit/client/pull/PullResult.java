package io.vodkit.client.pull;

import java.time.Duration;
import java.util.List;

/**
 * How waiting for URL pull jobs ended.
 *
 * @param jobs     every job asked about, in the order asked
 * @param timedOut true when the attempts ran out with some job still unfinished
 * @param attempts queries made (one attempt queries every unfinished job)
 * @param waited   the time the wait took, measured
 */
public record PullResult(List<PullJobStatus> jobs, boolean timedOut, int attempts, Duration waited) {

    public PullResult {
        jobs = List.copyOf(jobs);
    }
}
