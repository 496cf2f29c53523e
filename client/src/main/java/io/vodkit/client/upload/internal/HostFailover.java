package io.vodkit.client.upload.internal;

import io.vodkit.client.upload.StorageException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries a storage request on the upload hosts in order. A host whose request fails in a retryable way (no reply,
 * timeout, 5xx) is remembered as dead for the rest of this upload and the request moves on to the next host; any
 * other failure (a 4xx such as a CRC mismatch or a bad token) is thrown at once. Thread-safe: one instance serves
 * all parts of one upload.
 */
public final class HostFailover {

  private static final Logger LOG = LoggerFactory.getLogger(HostFailover.class);

  private final List<String> hosts;
  private final BooleanSupplier stopped;
  private final Set<String> dead = ConcurrentHashMap.newKeySet();

  /**
   * @param stopped {@code true} once the upload failed elsewhere: a failure then is that cancellation, so it is
   *                thrown as is and does not count against the host
   */
  public HostFailover(List<String> hosts, BooleanSupplier stopped) {
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("no upload hosts");
    }
    this.hosts = List.copyOf(hosts);
    this.stopped = stopped;
  }

  /** Runs {@code attempt} with the first live host, moving on while it fails retryably. */
  public <T> T call(Function<String, T> attempt) {
    StorageException last = null;
    for (String host : hosts) {
      if (dead.contains(host)) {
        continue;
      }
      try {
        return attempt.apply(host);
      } catch (StorageException e) {
        if (!e.retryable() || stopped.getAsBoolean()) {
          throw e;
        }
        if (dead.add(host)) {
          LOG.warn("upload host failed, not using it again for this upload: host={} reason={}", host,
              e.getMessage());
        }
        last = e;
      }
    }
    if (last == null) {
      throw new IllegalStateException("every upload host already failed: " + hosts);
    }
    throw new StorageException(last.step(), last.partNumber(), last.host(), last.httpStatus(), last.errorCode(),
        false, "no upload host left (tried " + String.join(", ", hosts) + "); last error: "
            + last.getMessage(), last);
  }
}
