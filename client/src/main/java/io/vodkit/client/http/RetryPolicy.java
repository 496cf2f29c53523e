package io.vodkit.client.http;

import io.vodkit.client.VodException;
import io.vodkit.client.VodHttpException;
import io.vodkit.client.limits.Limits;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats a call that failed transiently, waiting what the server's {@code Retry-After} asked for (capped at
 * {@code maxDelay}), else with exponential backoff and full jitter (a wait drawn uniformly from
 * {@code [0, min(maxDelay, baseDelay × 2^(attempt-1))]}).
 *
 * <p>Transient: no reply or a broken connection, HTTP 429 and 5xx. Auth and validation errors (other 4xx) are
 * final. A call that is not idempotent is repeated only when the server surely did not act on it: the connection
 * was never made, or the reply itself said it failed.
 *
 * @param maxAttempts tries in all, first included (1 = no retry)
 * @param baseDelay   backoff unit
 * @param maxDelay    cap of one wait (also of an honoured {@code Retry-After})
 * @param sleeper     waits between tries (tests pass one that records instead)
 * @param random      jitter source
 */
public record RetryPolicy(
        int maxAttempts, Duration baseDelay, Duration maxDelay, Sleeper sleeper, RandomGenerator random) {

    /** Waits between two tries. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);

    public RetryPolicy {
        Limits.MAX_ATTEMPTS.check((long) maxAttempts);
        Objects.requireNonNull(baseDelay, "baseDelay == null");
        Objects.requireNonNull(maxDelay, "maxDelay == null");
        Objects.requireNonNull(sleeper, "sleeper == null");
        Objects.requireNonNull(random, "random == null");
    }

    /**
     * 10 tries, 250 ms base, waits capped at 20 s: rides out a restart or an outage of about a minute, and a link
     * that fails one request in five gives up on a call about once in ten million. (The jitter comes from a
     * {@link SplittableRandom}: {@code RandomGenerator.getDefault()} would look up every generator provider at start-up.)
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(
                10,
                Duration.ofMillis(250),
                Duration.ofSeconds(20),
                duration -> Thread.sleep(duration.toMillis()),
                new SplittableRandom());
    }

    /** This policy with {@code maxAttempts} tries in all. */
    public RetryPolicy withMaxAttempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, sleeper, random);
    }

    /** Whether {@code failure} is worth another try of a call that is (or is not) idempotent. */
    public static boolean isTransient(VodException failure, boolean idempotent) {
        if (failure instanceof TransportException transport) {
            return idempotent || !transport.requestSent();
        }
        return failure instanceof VodHttpException http && http.isTransient();
    }

    /** Runs {@code call}, repeating it after transient failures; the last failure is thrown. */
    public <T> T execute(String what, boolean idempotent, Supplier<T> call) {
        return execute(what, failure -> isTransient(failure, idempotent), call);
    }

    /** Runs {@code call}, repeating it while {@code isTransient} says a failure is worth another try. */
    public <T> T execute(String what, Predicate<VodException> isTransient, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (VodException failure) {
                if (attempt >= maxAttempts || !isTransient.test(failure)) {
                    throw failure;
                }
                Duration wait = delay(attempt, failure);
                LOG.debug(
                        "retrying call={} attempt={} waitMs={} cause={}",
                        what,
                        attempt,
                        wait.toMillis(),
                        failure.getMessage());
                pause(what, wait);
            }
        }
    }

    /** The wait before try {@code attempt + 1}. */
    Duration delay(int attempt, VodException failure) {
        if (failure instanceof VodHttpException http && http.retryAfter().isPresent()) {
            Duration asked = http.retryAfter().get();
            return asked.compareTo(maxDelay) > 0 ? maxDelay : asked;
        }
        long ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 30));
        return Duration.ofMillis(ceiling <= 0 ? 0 : random.nextLong(ceiling + 1));
    }

    private void pause(String what, Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VodException(what + " was interrupted", e);
        }
    }
}
