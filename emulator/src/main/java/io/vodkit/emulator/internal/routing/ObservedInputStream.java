package io.vodkit.emulator.internal.routing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Tells an {@link Observer} how many bytes each read returned, right after the read: request bodies are counted into
 * the server stats this way.
 */
final class ObservedInputStream extends FilterInputStream {

    /** Hears of the bytes read; may block (to pace the reader) or throw (to fail the read). */
    @FunctionalInterface
    interface Observer {
        void bytesRead(int count) throws IOException;
    }

    private final Observer observer;

    ObservedInputStream(InputStream in, Observer observer) {
        super(in);
        this.observer = observer;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            observer.bytesRead(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            observer.bytesRead(n);
        }
        return n;
    }
}
