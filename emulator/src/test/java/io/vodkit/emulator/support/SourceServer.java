package io.vodkit.emulator.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;

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
 * a missing file or any other path is 404. It serves plain HTTP on loopback, or where {@link #on} and
 * {@link #https} say, and records where requests arrived ({@link #reachedAt}) and the TLS SNI names it was sent.
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
    private final Set<InetAddress> reachedAt = ConcurrentHashMap.newKeySet();
    private final List<String> serverNames;

    /** Plain HTTP on loopback. */
    public SourceServer(Path folder) throws IOException {
        this(folder, HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), List.of());
    }

    private SourceServer(Path folder, HttpServer server, List<String> serverNames) {
        this.folder = folder;
        this.server = server;
        this.serverNames = serverNames;
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Plain HTTP on {@code address} (a wildcard for every address of this machine). */
    public static SourceServer on(Path folder, InetAddress address) throws IOException {
        return new SourceServer(folder, HttpServer.create(new InetSocketAddress(address, 0), 0), List.of());
    }

    /** HTTPS on loopback with {@code tls}'s certificate, recording the SNI names clients send. */
    public static SourceServer https(Path folder, SSLContext tls) throws IOException {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> names = new CopyOnWriteArrayList<>();
        https.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = tls.getDefaultSSLParameters();
                parameters.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                    @Override
                    public boolean matches(SNIServerName name) {
                        names.add(((SNIHostName) name).getAsciiName());
                        return true;
                    }
                }));
                params.setSSLParameters(parameters);
            }
        });
        return new SourceServer(folder, https, names);
    }

    public String url(String path) {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + port() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The addresses of this machine that requests arrived at. */
    public Set<InetAddress> reachedAt() {
        return Set.copyOf(reachedAt);
    }

    /** The SNI host names TLS clients sent, in order. */
    public List<String> serverNames() {
        return List.copyOf(serverNames);
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
        reachedAt.add(exchange.getLocalAddress().getAddress());
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
                case "gzip" -> gzipped(exchange, folder.resolve(rest));
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

    /** The file compressed, as {@code Content-Encoding: gzip}: a client that decodes it would store other bytes. */
    private static void gzipped(HttpExchange exchange, Path file) throws IOException {
        byte[] body = gzip(Files.readAllBytes(file));
        exchange.getResponseHeaders().add("Content-Encoding", "gzip");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** {@code data} gzip-compressed (the same bytes every time: the JDK writes no time stamp). */
    public static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
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
