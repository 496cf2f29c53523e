package io.vodkit.emulator.routing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;

/** Reads through a {@link TokenBucket}: after each read, waits until the bucket has paid for the bytes. */
final class ShapedInputStream extends FilterInputStream {
    private final TokenBucket bucket;

    ShapedInputStream(InputStream in, TokenBucket bucket) {
        super(in);
        this.bucket = bucket;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            pace(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            pace(n);
        }
        return n;
    }

    private void pace(int bytes) throws IOException {
        long waitNanos = bucket.take(bytes, System.nanoTime());
        if (waitNanos > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(waitNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while pacing the request body");
            }
        }
    }
}
