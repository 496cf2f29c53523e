package io.vodkit.emulator.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server standing in for the sources of URL pulls, serving the files of one folder (used by the
 * emulator's and the CLI's tests):
 * <ul>
 *   <li>{@code /files/NAME} streams {@code NAME} (an empty file as an empty 200);</li>
 *   <li>{@code /gated/NAME} sends the headers and the first half, then waits for {@link #open()} before the rest;</li>
 *   <li>{@code /stall/NAME} sends the headers and the first half, then nothing until the server closes;</li>
 *   <li>{@code /redirect/N/NAME} answers N more redirects before {@code /files/NAME};</li>
 *   <li>{@code /loop/NAME} redirects to itself forever;</li>
 *   <li>{@code /away/NAME?URL} redirects to {@code URL};</li>
 * </ul>
 * a missing file or any other path is 404.
 */
public final class SourceServer implements AutoCloseable {
    private static final long MAX_WAIT_SECONDS = 60;

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final Path folder;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger gatedRequests = new AtomicInteger();
    private final Map<String, AtomicInteger> gets = new ConcurrentHashMap<>();

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

    /** Lets every waiting and future {@code /gated/} request finish. */
    public void open() {
        gate.countDown();
    }

    /** How many {@code /gated/} requests for an existing file arrived. */
    public int gatedRequests() {
        return gatedRequests.get();
    }

    /** How many requests for {@code path} (e.g. {@code /files/clip.mp4}, query ignored) arrived. */
    public int requests(String path) {
        AtomicInteger count = gets.get(path);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        gets.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger())
                .incrementAndGet();
        String[] parts = exchange.getRequestURI().getPath().split("/", 3);
        String route = parts.length == 3 ? parts[1] : "";
        String rest = parts.length == 3 ? parts[2] : "";
        try (exchange) {
            switch (route) {
                case "files", "gated", "stall" -> serve(exchange, route, folder.resolve(rest));
                case "redirect" -> {
                    String[] hop = rest.split("/", 2);
                    int left = Integer.parseInt(hop[0]);
                    redirect(exchange, left == 0 ? "/files/" + hop[1] : "/redirect/" + (left - 1) + "/" + hop[1]);
                }
                case "loop" -> redirect(exchange, "/loop/" + rest);
                case "away" -> redirect(exchange, exchange.getRequestURI().getQuery());
                default -> exchange.sendResponseHeaders(404, -1);
            }
        } catch (IOException clientGone) {
            // the fetcher gave up on this response
        }
    }

    private void serve(HttpExchange exchange, String route, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        if (route.equals("gated")) {
            gatedRequests.incrementAndGet();
        }
        long size = Files.size(file);
        exchange.sendResponseHeaders(200, size == 0 ? -1 : size);
        try (InputStream in = Files.newInputStream(file);
                OutputStream out = exchange.getResponseBody()) {
            if (!route.equals("files")) {
                out.write(in.readNBytes((int) (size / 2)));
                out.flush();
                if (route.equals("stall")) {
                    await(closed);
                    return;
                }
                if (!await(gate)) {
                    return;
                }
            }
            in.transferTo(out);
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        gate.countDown();
        closed.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
