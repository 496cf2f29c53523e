package io.vodkit.client.internal.upload;

import io.vodkit.client.http.RetryPolicy;
import io.vodkit.client.upload.StorageException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries a storage request on the upload hosts in order. A host whose request fails in a retryable way (no reply,
 * timeout, 5xx) is put behind the hosts that still work for the rest of this upload and the request moves on to
 * the next host; when every host failed, the {@link RetryPolicy} backs off and the round starts again (a host that
 * recovers is used again). Any other failure (a 4xx such as a CRC mismatch or a bad token) is thrown at once.
 * Thread-safe: one instance serves all parts of one upload, and each part is retried alone.
 */
public final class HostFailover {

    private static final Logger LOG = LoggerFactory.getLogger(HostFailover.class);

    private final List<String> hosts;
    private final BooleanSupplier stopped;
    private final Set<String> dead = ConcurrentHashMap.newKeySet();
    private final RetryPolicy retry;

    /**
     * @param stopped {@code true} once the upload failed elsewhere: a failure then is that cancellation, so it is
     *                thrown as is and does not count against the host
     */
    public HostFailover(List<String> hosts, BooleanSupplier stopped, RetryPolicy retry) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("no upload hosts");
        }
        this.hosts = List.copyOf(hosts);
        this.stopped = stopped;
        this.retry = retry;
    }

    /** Runs {@code attempt} on the hosts (working ones first), with backed-off rounds while all fail retryably. */
    public <T> T call(Function<String, T> attempt) {
        return retry.execute(
                "storage upload",
                failure ->
                        failure instanceof StorageException storage && storage.retryable() && !stopped.getAsBoolean(),
                () -> round(attempt));
    }

    private <T> T round(Function<String, T> attempt) {
        StorageException last = null;
        List<String> order = new ArrayList<>(hosts);
        order.sort(Comparator.comparing(dead::contains));
        for (String host : order) {
            try {
                T result = attempt.apply(host);
                dead.remove(host);
                return result;
            } catch (StorageException e) {
                if (!e.retryable() || stopped.getAsBoolean()) {
                    throw e;
                }
                if (dead.add(host)) {
                    LOG.warn(
                            "upload host failed, trying the others first from now on: host={} reason={}",
                            host,
                            e.getMessage());
                }
                last = e;
            }
        }
        throw new StorageException(
                last.step(),
                last.partNumber(),
                last.host(),
                last.httpStatus(),
                last.errorCode(),
                true,
                "every upload host failed (tried " + String.join(", ", order) + "); last error: " + last.getMessage(),
                last);
    }
}
