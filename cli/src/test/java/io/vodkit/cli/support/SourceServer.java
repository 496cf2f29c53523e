package io.vodkit.cli.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP server for URL pull sources: {@code /files/NAME} streams {@code NAME} from its folder,
 * {@code /gated/NAME} sends the headers and the first half and waits for {@link #open()} before the rest; anything
 * else is 404.
 */
public final class SourceServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final Path folder;
    private final CountDownLatch gate = new CountDownLatch(1);

    public SourceServer(Path folder) throws IOException {
        this.folder = folder;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Lets waiting and future {@code /gated/} requests finish. */
    public void open() {
        gate.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/", 3);
        Path file = parts.length == 3 ? folder.resolve(parts[2]) : null;
        try (exchange) {
            if (file == null || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            long size = Files.size(file);
            exchange.sendResponseHeaders(200, size);
            try (InputStream in = Files.newInputStream(file); OutputStream out = exchange.getResponseBody()) {
                if (parts[1].equals("gated")) {
                    out.write(in.readNBytes((int) (size / 2)));
                    out.flush();
                    if (!gate.await(60, TimeUnit.SECONDS)) {
                        return;
                    }
                }
                in.transferTo(out);
            }
        } catch (IOException | InterruptedException clientGone) {
            // the fetcher gave up on this response
        }
    }

    @Override
    public void close() {
        gate.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
