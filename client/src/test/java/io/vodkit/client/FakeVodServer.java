package io.vodkit.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.CRC32;

/**
 * A tiny in-test HTTP server standing in for both the OpenAPI endpoint ({@code /?Action=…}) and the storage gateway
 * (any other path). It records every request (bodies are streamed: only length, CRC-32 and a short text head are
 * kept) and answers with canned replies per Action and a configurable gateway responder.
 */
public final class FakeVodServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record Recorded(
            String method,
            String path,
            String rawQuery,
            Map<String, String> headers,
            long bodyLength,
            String bodyCrc32,
            String bodyHead) {

        public String header(String name) {
            return headers.get(name);
        }

        /** Decoded query parameters ({@code uploads} → {@code uploads=""}). */
        public Map<String, String> query() {
            Map<String, String> query = new LinkedHashMap<>();
            if (rawQuery == null || rawQuery.isEmpty()) {
                return query;
            }
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
            return query;
        }

        public boolean isOpenApi() {
            return path.equals("/") && query().containsKey("Action");
        }
    }

    /** A reply: status, content type, body text and extra headers. */
    public record Reply(int status, String contentType, String body, Map<String, String> headers) {

        public Reply(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }

        public static Reply json(int status, String body) {
            return new Reply(status, "application/json", body);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Function<Recorded, Reply>> actions = new ConcurrentHashMap<>();
    private volatile Function<Recorded, Reply> gateway = FakeVodServer::standardGateway;
    private volatile java.util.function.Consumer<Recorded> beforeGatewayReply = r -> {};
    private final AtomicInteger gatewayInFlight = new AtomicInteger();
    private final AtomicInteger maxGatewayInFlight = new AtomicInteger();

    public FakeVodServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://" + authority());
    }

    /** {@code 127.0.0.1:<port>}: usable as an upload host. */
    public String authority() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers OpenAPI {@code action} with {@code reply}. */
    public FakeVodServer onAction(String action, Function<Recorded, Reply> reply) {
        actions.put(action, reply);
        return this;
    }

    /** Answers OpenAPI {@code action} with HTTP 200 and {@code {"ResponseMetadata":{…},"Result":<resultJson>}}. */
    public FakeVodServer onActionResult(String action, String resultJson) {
        return onAction(action, r -> Reply.json(200, envelope(action, resultJson)));
    }

    /** Replaces the gateway responder (default {@link #standardGateway(Recorded)}). */
    public FakeVodServer onGateway(Function<Recorded, Reply> responder) {
        this.gateway = responder;
        return this;
    }

    /** Runs on the server thread after a gateway request was read and before it is answered. */
    public FakeVodServer beforeGatewayReply(java.util.function.Consumer<Recorded> hook) {
        this.beforeGatewayReply = hook;
        return this;
    }

    public List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Recorded> gatewayRequests() {
        return requests().stream().filter(r -> !r.isOpenApi()).toList();
    }

    public List<Recorded> actionRequests(String action) {
        return requests().stream()
                .filter(r -> r.isOpenApi() && action.equals(r.query().get("Action")))
                .toList();
    }

    /** The most gateway requests that were being handled at the same time. */
    public int maxGatewayInFlight() {
        return maxGatewayInFlight.get();
    }

    public static String envelope(String action, String resultJson) {
        return "{\"ResponseMetadata\":{\"RequestId\":\"req-1\",\"Action\":\"" + action
                + "\",\"Version\":\"2023-01-01\",\"Service\":\"vod\",\"Region\":\"ap-singapore-1\"},\"Result\":"
                + resultJson + "}";
    }

    public static String errorEnvelope(String action, String code, int codeN, String message) {
        return "{\"ResponseMetadata\":{\"RequestId\":\"req-err\",\"Action\":\"" + action
                + "\",\"Version\":\"2023-01-01\",\"Service\":\"vod\",\"Region\":\"ap-singapore-1\",\"Error\":{\"CodeN\":"
                + codeN + ",\"Code\":\"" + code + "\",\"Message\":\"" + message + "\"}}}";
    }

    /** A well-behaved gateway: checks Content-CRC32 and answers each step as spec §6.2 describes. */
    public static Reply standardGateway(Recorded r) {
        Map<String, String> query = r.query();
        String crc = r.header("Content-CRC32");
        if (crc != null && !crc.equals(r.bodyCrc32())) {
            return gatewayError(400, 4002, "crc32 mismatch: expected " + crc + " actual " + r.bodyCrc32());
        }
        if (query.containsKey("uploads")) {
            return gatewayOk("{\"uploadID\":\"up-123\"}");
        }
        if (query.containsKey("partNumber")) {
            return gatewayOk("{\"uploadid\":\"up-123\",\"part_number\":\"" + query.get("partNumber") + "\",\"crc32\":\""
                    + r.bodyCrc32() + "\",\"etag\":\"e\",\"meta\":{\"ObjectContentType\":\"video/mp4\"}}");
        }
        return gatewayOk("{\"hash\":\"" + r.bodyCrc32() + "\",\"key\":\"k\"}");
    }

    public static Reply gatewayOk(String payload) {
        return Reply.json(
                200,
                "{\"Version\":\"\",\"success\":0,\"error\":{\"code\":200,\"error\":\"\",\"error_code\":0,"
                        + "\"message\":\"\"},\"payload\":" + payload + "}");
    }

    public static Reply gatewayError(int status, int errorCode, String message) {
        return Reply.json(
                status,
                "{\"Version\":\"\",\"success\":-1,\"error\":{\"code\":" + status + ",\"error\":\"\",\"error_code\":"
                        + errorCode + ",\"message\":\"" + message + "\"},\"payload\":{}}");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Recorded recorded = read(exchange);
            requests.add(recorded);
            Reply reply;
            if (recorded.isOpenApi()) {
                Function<Recorded, Reply> action = actions.get(recorded.query().get("Action"));
                reply = action != null
                        ? action.apply(recorded)
                        : Reply.json(
                                404,
                                errorEnvelope(
                                        recorded.query().get("Action"), "InvalidActionOrVersion", 100008, "not faked"));
            } else {
                int now = gatewayInFlight.incrementAndGet();
                maxGatewayInFlight.accumulateAndGet(now, Math::max);
                try {
                    beforeGatewayReply.accept(recorded);
                    reply = gateway.apply(recorded);
                } finally {
                    gatewayInFlight.decrementAndGet();
                }
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.getResponseHeaders().set("X-Tt-Logid", "log-1");
            reply.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static Recorded read(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
        CRC32 crc = new CRC32();
        long length = 0;
        StringBuilder head = new StringBuilder();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = exchange.getRequestBody()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
                if (head.length() < 4096) {
                    head.append(new String(buffer, 0, Math.min(n, 4096 - head.length()), StandardCharsets.ISO_8859_1));
                }
                length += n;
            }
        }
        return new Recorded(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(),
                headers,
                length,
                String.format("%08x", crc.getValue()),
                head.toString());
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
