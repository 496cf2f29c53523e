package io.vodkit.emulator.internal.service;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters behind {@code GET /_vodkit/stats}, and how long the service has gone without a request. Thread-safe. */
public final class ServerStats {
    private final LongAdder requests = new LongAdder();
    private final AtomicLong requestsInFlight = new AtomicLong();
    private volatile long lastRequestNanos = System.nanoTime();
    private final LongAdder bytesReceived = new LongAdder();
    private final AtomicLong directUploadsInFlight = new AtomicLong();

    public void requestStarted() {
        requests.increment();
        requestsInFlight.incrementAndGet();
        lastRequestNanos = System.nanoTime();
    }

    public void requestFinished() {
        lastRequestNanos = System.nanoTime();
        requestsInFlight.decrementAndGet();
    }

    /** Zero while a request is being served, else the time since the last one ended (or since these were made). */
    public Duration sinceLastRequest() {
        return requestsInFlight.get() > 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - lastRequestNanos);
    }

    public void bytesReceived(long count) {
        bytesReceived.add(count);
    }

    public void directUploadStarted() {
        directUploadsInFlight.incrementAndGet();
    }

    public void directUploadFinished() {
        directUploadsInFlight.decrementAndGet();
    }

    public long requests() {
        return requests.sum();
    }

    public long bytesReceived() {
        return bytesReceived.sum();
    }

    public long directUploadsInFlight() {
        return directUploadsInFlight.get();
    }
}
