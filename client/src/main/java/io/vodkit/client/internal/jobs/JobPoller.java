package io.vodkit.client.internal.jobs;

import io.vodkit.client.VodException;
import io.vodkit.client.http.RetryPolicy;
import io.vodkit.client.jobs.PollConfig;
import io.vodkit.client.jobs.PollOutcome;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queries a job until a query shows a final state or the attempts run out. A query that fails transiently (no
 * reply, time-out, HTTP 429 or 5xx) uses up an attempt and polling goes on; any other error ends polling at once.
 */
public final class JobPoller {

    /** Waits between two queries; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(JobPoller.class);

    private final PollConfig config;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;

    /**
     * @param sleeper  waits between two queries
     * @param nanoTime a monotonic clock in nanoseconds ({@link System#nanoTime()}), which times the wait
     */
    public JobPoller(PollConfig config, Sleeper sleeper, LongSupplier nanoTime) {
        this.config = Objects.requireNonNull(config, "config == null");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime == null");
    }

    public JobPoller(PollConfig config, Sleeper sleeper) {
        this(config, sleeper, System::nanoTime);
    }

    public JobPoller(PollConfig config) {
        this(config, duration -> Thread.sleep(duration.toMillis()));
    }

    /**
     * Polls {@code query} until {@code isFinal} holds for its answer.
     *
     * @param observer sees every successful answer (for progress output); must not block
     */
    public <T> PollOutcome<T> poll(Supplier<T> query, Predicate<T> isFinal, Consumer<T> observer) {
        long start = nanoTime.getAsLong();
        T last = null;
        VodException lastFailure = null;
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            try {
                T answer = query.get();
                last = answer;
                lastFailure = null;
                observer.accept(answer);
                if (isFinal.test(answer)) {
                    return new PollOutcome.Finished<>(answer, attempt, since(start));
                }
            } catch (VodException e) {
                if (!RetryPolicy.isTransient(e, true)) {
                    throw e;
                }
                lastFailure = e;
                LOG.warn("poll attempt {} failed transiently, polling on: {}", attempt, e.getMessage());
            }
            if (attempt < config.maxAttempts()) {
                pause();
            }
        }
        return new PollOutcome.TimedOut<>(last, config.maxAttempts(), since(start), lastFailure);
    }

    private Duration since(long startNanos) {
        return Duration.ofNanos(nanoTime.getAsLong() - startNanos);
    }

    private void pause() {
        try {
            sleeper.sleep(config.interval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VodException("polling interrupted", e);
        }
    }
}
