package io.vodkit.emulator.internal.routing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import org.eclipse.jetty.server.HttpInput;

/**
 * A request body as a channel that tells an {@link ObservedInputStream.Observer} how many bytes each read returned,
 * right after the read (server stats, as for {@link ObservedInputStream}). Jetty's own input is read straight into the
 * caller's buffer ({@link HttpInput#read(ByteBuffer)}: one copy, out of the connection's buffer; with a direct buffer
 * the bytes never enter the Java heap); any other stream (a request wrapped by the network lab) through
 * {@link Channels#newChannel(InputStream)}.
 */
final class BodyChannel implements ReadableByteChannel {
    private final ReadableByteChannel source;
    private final ObservedInputStream.Observer observer;

    private BodyChannel(ReadableByteChannel source, ObservedInputStream.Observer observer) {
        this.source = source;
        this.observer = observer;
    }

    static ReadableByteChannel of(InputStream body, ObservedInputStream.Observer observer) {
        return new BodyChannel(
                body instanceof HttpInput jetty ? new JettyInput(jetty) : Channels.newChannel(body), observer);
    }

    @Override
    public int read(ByteBuffer target) throws IOException {
        int n = source.read(target);
        if (n > 0) {
            observer.bytesRead(n);
        }
        return n;
    }

    @Override
    public boolean isOpen() {
        return source.isOpen();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    private static final class JettyInput implements ReadableByteChannel {
        private final HttpInput input;
        private boolean open = true;

        JettyInput(HttpInput input) {
            this.input = input;
        }

        @Override
        public int read(ByteBuffer target) throws IOException {
            return input.read(target);
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() throws IOException {
            open = false;
            input.close();
        }
    }
}
