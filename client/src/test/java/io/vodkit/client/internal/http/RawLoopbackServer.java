package io.vodkit.client.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback socket answered by hand on a pool thread, for replies no real server sends (stalls, truncations,
 * garbage). Handlers that should hang until the test ends wait in {@link #awaitClose}; closing ends them all.
 */
final class RawLoopbackServer implements AutoCloseable {

    /** Handles one accepted connection; the socket is closed afterwards. */
    @FunctionalInterface
    interface Connection {
        void handle(Socket socket) throws Exception;
    }

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final CountDownLatch closed = new CountDownLatch(1);
    private ServerSocket server;

    /** Serves every connection with {@code handler}, one after another; returns {@code http://127.0.0.1:PORT/path}. */
    URI serveEach(String path, Connection handler) throws IOException {
        return serve(path, handler, true);
    }

    /** Serves one connection with {@code handler} (its failures are the handler's to report). */
    URI serveOne(String path, Connection handler) throws IOException {
        return serve(path, handler, false);
    }

    private URI serve(String path, Connection handler, boolean repeat) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ServerSocket listening = server;
        pool.execute(() -> {
            do {
                try (Socket socket = listening.accept()) {
                    handler.handle(socket);
                } catch (Exception e) {
                    return; // closed by the test, or the handler gave up
                }
            } while (repeat && !listening.isClosed());
        });
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    /** Blocks a handler until the test closes this server. */
    void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Reads a request head up to its blank line (or the end of the stream) and returns it. */
    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        if (server != null) {
            server.close();
        }
        pool.shutdownNow();
    }
}
