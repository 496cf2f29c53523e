package io.vodkit.emulator.internal.link;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;

/** A request body that, after each read, waits until its {@link TokenBucket} has paid for the bytes read. */
final class PacedInputStream extends ServletInputStream {
    private final ServletInputStream in;
    private final TokenBucket bucket;

    PacedInputStream(ServletInputStream in, TokenBucket bucket) {
        this.in = in;
        this.bucket = bucket;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            pace(1);
        }
        return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int n = in.read(bytes, offset, length);
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

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    @Override
    public boolean isFinished() {
        return in.isFinished();
    }

    @Override
    public boolean isReady() {
        return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }
}
