package io.vodkit.emulator.internal.pull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as a blocking {@link InputStream} that fails with {@link IdleTimeoutException} when no bytes arrive
 * for {@code idle} (the JDK client has no read time-out of its own). One chunk list is requested at a time, so at
 * most one is buffered. Closing cancels the subscription.
 */
final class IdleTimeoutBody extends InputStream implements Flow.Subscriber<List<ByteBuffer>> {

    /** No bytes arrived for the idle time-out. */
    static final class IdleTimeoutException extends IOException {
        IdleTimeoutException(Duration idle) {
            super("no bytes for " + idle.toMillis() + " ms");
        }
    }

    private static final Object COMPLETE = new Object();

    private final Duration idle;
    private final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
    private final Deque<ByteBuffer> buffers = new ArrayDeque<>();
    private volatile Flow.Subscription subscription;
    private boolean complete;

    IdleTimeoutBody(Duration idle) {
        this.idle = idle;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        signals.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        signals.add(throwable);
    }

    @Override
    public void onComplete() {
        signals.add(COMPLETE);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        ByteBuffer current = nextBuffer();
        if (current == null) {
            return -1;
        }
        int n = Math.min(length, current.remaining());
        current.get(target, offset, n);
        return n;
    }

    /** The next buffer with bytes left, waiting at most the idle time-out for more; null at the end. */
    private ByteBuffer nextBuffer() throws IOException {
        while (true) {
            while (!buffers.isEmpty() && !buffers.peekFirst().hasRemaining()) {
                buffers.removeFirst();
            }
            if (!buffers.isEmpty()) {
                return buffers.peekFirst();
            }
            if (complete) {
                return null;
            }
            Object signal;
            try {
                signal = signals.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the source");
            }
            if (signal == null) {
                cancel();
                throw new IdleTimeoutException(idle);
            }
            if (signal == COMPLETE) {
                complete = true;
            } else if (signal instanceof Throwable failure) {
                throw failure instanceof IOException io ? io : new IOException(failure.getMessage(), failure);
            } else {
                @SuppressWarnings("unchecked")
                List<ByteBuffer> chunk = (List<ByteBuffer>) signal;
                buffers.addAll(chunk);
                subscription.request(1);
            }
        }
    }

    @Override
    public void close() {
        cancel();
    }

    private void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
