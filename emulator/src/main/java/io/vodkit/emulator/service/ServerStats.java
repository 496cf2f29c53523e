package io.vodkit.emulator.service;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters behind {@code GET /_vodkit/stats}. Thread-safe. */
public final class ServerStats {
    private final LongAdder requests = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final AtomicLong directUploadsInFlight = new AtomicLong();

    public void requestStarted() {
        requests.increment();
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
