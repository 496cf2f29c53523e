package io.vodkit.client.upload.internal;

import io.vodkit.client.upload.FileRegion;
import io.vodkit.client.upload.TransferControl;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request body that streams a file region as read-only slices of memory-mapped windows, on demand: memory use is
 * bounded by the window size, not the region size, and no bytes are copied onto the heap. Each slice handed on is
 * reported to {@link TransferControl#onBytesSent}; once {@link TransferControl#cancelled()} turns true the body fails
 * so the HTTP request stops.
 */
final class RegionPublisher implements Flow.Publisher<ByteBuffer> {

  static final int SLICE_BYTES = 64 * 1024;

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
    private long windowStart;
    private MappedByteBuffer window;

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
      if (window == null || position >= windowStart + window.capacity()) {
        long size = Math.min(RegionCrc32.WINDOW_BYTES, region.length() - position);
        window = region.channel().map(FileChannel.MapMode.READ_ONLY, region.offset() + position, size);
        windowStart = position;
      }
      int index = (int) (position - windowStart);
      int length = Math.min(SLICE_BYTES, window.capacity() - index);
      position += length;
      return window.slice(index, length);
    }

    private void terminate(Throwable error) {
      if (!done) {
        done = true;
        subscriber.onError(error);
      }
    }
  }
}
