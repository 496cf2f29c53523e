package io.vodkit.emulator.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server standing in for a user's callback handler: it keeps every request it gets, in order of
 * arrival, and answers each with the status set by {@link #answer} (200 unless told otherwise).
 */
public final class CallbackReceiver implements AutoCloseable {
    private static final long WAIT_SECONDS = 30;

    /** One request as it arrived. */
    public record Received(String method, String path, Headers headers, byte[] body) {
        public String header(String name) {
            return headers.getFirst(name);
        }

        public JsonNode json() throws IOException {
            return new ObjectMapper().readTree(body);
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile int status = 200;

    public CallbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers every later request with {@code httpStatus}. */
    public void answer(int httpStatus) {
        status = httpStatus;
    }

    /** The next request, waiting for it at most 30 s (failing the test then). */
    public Received next() throws InterruptedException {
        Received next = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(next).as("a callback within %d s", WAIT_SECONDS).isNotNull();
        return next;
    }

    /** How many requests arrived so far. */
    public int count() {
        return count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            count.incrementAndGet();
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(),
                    body));
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
