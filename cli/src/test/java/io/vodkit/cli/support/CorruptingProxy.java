package io.vodkit.cli.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy that spoils the client-to-server stream at {@code offset} bytes into all the client has sent
 * through it, over every connection so far (a client may send each part on a connection of its own): either it flips
 * one byte there (a body corrupted in transit), or, when cutting, it drops the connection carrying that byte and
 * every later one until {@link #heal()} (the network went away). A proxy made with
 * {@link #cuttingAt(int, String)} cuts instead where the client first sends that text (e.g. an Action name).
 */
public final class CorruptingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final long offset;
    private final AtomicBoolean corrupted = new AtomicBoolean();
    /** Client-to-server bytes passed on so far, over all connections. */
    private final AtomicLong carried = new AtomicLong();

    private final boolean cut;
    /** Text whose first appearance in a client-to-server stream cuts it; null to cut at {@link #offset}. */
    private final String marker;

    private volatile boolean healed;
    private final ExecutorService pool = Executors.newFixedThreadPool(16);

    public CorruptingProxy(int targetPort, long offset) throws IOException {
        this(targetPort, offset, false);
    }

    private CorruptingProxy(int targetPort, long offset, boolean cut) throws IOException {
        this(targetPort, offset, cut, null);
    }

    private CorruptingProxy(int targetPort, long offset, boolean cut, String marker) throws IOException {
        this.cut = cut;
        this.marker = marker;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.offset = offset;
        pool.execute(this::accept);
    }

    /** A proxy that drops the connection at {@code offset}, and all later ones until healed. */
    public static CorruptingProxy cutting(int targetPort, long offset) throws IOException {
        return new CorruptingProxy(targetPort, offset, true);
    }

    /**
     * A proxy that drops the first connection on which the client sends {@code marker} (before passing it on), and
     * all later ones until healed.
     */
    public static CorruptingProxy cuttingAt(int targetPort, String marker) throws IOException {
        return new CorruptingProxy(targetPort, -1, true, marker);
    }

    /** From now on every byte passes untouched. */
    public void heal() {
        healed = true;
    }

    public String hostPort() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    public boolean corrupted() {
        return corrupted.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut && corrupted.get() && !healed) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                pool.execute(() -> pump(client, upstream, true));
                pool.execute(() -> pump(upstream, client, false));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean corrupt) {
        byte[] buffer = new byte[64 * 1024];
        String seen = "";
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                long position = corrupt ? carried.getAndAdd(n) : 0;
                if (corrupt && marker != null) {
                    seen = seen + new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                    if (!healed && seen.contains(marker)) {
                        corrupted.set(true);
                        return;
                    }
                    seen = seen.substring(Math.max(0, seen.length() - marker.length()));
                    out.write(buffer, 0, n);
                    continue;
                }
                if (corrupt
                        && !healed
                        && position <= offset
                        && offset < position + n
                        && corrupted.compareAndSet(false, true)) {
                    if (cut) {
                        return;
                    }
                    buffer[(int) (offset - position)] ^= 0x5A;
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException closed) {
            // either side went away; the other pump closes its sockets too
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}
