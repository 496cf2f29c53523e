package io.vodkit.client.internal.upload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request body that streams a file region in small slices read on demand (positional reads, one fresh
 * {@value #SLICE_BYTES}-byte buffer per slice, as the HTTP client may hold a slice until it is written): memory use
 * is bounded by the slices in flight, never the region size. Each slice handed on is
 * reported to {@link TransferControl#onBytesSent}; once {@link TransferControl#cancelled()} turns true the body fails
 * so the HTTP request stops.
 */
final class RegionPublisher implements Flow.Publisher<ByteBuffer> {

    /**
     * 256 KiB: a quarter of the slices of 64 KiB ones, so a quarter of the per-slice work in the HTTP client (its
     * hand-offs between threads, one write call each); 1 GiB on loopback cost ~2.4 instead of ~2.6 s of client CPU,
     * the same peak RSS. 1 MiB slices cost no less and raised the peak RSS by ~35 MiB.
     */
    static final int SLICE_BYTES = 256 * 1024;

    private final FileRegion region;
    private final TransferControl control;

    RegionPublisher(FileRegion region, TransferControl control) {
        this.region = region;
        this.control = control;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        subscriber.onSubscribe(new RegionSubscription(subscriber));
    }

    private final class RegionSubscription implements Flow.Subscription {

        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger drains = new AtomicInteger();
        private volatile boolean done;
        // Touched only inside drain(), which never runs on two threads at once.
        private long position;

        RegionSubscription(Flow.Subscriber<? super ByteBuffer> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                terminate(new IllegalArgumentException("non-positive subscription request: " + n));
                return;
            }
            demand.getAndUpdate(d -> d + n < 0 ? Long.MAX_VALUE : d + n);
            drain();
        }

        @Override
        public void cancel() {
            done = true;
        }

        private void drain() {
            if (drains.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            do {
                while (!done && demand.get() > 0 && position < region.length()) {
                    if (control.cancelled()) {
                        terminate(new IOException("upload cancelled because another request of it failed"));
                        return;
                    }
                    ByteBuffer slice;
                    try {
                        slice = nextSlice();
                    } catch (IOException e) {
                        terminate(e);
                        return;
                    }
                    int bytes = slice.remaining();
                    demand.decrementAndGet();
                    subscriber.onNext(slice);
                    control.onBytesSent(bytes);
                }
                if (!done && position == region.length()) {
                    done = true;
                    subscriber.onComplete();
                    return;
                }
                missed = drains.addAndGet(-missed);
            } while (missed != 0);
        }

        private ByteBuffer nextSlice() throws IOException {
            ByteBuffer slice = ByteBuffer.allocate((int) Math.min(SLICE_BYTES, region.length() - position));
            RegionCrc32.readFully(region, position, slice);
            position += slice.capacity();
            return slice.flip();
        }

        private void terminate(Throwable error) {
            if (!done) {
                done = true;
                subscriber.onError(error);
            }
        }
    }
}
