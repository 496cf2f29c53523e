package io.vodkit.emulator.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server standing in for the sources of URL pulls: {@code /clip.mp4} serves the bytes given,
 * {@code /empty.mp4} an empty 200, {@code /redirect/N/clip.mp4} N redirects before the clip, {@code /loop.mp4}
 * redirects forever, {@code /gated.mp4} sends its headers and half the clip and then waits for {@link #open()},
 * {@code /stall.mp4} sends half the clip and then nothing; anything else is 404.
 */
public final class SourceServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final byte[] clip;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger gatedRequests = new AtomicInteger();

    public SourceServer(byte[] clip) throws IOException {
        this.clip = clip.clone();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Lets every waiting and future {@code /gated.mp4} request finish. */
    public void open() {
        gate.countDown();
    }

    /** How many {@code /gated.mp4} requests arrived. */
    public int gatedRequests() {
        return gatedRequests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            if (path.equals("/clip.mp4")) {
                exchange.sendResponseHeaders(200, clip.length);
                exchange.getResponseBody().write(clip);
            } else if (path.equals("/empty.mp4")) {
                exchange.sendResponseHeaders(200, -1);
            } else if (path.startsWith("/redirect/")) {
                int left = Integer.parseInt(path.split("/")[2]);
                redirect(exchange, left == 0 ? "/clip.mp4" : "/redirect/" + (left - 1) + "/clip.mp4");
            } else if (path.equals("/loop.mp4")) {
                redirect(exchange, "/loop.mp4");
            } else if (path.equals("/gated.mp4")) {
                gatedRequests.incrementAndGet();
                exchange.sendResponseHeaders(200, clip.length);
                OutputStream out = exchange.getResponseBody();
                out.write(clip, 0, clip.length / 2);
                out.flush();
                if (await(gate)) {
                    out.write(clip, clip.length / 2, clip.length - clip.length / 2);
                }
            } else if (path.equals("/stall.mp4")) {
                exchange.sendResponseHeaders(200, clip.length);
                exchange.getResponseBody().write(clip, 0, clip.length / 2);
                exchange.getResponseBody().flush();
                await(release);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        } catch (IOException clientGone) {
            // the fetcher gave up on this response
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        gate.countDown();
        release.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
