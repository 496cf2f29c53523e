package io.vodkit.client.internal.upload;

import io.vodkit.client.upload.UploadListener;
import io.vodkit.client.upload.UploadProgress;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sums the body bytes of all requests of one upload and tells the listener (guarded: a listener that throws is
 * logged once and ignored). Each request attempt gets its own {@link Attempt}, whose bytes are taken back if the attempt
 * fails and is retried elsewhere.
 */
public final class ProgressTracker {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressTracker.class);

    private final long totalBytes;
    private final UploadListener listener;
    private final BooleanSupplier cancelled;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicBoolean listenerFailed = new AtomicBoolean();

    /**
     * @param cancelled tells requests to stop sending (another part already failed)
     */
    public ProgressTracker(long totalBytes, UploadListener listener, BooleanSupplier cancelled) {
        this.totalBytes = totalBytes;
        this.listener = listener;
        this.cancelled = cancelled;
    }

    /** A fresh counter for one request attempt. */
    public Attempt attempt() {
        return new Attempt();
    }

    private void add(long bytes) {
        long now = sent.addAndGet(bytes);
        try {
            listener.onProgress(new UploadProgress(now, totalBytes));
        } catch (RuntimeException e) {
            if (listenerFailed.compareAndSet(false, true)) {
                LOG.warn("upload listener threw; ignoring this and later failures of it", e);
            }
        }
    }

    /** The bytes of one request attempt. */
    public final class Attempt implements TransferControl {

        private final AtomicLong bytes = new AtomicLong();

        @Override
        public void onBytesSent(long count) {
            bytes.addAndGet(count);
            add(count);
        }

        @Override
        public boolean cancelled() {
            return cancelled.getAsBoolean();
        }

        /** Takes this attempt's bytes back out of the total (the request failed and will be sent again). */
        public void rollback() {
            long count = bytes.getAndSet(0);
            if (count != 0) {
                add(-count);
            }
        }
    }
}
